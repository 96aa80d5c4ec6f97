// npm run bench:api: the API's throughput and latency against a bare node:http + pg baseline.
//
//   1. builds the production bundle when the sources changed, in a private copy of the project
//      so that the project's own .next is left alone (BENCH_BUILD, see servers.ts ensureBuild);
//   2. creates a fresh PostgreSQL database budmodel_bench_<random>, migrates it and fills it with
//      BENCH_MODELS (100,000) realistic models;
//   3. starts the production server (scripts/server: the API) and scripts/bench/baseline-server.ts (the same SQL on
//      node:http + pg, pool of 10) against it, and checks that both answer the same data;
//   4. prints EXPLAIN ANALYZE of the list statement (what the database part costs);
//   5. for each route - a list with a text search and two filters, and one model by id (rotating
//      through real ids) - warms each server up for BENCH_WARMUP s, then loads it with autocannon
//      for BENCH_DURATION s at BENCH_CONNECTIONS concurrent connections; the list is measured a
//      third time on a server with the catalog cache off (CATALOG_CACHE_SIZE=0), where every
//      request runs the search statement as the baseline's do;
//   6. prints req/s, p50 and p99 for both, the API/baseline throughput ratio and PASS/FAIL against
//      the targets (>= 60% of the baseline's throughput, p99 < 50 ms), and writes
//      bench-results/api.json. The exit code is 1 when a target is missed.
// The database is dropped and the servers stopped at the end, on failure and on Ctrl-C.
//
// Settings (environment): BENCH_CONNECTIONS (10), BENCH_DURATION (15 s), BENCH_WARMUP (10 s),
// BENCH_MODELS (100000), BENCH_LIST_QUERY (q=llama&provider=huggingface&min_params=7&page_size=20),
// BENCH_PG_URL (postgresql://postgres@127.0.0.1:5432/postgres), BENCH_BUILD (private|inplace|always|never),
// BENCH_BUILD_DIR (<tmp>/budmodel-bench-build), BENCH_TYPECHECK=1 (keep next build's type check),
// BENCH_KEEP_DB=1 (keep the database, for investigation), BENCH_OUTPUT (bench-results/api.json).
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { listModelsSql } from "@/lib/models/queries";
import { listModelsQuerySchema } from "@/lib/models/schema";
import { createBenchDatabase, type BenchDatabase } from "./database";
import { fillModels } from "./fill-models";
import { assertSameResponse, load, startCpuMeter, type CpuUse, type LoadResult } from "./load";
import { ensureBuild, root, startBaseline, startApi, type Server } from "./servers";

const TARGET_RATIO = 0.6;
const TARGET_P99_MS = 50;

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

const config = {
  connections: Math.round(setting("BENCH_CONNECTIONS", 10)),
  duration: setting("BENCH_DURATION", 15),
  // Next's server code needs ~10 s of load before V8 has optimised it (throughput doubles).
  warmup: setting("BENCH_WARMUP", 10),
  models: Math.round(setting("BENCH_MODELS", 100_000)),
  listQuery: process.env.BENCH_LIST_QUERY || "q=llama&provider=huggingface&min_params=7&page_size=20",
  build: process.env.BENCH_BUILD || "private",
  idCount: 1000,
};

