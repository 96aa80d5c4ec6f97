// A PostgreSQL cluster of a test's own, in a temporary folder on a free port, that the test may
// stop, start and restart without disturbing the machine's shared server on 5432. initdb and
// postgres refuse to run as root, so when this process is root (CI, the sandbox) they run as the
// `postgres` system user, which owns the folder.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/scripts/bench/servers";

export interface PrivatePostgres {
  port: number;
  /** A connection string for the cluster's `postgres` database (trust auth, user postgres). */
  url: string;
  dir: string;
  start(): void;
  /** Fast shutdown: open sessions are ended, as on a real restart. */
  stop(mode?: "fast" | "immediate"): void;
  restart(mode?: "fast" | "immediate"): void;
  /** Stops the cluster (if running) and removes its folder. Safe to call twice. */
  destroy(): void;
  /** The server log, for a failure message. */
  log(): string;
}

export function findPostgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = path.join(root, version, "bin");
    if (existsSync(path.join(bin, "initdb")) && existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  throw new Error("No PostgreSQL server binaries under /usr/lib/postgresql/<version>/bin (apt-get install postgresql)");
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program as the postgres user when we are root, else as ourselves. */
function runPg(bin: string, program: string, args: string[], timeoutMs = 60_000): string {
  const file = path.join(bin, program);
  const [command, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  return execFileSync(command, argv, { encoding: "utf8", timeout: timeoutMs, stdio: ["ignore", "pipe", "pipe"] });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = findPostgresBin();
  // Short path: the Unix socket lives here too, and socket paths are limited to ~100 bytes.
  const dir = mkdtempSync(path.join(os.tmpdir(), "budpg-"));
  if (isRoot()) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const port = await freePort();
  let running = false;
  let destroyed = false;
  try {
    runPg(bin, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "--no-instructions", "-E", "UTF8", "--locale=C"]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // fsync off: nothing here survives a machine crash anyway, and commits are quicker on a busy box.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const cluster: PrivatePostgres = {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    dir,
    start() {
      runPg(bin, "pg_ctl", ["-D", data, "-l", logFile, "-o", options, "-w", "-t", "60", "start"]);
      running = true;
    },
    stop(mode = "fast") {
      runPg(bin, "pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"]);
      running = false;
    },
    restart(mode = "fast") {
      cluster.stop(mode);
      cluster.start();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        if (running || existsSync(path.join(data, "postmaster.pid"))) cluster.stop("immediate");
      } catch {
        // Already down; fall through to removing the folder.
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    log: () => {
      try {
        return execFileSync("tail", ["-n", "40", logFile], { encoding: "utf8" });
      } catch {
        return "";
      }
    },
  };
  try {
    cluster.start();
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  return cluster;
}
