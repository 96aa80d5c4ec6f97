// npm run bench:soak: a steady mixed workload against the production server for a long time, to
// show that it keeps its latency, makes no errors and does not grow in memory.
//
//   1. builds the production bundle as bench:api does (BENCH_BUILD, private by default), creates a
//      scratch PostgreSQL database with BENCH_SOAK_MODELS (2,000) models and some benchmark
//      results, and starts clamd (scripts/clamd.sh) for the scans;
//   2. starts the production server (scripts/server) on it, with a bootstrap admin token for the
//      writes and the leaderboard refreshed every minute;
//   3. sends BENCH_SOAK_RPS (40) requests per second, open loop (a slow answer does not slow the
//      arrivals), for BENCH_SOAK_SECONDS (600) after BENCH_SOAK_WARMUP (30) s, mixed as a day of use:
//      catalog pages and searches, model pages and API reads, leaderboard reads, writes (create,
//      patch, delete) and uploads of small files with their scans;
//   4. prints per route the requests, errors, p50 and p99, and the server's resident memory at the
//      start and at the end of the measured run (sampled every 10 s; the V8 heap settles within the
//      first minutes, so growth beyond that is a leak); writes bench-results/soak.json.
// The exit code is 1 on any error answer or when memory grew by more than 25%.
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createBenchDatabase, type BenchDatabase } from "./database";
import { fillModels } from "./fill-models";
import { ensureBuild, root, startApi, type Server } from "./servers";

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const config = {
  rps: number("BENCH_SOAK_RPS", 40),
  seconds: number("BENCH_SOAK_SECONDS", 600),
  warmup: number("BENCH_SOAK_WARMUP", 30),
  models: Math.round(number("BENCH_SOAK_MODELS", 2000)),
  build: process.env.BENCH_BUILD || "private",
};
const MAX_MEMORY_GROWTH = 0.25;
const TOKEN = `soak-admin-${randomBytes(12).toString("hex")}`;
const log = (message: string) => console.log(`[bench:soak] ${message}`);

let database: BenchDatabase | undefined;
let server: Server | undefined;
const artifactDir = path.join(os.tmpdir(), `budmodel-soak-artifacts-${process.pid}`);

// ---- the workload ---------------------------------------------------------------------------
interface Request {
  route: string;
  method?: string;
  path: string;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Statuses that count as success (default: 2xx). */
  ok?: (status: number) => boolean;
}

const words = ["llama", "mistral", "qwen", "instruct", "chat", "code", "vision", "moe", "gemma", "phi", "base", "7b"];
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];
const html = { accept: "text/html" };
const admin = { authorization: `Bearer ${TOKEN}` };

interface State {
  ids: string[];
  /** Models this run registered, to patch, upload to and delete. */
  mine: string[];
}

// Weights add up to 100: a day of browsing with some automation writing.
const mix: { weight: number; make: (state: State) => Request | null }[] = [
  { weight: 8, make: () => ({ route: "page /models", path: `/models?q=${pick(words)}`, headers: html }) },
  { weight: 6, make: (s) => ({ route: "page /models/{id}", path: `/models/${pick(s.ids)}`, headers: html }) },
  { weight: 3, make: () => ({ route: "page /leaderboard", path: "/leaderboard", headers: html }) },
  { weight: 20, make: () => ({ route: "GET /api/v1/models?q", path: `/api/v1/models?q=${pick(words)}&min_params=${pick([0, 1, 7, 13])}&page=${pick([1, 1, 1, 2, 3])}` }) },
  { weight: 25, make: (s) => ({ route: "GET /api/v1/models/{id}", path: `/api/v1/models/${pick(s.ids)}` }) },
  { weight: 5, make: (s) => ({ route: "GET /api/v1/models/{id}/requirements", path: `/api/v1/models/${pick(s.ids)}/requirements?precision=${pick(["bf16", "fp8", "int4"])}` }) },
  { weight: 15, make: () => ({ route: "GET /api/v1/leaderboard", path: `/api/v1/leaderboard?metric=${pick(["output_throughput_tps", "ttft_p50_ms", "cost_per_million_tokens"])}` }) },
  { weight: 3, make: () => ({ route: "GET /api/v1/benchmarks", path: "/api/v1/benchmarks?page_size=50" }) },
  {
    weight: 5,
    make: () => ({
      route: "POST /api/v1/models", method: "POST", path: "/api/v1/models", headers: { ...admin, "content-type": "application/json" },
      body: JSON.stringify({ name: `soak/model-${randomBytes(6).toString("hex")}`, provider: "custom", parameter_count: 7, context_length: 8192, license_type: "apache-2.0", tags: ["soak"] }),
    }),
  },
  {
    weight: 4,
    make: (s) => s.mine.length ? ({
      route: "PATCH /api/v1/models/{id}", method: "PATCH", path: `/api/v1/models/${pick(s.mine)}`, headers: { ...admin, "content-type": "application/json" },
      body: JSON.stringify({ description: `patched at ${new Date().toISOString()}` }),
    }) : null,
  },
  { weight: 2, make: (s) => s.mine.length > 20 ? ({ route: "DELETE /api/v1/models/{id}", method: "DELETE", path: `/api/v1/models/${s.mine.shift()}`, headers: admin }) : null },
  {
    weight: 2,
    make: (s) => {
      if (!s.mine.length) return null;
      const form = new FormData();
      form.append("file", new Blob([randomBytes(4096)]), "weights.bin");
      return { route: "POST /api/v1/models/{id}/artifacts", method: "POST", path: `/api/v1/models/${pick(s.mine)}/artifacts`, headers: admin, body: form };
    },
  },
  {
    weight: 2,
    // 202 queues a scan, 200 returns one already queued; 409/422: the model has no files yet.
    make: (s) => s.mine.length ? ({ route: "POST /api/v1/models/{id}/scan", method: "POST", path: `/api/v1/models/${pick(s.mine)}/scan`, headers: admin, ok: (status) => status < 300 || status === 409 || status === 422 }) : null,
  },
];

