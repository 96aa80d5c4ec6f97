// The two servers under test, as child processes: the production Next.js build (next start) and
// the node:http + pg baseline. Both are started with the bench database's URL and stopped by
// their process id at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
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

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Builds the production bundle unless it is up to date (BENCH_BUILD=always|never|auto). */
export async function ensureBuild(mode: string): Promise<"built" | "up to date" | "skipped"> {
  if (!existsSync(path.join(root, "lib/generated/prisma/client.ts"))) {
    await run("npm", ["run", "--silent", "db:generate"]);
  }
  if (mode === "never") return "skipped";
  if (mode !== "always" && !buildIsStale()) return "up to date";
  await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  });
  return "built";
}

/** Starts a child process that serves HTTP, and waits until `readyPath` answers 200. */
async function startServer(
  name: string,
  args: string[],
  port: number,
  env: Record<string, string>,
  readyPath: string,
): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
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

export async function startNext(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  return startServer(
    "api",
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    port,
    { DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    "/api/v1/health",
  );
}

export async function startBaseline(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  return startServer(
    "baseline",
    ["--import", "tsx", path.join(root, "scripts/bench/baseline-server.ts")],
    port,
    { DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    "/api/v1/health",
  );
}
