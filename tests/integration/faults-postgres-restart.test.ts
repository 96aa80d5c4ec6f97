// Fault: PostgreSQL restarted under load. The app (its route handlers behind an HTTP server, in a
// process of its own) runs on a private PostgreSQL cluster that the test stops and starts while
// clients keep writing and reading. During the outage every request is answered quickly with 503
// and the error shape, never a 500 or a hang; afterwards the same app process serves again by
// itself; and no write is lost or doubled: a 201 is in the database exactly once, a 503 at most
// once (its commit may or may not have happened), and retrying a 503'd write is a 201 or a 409.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOTSTRAP_TOKEN } from "./support/actors";
import { startPrivatePostgres, type PrivatePostgres } from "./support/private-postgres";

const root = path.resolve(import.meta.dirname, "../..");
// No request may take longer than this, outage or not.
const REQUEST_BOUND_MS = 10_000;

let cluster: PrivatePostgres | undefined;
let server: ChildProcess | undefined;
let base = "";

function stopEverything() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  cluster?.destroy();
}

beforeAll(async () => {
  // Even if the test process dies, the cluster and the server do not outlive it.
  process.once("exit", stopEverything);
  cluster = await startPrivatePostgres();
  server = spawn(process.execPath, ["--import", "tsx", "tests/integration/support/route-server.ts"], {
    cwd: root,
    // stdin a pipe: the server exits when it closes, should this process die without cleaning up.
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: cluster.url, BUDMODEL_ADMIN_TOKEN: BOOTSTRAP_TOKEN, BUDMODEL_SEED_DEMO: "false", WRITE_RATE_LIMIT: "0" },
  });
  let errors = "";
  server.stderr?.on("data", (chunk) => (errors = (errors + chunk).slice(-4000)));
  // The route wrapper logs each 500 with its cause: show those (the pool's own outage notices are expected).
  server.stderr?.on("data", (chunk) => {
    for (const line of String(chunk).split("\n")) if (line.includes('"level":"error"') && !line.includes('"msg":"pg pool"')) process.stderr.write(`[route-server] ${line}\n`);
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the route server did not start: ${errors}`)), 30_000);
    server!.stdout?.on("data", (chunk) => {
      const match = /port (\d+)/.exec(String(chunk));
      if (!match) return;
      clearTimeout(timer);
      resolve(Number(match[1]));
    });
    server!.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the route server exited (${code}): ${errors}`));
    });
  });
  base = `http://127.0.0.1:${port}`;
  // The first request opens and migrates the database.
  const health = await send("GET", "/api/v1/health");
  expect(health.status, JSON.stringify(health.body)).toBe(200);
}, 60_000);

afterAll(async () => {
  process.removeListener("exit", stopEverything);
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    const timer = setTimeout(() => server!.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }
  cluster?.destroy();
});

interface Outcome {
  method: string;
  path: string;
  name?: string;
  status: number | "timeout" | "network error";
  body: { error?: { code?: unknown; message?: unknown; details?: unknown }; id?: string } | null;
  retryAfter: string | null;
  ms: number;
  /** What PostgreSQL was doing when the request was sent. */
  phase: "before" | "down" | "after";
}

async function send(method: string, url: string, json?: unknown): Promise<Omit<Outcome, "phase">> {
  const started = performance.now();
  try {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: json === undefined ? {} : { "content-type": "application/json", authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(REQUEST_BOUND_MS),
    });
    const text = await response.text();
    let body: Outcome["body"] = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = { error: { message: text.slice(0, 500) } };
    }
    return { method, path: url, status: response.status, body, retryAfter: response.headers.get("retry-after"), ms: performance.now() - started };
  } catch (error) {
    const status = (error as Error).name === "TimeoutError" ? "timeout" : "network error";
    return { method, path: url, status, body: null, retryAfter: null, ms: performance.now() - started };
  }
}