function nextRequest(state: State): Request {
  for (;;) {
    let roll = Math.random() * 100;
    for (const entry of mix) {
      roll -= entry.weight;
      if (roll <= 0) {
        const request = entry.make(state);
        if (request) return request;
        break;
      }
    }
  }
}

interface Sample {
  route: string;
  ms: number;
  ok: boolean;
  status: number;
}

async function send(base: string, request: Request, state: State): Promise<Sample> {
  const started = performance.now();
  try {
    const response = await fetch(base + request.path, {
      method: request.method ?? "GET", headers: request.headers, body: request.body, redirect: "manual", signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (response.status === 201 && request.route === "POST /api/v1/models") state.mine.push(JSON.parse(text).id);
    const ok = request.ok ? request.ok(response.status) : response.status >= 200 && response.status < 300;
    if (!ok) console.error(`[bench:soak] ${request.route} ${request.path}: ${response.status} ${text.slice(0, 200)}`);
    return { route: request.route, ms: performance.now() - started, ok, status: response.status };
  } catch (error) {
    console.error(`[bench:soak] ${request.route} ${request.path}: ${(error as Error).message}`);
    return { route: request.route, ms: performance.now() - started, ok: false, status: 0 };
  }
}

/** Open loop: requests leave on a fixed schedule whatever the answers take. */
async function run(base: string, state: State, seconds: number, onTick?: (elapsed: number) => void): Promise<Sample[]> {
  const samples: Sample[] = [];
  const pending = new Set<Promise<void>>();
  const interval = 1000 / config.rps;
  const start = performance.now();
  let sent = 0;
  let lastTick = 0;
  while (performance.now() - start < seconds * 1000) {
    const due = start + sent * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const request = nextRequest(state);
    const done: Promise<void> = send(base, request, state).then((sample) => {
      samples.push(sample);
      pending.delete(done);
    });
    pending.add(done);
    sent++;
    const elapsed = Math.floor((performance.now() - start) / 10_000);
    if (elapsed > lastTick) {
      lastTick = elapsed;
      onTick?.(elapsed * 10);
    }
  }
  await Promise.all(pending);
  return samples;
}

// ---- measuring ------------------------------------------------------------------------------
function residentMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : NaN;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function seed(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fillModels(client, config.models, {});
    // Results for 200 models on three machines and three concurrencies, for the leaderboard to rank.
    await client.query(`INSERT INTO benchmarks (id, model_id, hardware_profile_id, engine, precision, input_tokens, output_tokens,
        concurrency, num_gpus, ttft_p50_ms, ttft_p99_ms, tpot_p50_ms, itl_p50_ms, e2e_p99_ms, output_throughput_tps, request_throughput_rps, error_rate)
      SELECT gen_random_uuid(), m.id, profile, 'vllm', 'bf16', 1024, 256, concurrency, split_part(profile, '-x', 2)::int,
             50 + random() * 500, 600 + random() * 2000, 5 + random() * 40, 5 + random() * 40, 3000 + random() * 20000,
             100 + random() * 5000, 0.5 + random() * 20, 0
        FROM (SELECT id FROM models ORDER BY random() LIMIT 200) m,
             unnest(ARRAY['h100-80gb-x1', 'a100-80gb-x1', 'l40s-48gb-x1']) profile, unnest(ARRAY[1, 8, 32]) concurrency`);
    return (await client.query<{ id: string }>("SELECT id FROM models ORDER BY random() LIMIT 500")).rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  log(`${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; ${config.rps} req/s for ${config.seconds} s after ${config.warmup} s`);
  const build = await ensureBuild(config.build);
  log(`production build: ${build.status}`);
  execFileSync("bash", [path.join(root, "scripts/clamd.sh"), "start"], { stdio: "inherit" });
  database = await createBenchDatabase();
  const ids = await seed(database.url);
  log(`database ${database.name}: ${config.models.toLocaleString("en")} models`);
  server = await startApi(database.url, build.dir, {
    BUDMODEL_ADMIN_TOKEN: TOKEN, CLAMAV_HOST: "127.0.0.1", CLAMAV_PORT: process.env.CLAMAV_PORT ?? "3310",
    LEADERBOARD_UPDATE_INTERVAL: "* * * * *", WRITE_RATE_LIMIT: "0", LOG_LEVEL: "warn",
    BUDMODEL_ARTIFACT_DIR: artifactDir,
  });
  log(`server ${server.url} (pid ${server.pid})`);
  const state: State = { ids, mine: [] };

  await run(server.url, state, config.warmup);
  const memory: { at: number; mb: number }[] = [{ at: 0, mb: residentMb(server.pid) }];
  log(`warmed up; resident memory ${memory[0].mb.toFixed(0)} MB; measuring for ${config.seconds} s`);
  const pid = server.pid;
  const samples = await run(server.url, state, config.seconds, (elapsed) => {
    memory.push({ at: elapsed, mb: residentMb(pid) });
    if (elapsed % 60 === 0) log(`${elapsed} s: resident memory ${memory.at(-1)!.mb.toFixed(0)} MB`);
  });
  memory.push({ at: config.seconds, mb: residentMb(server.pid) });

  const routes = [...new Set(samples.map((s) => s.route))].sort();
  const rows = routes.map((route) => {
    const mine = samples.filter((s) => s.route === route);
    const sorted = mine.map((s) => s.ms).sort((a, b) => a - b);
    return { route, requests: mine.length, errors: mine.filter((s) => !s.ok).length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  });
  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = samples.filter((s) => !s.ok).length;
  // Memory: the first minute's median against the last minute's median, so a GC spike is not growth.
  const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const startMb = medianOf(memory.filter((m) => m.at <= 60).map((m) => m.mb));
  const endMb = medianOf(memory.filter((m) => m.at >= config.seconds - 60).map((m) => m.mb));
  const growth = (endMb - startMb) / startMb;

  const width = Math.max(...routes.map((r) => r.length));
  console.log(`\nSoak: ${samples.length.toLocaleString("en")} requests in ${config.seconds} s (${(samples.length / config.seconds).toFixed(1)} req/s), ${errors} errors; p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms\n`);
  console.log(`${"route".padEnd(width)}  requests  errors   p50 ms   p99 ms`);
  for (const row of rows) {
    console.log(`${row.route.padEnd(width)}  ${String(row.requests).padStart(8)}  ${String(row.errors).padStart(6)}  ${row.p50.toFixed(1).padStart(7)}  ${row.p99.toFixed(1).padStart(7)}`);
  }
  console.log(`\nServer resident memory: ${startMb.toFixed(0)} MB in the first minute, ${endMb.toFixed(0)} MB in the last (${(growth * 100).toFixed(1)}%; ` +
    `samples every 10 s: ${memory.map((m) => m.mb.toFixed(0)).join(" ")})`);
  const pass = errors === 0 && growth <= MAX_MEMORY_GROWTH;
  console.log(`Errors: ${errors} (target 0); memory growth ${(growth * 100).toFixed(1)}% (target <= ${MAX_MEMORY_GROWTH * 100}%): ${pass ? "PASS" : "FAIL"}\n`);

  await mkdir(path.join(root, "bench-results"), { recursive: true });
  await writeFile(path.join(root, "bench-results/soak.json"), JSON.stringify({
    at: new Date().toISOString(), machine: { cpus: os.cpus().length, loadavg: os.loadavg() }, config,
    requests: samples.length, errors, routes: rows, memory, startMb, endMb, growth, pass,
  }, null, 2) + "\n");
  return pass ? 0 : 1;
}

async function cleanup() {
  await server?.stop().catch(() => undefined);
  await rm(artifactDir, { recursive: true, force: true });
  if (database && process.env.BENCH_KEEP_DB !== "1") await database.drop().catch(() => undefined);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(`[bench:soak] ${(error as Error).stack ?? error}`);
    await cleanup();
    process.exit(1);
  });
