// Where uploaded artifacts live: BUDMODEL_ARTIFACT_DIR/<model id>/<random id>. The uploaded file's
// name is metadata only; it never becomes part of a path on disk.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { artifactDir } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { DETECT_BYTES } from "./scanners/detect";

/** The artifact's path in its model, made safe: no "..", no absolute paths, no control characters. */
export function sanitizeArtifactPath(raw: string): string | null {
  const parts = raw
    .normalize("NFC")
    .replace(/\\/g, "/")
    .split("/")
    .map((part) => part.replace(/[\u0000-\u001f\u007f]/g, "").trim())
    .filter((part) => part && part !== "." && part !== "..");
  if (parts[0] && /^[a-zA-Z]:$/.test(parts[0])) parts.shift();
  const clean = parts.map((part) => part.slice(0, 255)).join("/");
  return clean && clean.length <= 1024 ? clean : null;
}

/** The absolute path of a stored artifact; refuses anything outside the artifact folder. */
export function storedFile(storagePath: string): string {
  const full = path.resolve(artifactDir, storagePath);
  if (!full.startsWith(artifactDir + path.sep)) throw new Error(`storage path ${storagePath} leaves the artifact folder`);
  return full;
}

/** A full disk (or quota) as the 507 the client sees; nothing of the upload is kept. */
function storageFull(error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  if (code !== "ENOSPC" && code !== "EDQUOT") return error;
  return new AppError("insufficient_storage", "The artifact store is full, so the upload was not saved (nothing of it was kept). Free space in BUDMODEL_ARTIFACT_DIR, or upload a smaller file, and try again.");
}

export interface StoredUpload {
  storagePath: string;
  size: number;
  sha256: string;
  head: Buffer;
}

/**
 * Streams an upload to a temporary file while hashing it; past `limit` bytes the file is removed
 * and 413 is thrown, on a full disk 507. `commit()` moves it to its final place.
 */
export async function storeUpload(modelId: string, body: AsyncIterable<Buffer>, limit: number): Promise<StoredUpload & { commit(): Promise<void>; discard(): Promise<void> }> {
  const folder = path.join(artifactDir, modelId);
  await mkdir(/*turbopackIgnore: true*/ folder, { recursive: true }).catch((error) => Promise.reject(storageFull(error)));
  const id = randomUUID();
  const temporary = path.join(folder, `.${id}.part`);
  const out = createWriteStream(/*turbopackIgnore: true*/ temporary);
  const hash = createHash("sha256");
  const head: Buffer[] = [];
  let size = 0;
  let headSize = 0;
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => undefined);
  // The file descriptor is closed before we answer: until then a removed file still holds its space.
  const closed = new Promise<void>((resolve) => out.once("close", () => resolve()));
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > limit) {
        throw new AppError("payload_too_large", `The file is over the upload limit of ${limit} bytes (BUDMODEL_MAX_UPLOAD_BYTES)`, { limit_bytes: limit });
      }
      hash.update(chunk);
      if (headSize < DETECT_BYTES) {
        head.push(chunk.subarray(0, DETECT_BYTES - headSize));
        headSize += Math.min(chunk.length, DETECT_BYTES - headSize);
      }
      if (!out.write(chunk)) await Promise.race([new Promise<void>((resolve) => out.once("drain", () => resolve())), failed]);
    }
    await Promise.race([new Promise<void>((resolve) => out.end(() => resolve())), failed]);
    await closed;
  } catch (error) {
    out.destroy();
    await closed;
    await rm(temporary, { force: true });
    throw storageFull(error);
  }
  const storagePath = path.join(modelId, id);
  return {
    storagePath, size, sha256: hash.digest("hex"), head: Buffer.concat(head),
    commit: () => rename(temporary, storedFile(storagePath)),
    discard: () => rm(temporary, { force: true }),
  };
}

export async function removeStored(storagePath: string | null): Promise<void> {
  if (storagePath) await rm(storedFile(storagePath), { force: true }).catch(() => undefined);
}

/** A stored artifact as a stream of chunks (1 MiB reads). */
export function readStored(storagePath: string): AsyncIterable<Buffer> {
  return createReadStream(/*turbopackIgnore: true*/ storedFile(storagePath), { highWaterMark: 1024 * 1024 });
}

const MODEL_FOLDER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Removes the upload folders of models that no longer exist (a deleted model's rows go, its bytes too). */
export async function removeOrphanedUploads(existing: (ids: string[]) => Promise<Set<string>>): Promise<string[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ artifactDir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory() && MODEL_FOLDER.test(e.name)).map((e) => e.name);
  const alive = await existing(folders);
  const orphans = folders.filter((id) => !alive.has(id));
  for (const id of orphans) await rm(/*turbopackIgnore: true*/ path.join(artifactDir, id), { recursive: true, force: true });
  return orphans;
}
