// A real clamd for the scan tests: the one on CLAMAV_HOST:CLAMAV_PORT (127.0.0.1:3310), started with
// scripts/clamd.sh when it does not answer. Never skipped: a test that needs clamd fails without it.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { clamdCommand } from "@/lib/scans/scanners/clamd";
import type { ClamdOptions } from "@/lib/scans/scanners/clamd";

const root = path.resolve(import.meta.dirname, "../../..");

export const CLAMD_HOST = process.env.CLAMAV_HOST || "127.0.0.1";
export const CLAMD_PORT = Number(process.env.CLAMAV_PORT || 3310);

/** Starts clamd on a port with scripts/clamd.sh (idempotent) and waits for PONG. */
export async function ensureClamd(port = CLAMD_PORT, host = CLAMD_HOST): Promise<ClamdOptions> {
  if ((await clamdCommand(host, port, "PING")) !== "PONG") {
    execFileSync("bash", [path.join(root, "scripts/clamd.sh"), "start"], {
      cwd: root, stdio: "inherit", env: { ...process.env, CLAMD_PORT: String(port) },
    });
  }
  const reply = await clamdCommand(host, port, "PING", 5000);
  if (reply !== "PONG") throw new Error(`clamd does not answer on ${host}:${port} (run scripts/clamd.sh)`);
  return { host, port, maxStreamBytes: 2000 * 1024 * 1024 };
}

export function stopClamd(port: number): void {
  execFileSync("bash", [path.join(root, "scripts/clamd.sh"), "stop"], { cwd: root, stdio: "inherit", env: { ...process.env, CLAMD_PORT: String(port) } });
}

export const CLAMAV_TESTFILES = "/usr/share/clamav-testfiles";