async function until(what: string, test: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}\n${cluster?.log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("PostgreSQL restarted under load", () => {
  // fast: sessions are ended and the server shuts down cleanly; immediate: it stops as if it
  // crashed, and recovers from its WAL on start.
  it.each(["fast", "immediate"] as const)("stopped (%s): 503 while it is down, recovers by itself, and loses or doubles no write", async (mode) => {
    const outcomes: Outcome[] = [];
    let phase: Outcome["phase"] = "before";
    let running = true;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

    const writer = async (w: number) => {
      for (let i = 0; running; i++) {
        const at = phase;
        const name = `faults/pg-${mode}-${w}-${i}`;
        outcomes.push({ ...(await send("POST", "/api/v1/models", { name, provider: "custom", tags: ["fault-test"] })), name, phase: at });
        await pause();
      }
    };
    const reader = async () => {
      while (running) {
        const at = phase;
        outcomes.push({ ...(await send("GET", "/api/v1/models?page_size=5&sort=created_at&order=desc")), phase: at });
        const known = outcomes.find((o) => o.status === 201)?.body?.id;
        if (known) outcomes.push({ ...(await send("GET", `/api/v1/models/${known}`)), phase: at });
        await pause();
      }
    };
    const count = (p: Outcome["phase"], status: Outcome["status"], method?: string) =>
      outcomes.filter((o) => o.phase === p && o.status === status && (!method || o.method === method)).length;

    const load = Promise.all([writer(0), writer(1), writer(2), reader()]);
    const serverPid = server!.pid;
    try {
      await until("writes to succeed before the restart", () => count("before", 201) >= 15, 20_000);
      phase = "down";
      cluster!.stop(mode);
      await until("writes and reads to be refused while PostgreSQL is down", () => count("down", 503, "POST") >= 10 && count("down", 503, "GET") >= 3, 20_000);
      cluster!.start();
      phase = "after";
      await until("writes to succeed again after the restart", () => count("after", 201) >= 15 && count("after", 200) >= 5, 30_000);
    } finally {
      running = false;
      await load;
    }

    // Every answer was a success or a 503 in the one error shape, in bounded time; no 500, no hang.
    const unexpected = outcomes.filter((o) => ![200, 201, 503].includes(o.status as number));
    expect(unexpected.map((o) => `${o.phase} ${o.method} ${o.path} -> ${o.status} ${JSON.stringify(o.body)}`)).toEqual([]);
    const refusals = outcomes.filter((o) => o.status === 503);
    for (const refusal of refusals) {
      expect(refusal.body).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/database is unavailable/), details: {} } });
      expect(refusal.retryAfter).toMatch(/^\d+$/);
    }
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(REQUEST_BOUND_MS);
    // The same server process served after the restart: it recovered by itself.
    expect(server!.pid).toBe(serverPid);
    expect(server!.exitCode).toBeNull();

    // The database: each 201 exactly once (with the id it answered), each 503 at most once.
    const database = new pg.Client({ connectionString: cluster!.url });
    await database.connect();
    try {
      const rowsOf = async () => {
        const { rows } = await database.query<{ name: string; id: string; n: number; audits: number }>(`
          SELECT m.name, min(m.id::text) AS id, count(*)::int AS n,
                 (SELECT count(*)::int FROM audit_events a WHERE a.action = 'model.created' AND a.resource_id = min(m.id::text)) AS audits
            FROM models m WHERE m.name LIKE $1 GROUP BY m.name`, [`faults/pg-${mode}-%`]);
        return new Map(rows.map((row) => [row.name, row]));
      };
      const stored = await rowsOf();
      const writes = outcomes.filter((o) => o.method === "POST");
      const attempted = new Set(writes.map((o) => o.name!));
      expect([...stored.keys()].filter((name) => !attempted.has(name))).toEqual([]);
      for (const write of writes) {
        const row = stored.get(write.name!);
        if (write.status === 201) expect(row, write.name).toMatchObject({ n: 1, id: write.body!.id, audits: 1 });
        else expect(row?.n ?? 0, write.name).toBeLessThanOrEqual(1);
      }
      // Every row has its audit record: a change and its record commit together or not at all.
      expect([...stored.values()].filter((row) => row.n !== 1 || row.audits !== 1)).toEqual([]);

      // A client retrying each refused write with the same name gets 201 (it was not stored) or
      // 409 (it was), never a second row.
      const refused = writes.filter((o) => o.status === 503);
      expect(refused.length).toBeGreaterThanOrEqual(10);
      const committedAnyway = refused.filter((o) => stored.has(o.name!)).length;
      console.info(`[faults] PostgreSQL stopped (${mode}): ${writes.length - refused.length} writes answered 201, ${refused.length} answered 503 (${committedAnyway} of those committed), ${outcomes.length - writes.length} reads`);
      for (const write of refused) {
        const retry = await send("POST", "/api/v1/models", { name: write.name, provider: "custom", tags: ["fault-test"] });
        expect(retry.status, write.name).toBe(stored.has(write.name!) ? 409 : 201);
        if (retry.status === 409) expect(retry.body).toMatchObject({ error: { code: "conflict", message: expect.any(String), details: {} } });
      }
      const after = await rowsOf();
      for (const name of attempted) expect(after.get(name), name).toMatchObject({ n: 1, audits: 1 });
    } finally {
      await database.end();
    }
  }, 90_000);
});