const log = (message: string) => console.log(`[bench] ${message}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

// ---- clean-up, whatever happens --------------------------------------------------------------
let database: BenchDatabase | undefined;
const servers: Server[] = [];
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.allSettled(servers.map((server) => server.stop()));
    if (database && process.env.BENCH_KEEP_DB !== "1") {
      await database.drop().then(
        () => log(`dropped database ${database!.name}`),
        (error) => console.error(`[bench] could not drop database ${database!.name}: ${(error as Error).message}`),
      );
    } else if (database) {
      log(`kept database ${database.name} (BENCH_KEEP_DB=1): ${database.url}`);
    }
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n[bench] ${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---- the run ---------------------------------------------------------------------------------
// "api (cache off)": the same build with CATALOG_CACHE_SIZE=0, so that every list request runs
// the search statement, as the baseline's do.
type Target = "api" | "baseline" | "api (cache off)";

interface Measurement extends LoadResult {
  target: Target;
  route: string;
  cpu: CpuUse;
}

async function explainList(url: string, sql: { text: string; values: unknown[] }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 3; i++) await client.query(sql.text, sql.values); // warm caches
    const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
    const lines = plan.rows.map((row) => row["QUERY PLAN"]);
    // The plain statement's wall time as seen by a client (no EXPLAIN instrumentation), median of 15.
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = process.hrtime.bigint();
      await client.query(sql.text, sql.values);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    const executionMs = Number(/Execution Time: ([\d.]+)/.exec(lines.join("\n"))?.[1] ?? NaN);
    const planningMs = Number(/Planning Time: ([\d.]+)/.exec(lines.join("\n"))?.[1] ?? NaN);
    return { lines, executionMs, planningMs, clientMedianMs: times[Math.floor(times.length / 2)] };
  } finally {
    await client.end();
  }
}

/** PostgreSQL backends connected to the bench database (the servers' pools), for CPU accounting. */
async function backendPids(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  log(`${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}, node ${process.version}; connections ${config.connections}, ` +
    `duration ${config.duration} s, warm-up ${config.warmup} s, ${config.models.toLocaleString("en")} models`);

  let started = Date.now();
  const build = await ensureBuild(config.build);
  log(`production build: ${build.status} (${seconds(started)})`);

  started = Date.now();
  database = await createBenchDatabase();
  log(`created and migrated ${database.name}`);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  let ids: string[];
  try {
    await fillModels(client, config.models, {
      onProgress: (done) => {
        if (process.stdout.isTTY) process.stdout.write(`\r[bench] inserting models: ${done.toLocaleString("en")}`);
        if (process.stdout.isTTY && done === config.models) process.stdout.write("\n");
      },
    });
    log(`filled ${config.models.toLocaleString("en")} models + VACUUM ANALYZE (${seconds(started)})`);
    // A fixed, spread-out set of real ids, the same for both servers.
    ids = (await client.query<{ id: string }>("SELECT id FROM models ORDER BY md5(id::text) LIMIT $1", [config.idCount]))
      .rows.map((row) => row.id);
  } finally {
    await client.end();
  }

  started = Date.now();
  const [api, baseline] = await Promise.all([startApi(database.url, build.dir), startBaseline(database.url)]);
  servers.push(api, baseline);
  log(`servers up (${seconds(started)}): api ${api.url} (pid ${api.pid}), baseline ${baseline.url} (pid ${baseline.pid})`);

  // The list request: parsed with the API's own schema, so the defaults are the API's.
  const listParams = new URLSearchParams(config.listQuery);
  const query = listModelsQuerySchema.parse(Object.fromEntries(listParams));
  const listPath = `/api/v1/models?${listParams}`;
  const idPaths = ids.map((id) => `/api/v1/models/${id}`);

  // Same data from both, before anything is measured.
  const page = (await assertSameResponse(baseline.url, api.url, listPath)) as { data: unknown[]; total: number };
  if (page.data.length !== query.page_size) {
    throw new Error(`GET ${listPath} returned ${page.data.length} models, not a full page of ${query.page_size}`);
  }
  for (const idPath of idPaths.slice(0, 100)) await assertSameResponse(baseline.url, api.url, idPath);
  log(`both servers answer the same data: list total ${page.total.toLocaleString("en")} (page of ${page.data.length}), 100 models by id`);

  const sql = listModelsSql(query);
  const explain = await explainList(database.url, sql);
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the list statement (${config.listQuery}):`);
  for (const line of explain.lines) console.log(`  ${line}`);
  console.log(
    `  => database: execution ${explain.executionMs.toFixed(1)} ms, planning ${explain.planningMs.toFixed(1)} ms ` +
      `(EXPLAIN); the plain statement takes ${explain.clientMedianMs.toFixed(1)} ms from a client (median of 15, one at a time)\n`,
  );

  const routes = [
    { route: `GET /api/v1/models?${config.listQuery}`, key: "list", paths: [listPath] },
    { route: `GET /api/v1/models/{id} (${ids.length} ids)`, key: "by_id", paths: idPaths },
  ];
  const measurements: Measurement[] = [];
  for (const { route, key, paths } of routes) {
    const targets: [Target, () => Promise<Server>][] = [["baseline", async () => baseline], ["api", async () => api]];
    if (key === "list") targets.push(["api (cache off)", () => startApi(database!.url, build.dir, { CATALOG_CACHE_SIZE: "0" })]);
    for (const [target, start] of targets) {
      const server = await start();
      if (!servers.includes(server)) servers.push(server);
      log(`${target}: ${route}: warm-up ${config.warmup} s, then ${config.duration} s`);
      await load(server.url, paths, { connections: config.connections, duration: config.warmup });
      const meter = startCpuMeter(server.pid, await backendPids(database.url));
      const result = await load(server.url, paths, { connections: config.connections, duration: config.duration });
      measurements.push({ target, route, ...result, cpu: meter(result.requests) });
      if (result.non2xx || result.errors || result.timeouts) {
        throw new Error(`${target} ${route}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
      }
      if (server !== api && server !== baseline) await server.stop();
    }
  }

  // ---- report ----------------------------------------------------------------------------
  const table = (title: string, header: string[], body: string[][]) => {
    const widths = header.map((_, c) => Math.max(...[header, ...body].map((r) => r[c].length)));
    const format = (r: string[]) =>
      r.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd();
    console.log(`\n${title}\n`);
    console.log(format(header));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const r of body) console.log(format(r));
    console.log("");
  };
  table(
    `Results (${config.connections} connections, ${config.duration} s each after ${config.warmup} s warm-up, ${os.cpus().length} CPUs):`,
    ["target", "route", "req/s", "p50 ms", "p99 ms", "requests"],
    measurements.map((m) => [m.target, m.route, m.rps.toFixed(1), m.p50.toFixed(0), m.p99.toFixed(0), String(m.requests)]),
  );
  table(
    "Where the CPU went (ms of CPU per request; cores kept busy during the run):",
    ["target", "route", "server", "postgres", "autocannon", "cores busy", "other work"],
    measurements.map((m) => [
      m.target, routes.find((r) => r.route === m.route)!.key, m.cpu.serverMs.toFixed(2), m.cpu.postgresMs.toFixed(2),
      m.cpu.loadGeneratorMs.toFixed(2), m.cpu.coresBusy.toFixed(2), m.cpu.otherCores.toFixed(2),
    ]),
  );
  console.log(
    "(server: the Next.js or baseline process; postgres: the backends serving it; autocannon: this process;\n" +
      " cores busy: the three together; other work: cores used meanwhile by anything else on the machine.)\n",
  );
  const busiest = Math.max(...measurements.map((m) => m.cpu.otherCores));
  if (busiest > 0.25) {
    console.log(
      `WARNING: other work on the machine used up to ${busiest.toFixed(2)} of its ${os.cpus().length} cores during the ` +
        "measurements; the figures are lower and noisier than on a quiet machine.\n",
    );
  }

  const verdicts = routes.map(({ route, key }) => {
    const base = measurements.find((m) => m.route === route && m.target === "baseline")!;
    const app = measurements.find((m) => m.route === route && m.target === "api")!;
    const ratio = app.rps / base.rps;
    const throughputOk = ratio >= TARGET_RATIO;
    const latencyOk = app.p99 < TARGET_P99_MS;
    console.log(
      `${route}\n  throughput API/baseline: ${(ratio * 100).toFixed(1)}% (target >= ${TARGET_RATIO * 100}%) ${throughputOk ? "PASS" : "FAIL"}` +
        `\n  API p99: ${app.p99.toFixed(0)} ms (target < ${TARGET_P99_MS} ms) ${latencyOk ? "PASS" : "FAIL"}` +
        `   [baseline p99: ${base.p99.toFixed(0)} ms]`,
    );
    const uncached = measurements.find((m) => m.route === route && m.target === "api (cache off)");
    if (uncached) {
      console.log(
        `  with the catalog cache off (every request runs the search): ${((uncached.rps / base.rps) * 100).toFixed(1)}% of the baseline, ` +
          `p99 ${uncached.p99.toFixed(0)} ms`,
      );
    }
    return { route, key, ratio, throughputOk, latencyOk, apiP99: app.p99, baselineP99: base.p99 };
  });
  const pass = verdicts.every((v) => v.throughputOk && v.latencyOk);
  console.log(`\nOverall: ${pass ? "PASS" : "FAIL"}`);

  const output = path.resolve(root, process.env.BENCH_OUTPUT || "bench-results/api.json");
  await mkdir(path.dirname(output), { recursive: true });
  await writeFile(
    output,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadAverageAtEnd: os.loadavg() },
        settings: { ...config, targets: { throughputRatio: TARGET_RATIO, p99Ms: TARGET_P99_MS } },
        list: { path: listPath, total: page.total, pageSize: page.data.length },
        explain: { executionMs: explain.executionMs, planningMs: explain.planningMs, clientMedianMs: explain.clientMedianMs, plan: explain.lines },
        measurements,
        verdicts,
        pass,
      },
      null,
      2,
    ) + "\n",
  );
  log(`wrote ${path.relative(process.cwd(), output)}`);
  return pass ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`\n[bench] FAILED: ${(error as Error).stack ?? error}`);
  exitCode = 2;
} finally {
  await cleanup();
}
process.exit(exitCode);
