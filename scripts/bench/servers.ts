// The two servers under test, as child processes: the production server (scripts/server) and
// the node:http + pg baseline. Both are started with the bench database's URL and stopped by
// their process id at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface Server {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// Everything a production build reads (its type check covers tests and scripts too); dependencies,
// outputs, artefacts and this benchmark itself are not copied.
const NOT_SOURCES = new Set([
  "node_modules", ".git", "data", "test-results", "playwright-report", "bench-results", "tsconfig.tsbuildinfo",
  path.join("scripts", "bench"),
]);
const isSource = (relative: string) => !NOT_SOURCES.has(relative) && !relative.startsWith(".next");

/** path + size + mtime of every source file: changes when any source changes. */
function sourceFingerprint(dir: string): string {
  const hash = createHash("sha256");
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (!isSource(child)) continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) {
        const stat = statSync(path.join(dir, child));
        hash.update(`${child}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk("");
  return hash.digest("hex");
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/**
 * The production build to serve, and the folder to run the production server in. BENCH_BUILD:
 *  - "private" (default): the sources are copied to BENCH_BUILD_DIR (node_modules hard-linked) and
 *    built there when they changed since its last build. The project's own .next is neither read
 *    nor written, so a build or server someone else runs in the project is not disturbed (and
 *    cannot disturb the benchmark).
 *  - "inplace": build in the project when .next/BUILD_ID is missing or older than a source.
 *  - "always": like inplace, but build every time.  "never": serve the project's .next as it is.
 */
export async function ensureBuild(mode: string): Promise<{ dir: string; status: string }> {
  if (!existsSync(path.join(root, "lib/generated/prisma/client.ts"))) {
    await run("npm", ["run", "--silent", "db:generate"], root);
  }
  const nextBuild = (dir: string) =>
    run(process.execPath, [path.join(dir, "node_modules/next/dist/bin/next"), "build"], dir, {
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
      NEXT_DIST_DIR: ".next", // next.config.mjs honours it; this script reads .next/BUILD_ID
    });
  if (mode === "never") return { dir: root, status: "not built (BENCH_BUILD=never)" };
  if (mode === "inplace" || mode === "always") {
    if (mode === "inplace" && !buildIsStale()) return { dir: root, status: "up to date (in place)" };
    await nextBuild(root);
    return { dir: root, status: "built in place" };
  }
  if (mode !== "private") throw new Error(`BENCH_BUILD must be private, inplace, always or never, got "${mode}"`);

  const dir = path.resolve(process.env.BENCH_BUILD_DIR || path.join(os.tmpdir(), "budmodel-bench-build"));
  const typeCheck = process.env.BENCH_TYPECHECK === "1";
  const fingerprint = `${sourceFingerprint(root)}${typeCheck ? " typecheck" : ""}`;
  const stampFile = path.join(dir, ".bench-source-fingerprint");
  if (existsSync(path.join(dir, ".next/BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint) {
    return { dir, status: `up to date (${dir})` };
  }
  mkdirSync(dir, { recursive: true });
  // Fresh copy of the sources (a file deleted in the project must not linger in the copy).
  for (const entry of readdirSync(dir)) {
    if (entry !== "node_modules" && !entry.startsWith(".next")) rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
  for (const entry of readdirSync(root)) {
    if (!isSource(entry)) continue;
    cpSync(path.join(root, entry), path.join(dir, entry), {
      recursive: true,
      preserveTimestamps: true,
      filter: (source) => isSource(path.relative(root, source)),
    });
  }
  // Dependencies: hard links (fast, no space). A symlink would point outside the build's root,
  // which Turbopack refuses. Re-linked when the lockfile changed.
  const lock = (base: string) => (existsSync(path.join(base, "node_modules/.package-lock.json"))
    ? readFileSync(path.join(base, "node_modules/.package-lock.json"), "utf8") : "");
  if (!existsSync(path.join(dir, "node_modules")) || lock(dir) !== lock(root)) {
    rmSync(path.join(dir, "node_modules"), { recursive: true, force: true });
    await run("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")], root);
  }
  if (!typeCheck) skipTypeCheck(dir);
  rmSync(stampFile, { force: true });
  await nextBuild(dir);
  writeFileSync(stampFile, fingerprint);
  return { dir, status: `built (${dir}${typeCheck ? "" : "; type check skipped, BENCH_TYPECHECK=1 runs it"})` };
}

/**
 * In the private copy only: wraps next.config.mjs so that `next build` skips its type check. The
 * emitted code is the same; what is skipped is `npm run typecheck`'s job, and a type error in a
 * file someone is in the middle of editing (a test, say) must not stop a performance measurement.
 */
function skipTypeCheck(dir: string): void {
  const config = path.join(dir, "next.config.mjs");
  if (!existsSync(config)) return;
  renameSync(config, path.join(dir, "next.config.bench-original.mjs"));
  writeFileSync(
    config,
    `// Written by scripts/bench/servers.ts in the benchmark's private build copy.
import original from "./next.config.bench-original.mjs";

export default async function config(...args) {
  const base = typeof original === "function" ? await original(...args) : original;
  return { ...base, typescript: { ...base.typescript, ignoreBuildErrors: true } };
}
`,
  );
}

function newestMtime(entry: string, skip: (p: string) => boolean): number {
  if (skip(entry) || !existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child), skip));
  return newest;
}

/** True when .next/BUILD_ID is missing or older than a source file (the test scripts/start.sh uses). */
export function buildIsStale(): boolean {
  const stamp = path.join(root, ".next/BUILD_ID");
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const generated = path.join(root, "lib/generated");
  const sources = ["app", "components", "lib", "prisma", "proxy.ts", "instrumentation.ts", "next.config.mjs", "package-lock.json"];
  return sources.some((source) => newestMtime(path.join(root, source), (p) => p.startsWith(generated)) > built);
}

/** Starts a child process that serves HTTP, and waits until `readyPath` answers 200. */
async function startServer(
  name: string,
  cwd: string,
  args: string[],
  port: number,
  env: Record<string, string>,
  readyPath: string,
): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env, PORT: String(port) },
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString().split("\n").filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited: string | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = signal ?? `exit ${code}`;
      resolve();
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exit;
    clearTimeout(timer);
  };
  const server: Server = { name, url, pid: child.pid!, stop };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`${name} exited (${exited}) before it was ready:\n  ${log.slice(-30).join("\n  ")}`);
    try {
      const response = await fetch(url + readyPath, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not answer ${readyPath} with 200 within 90 s:\n  ${log.slice(-30).join("\n  ")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The production server (scripts/server) of the build in `dir`, on `databaseUrl`. */
export async function startApi(databaseUrl: string, dir: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  return startServer(
    "api",
    dir,
    ["--import", "tsx", path.join(dir, "scripts/server/main.ts")],
    port,
    { DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", NEXT_DIST_DIR: ".next", ...env },
    "/api/v1/health",
  );
}

export async function startBaseline(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  return startServer(
    "baseline",
    root,
    ["--import", "tsx", path.join(root, "scripts/bench/baseline-server.ts")],
    port,
    { DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    "/api/v1/health",
  );
}
