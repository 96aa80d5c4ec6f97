// The API key a run sends to its endpoint (Authorization: Bearer), which is write-only. It is kept
// in one place, the run's queue job, and only sealed: AES-256-GCM under a key derived (HKDF) from
// the auth secret (NEXTAUTH_SECRET, or the data folder's, lib/auth/secret.ts), bound to the run's
// id. Never in the run row, the audit log, a response or a log line.
// Why sealed rather than stored plain and cleared when the run ends: pg-boss keeps a job's data
// through its retries and after it settles (until its retention ends), and a worker killed
// mid-run clears nothing. Sealed, the job table and database dumps are useless without the
// secret, which lives outside the database. Every process that runs jobs shares that secret
// already (session cookies need it), so any of them can open the key.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

const VERSION = "v1";

function sealingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "budmodel", "benchmark-run-api-key", 32));
}

/** The key, sealed for the run `runId` alone: "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function sealApiKey(apiKey: string, runId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  cipher.setAAD(Buffer.from(runId));
  const sealed = Buffer.concat([cipher.update(apiKey, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export class ApiKeyUnreadable extends Error {}

/** Opens what sealApiKey sealed for the same run; throws ApiKeyUnreadable when it cannot. */
export function openApiKey(sealed: string, runId: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  try {
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("malformed");
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(runId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new ApiKeyUnreadable(
      "The run's API key could not be opened: every server and worker must share NEXTAUTH_SECRET (or the data folder); start the run again",
    );
  }
}
