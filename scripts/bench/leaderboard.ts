// npm run bench:leaderboard: the leaderboard refresh against its SQL floor, and GET /api/v1/leaderboard
// under load.
//
//   1. creates a fresh PostgreSQL database budmodel_bench_<random> (migrated as the app does) and
//      fills it with BENCH_ROWS (1,000,000) benchmark results: BENCH_LB_MODELS (200) models x 10
//      hardware profiles x 2 precisions x 3 workloads x 5 concurrencies, ~17 runs per model and
//      bucket;
//   2. after one untimed round of each, times BENCH_LB_RUNS (3) times each, alternating, a full
//      refresh through the app's own code (refreshLeaderboard: lock, aggregate into a new
//      generation, drop the last, buckets, refresh and audit records, one transaction) and the
//      floor: the single aggregate that computes the same best values (lib/leaderboard/refresh.ts
//      floorSql), run to completion with nothing else (no rows sent or written) under the same
//      work_mem; prints both medians and the ratio (target: refresh <= 1.5x the floor);
//   3. serves the production build (scripts/bench/servers.ts ensureBuild: BENCH_BUILD, private by
//      default) with the production server against that database, warms it up for
//      BENCH_WARMUP s and loads GET /api/v1/leaderboard with autocannon for BENCH_DURATION s at
//      BENCH_CONNECTIONS connections, rotating over 100 buckets and all metrics (and the default
//      bucket); prints req/s, p50 and p99 (target: p99 < 20 ms);
//   4. writes bench-results/leaderboard.json; exit code 1 when a target is missed.
// The database is dropped (unless BENCH_KEEP_DB=1) and the server stopped at the end, on failure
// and on Ctrl-C. The machine's load average is printed first: on a shared machine it decides much.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createBenchDatabase, type BenchDatabase } from "./database";
import { load, type LoadResult } from "./load";
import { ensureBuild, root, startApi, type Server } from "./servers";

const TARGET_RATIO = 1.5;
const TARGET_P99_MS = 20;

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const config = {
  rows: Math.round(number("BENCH_ROWS", 1_000_000)),
  models: Math.round(number("BENCH_LB_MODELS", 200)),
  runs: Math.round(number("BENCH_LB_RUNS", 3)),
  connections: Math.round(number("BENCH_CONNECTIONS", 10)),
  duration: number("BENCH_DURATION", 15),
  warmup: number("BENCH_WARMUP", 10),
  build: process.env.BENCH_BUILD || "private",
};
const log = (message: string) => console.log(`[bench:leaderboard] ${message}`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

let database: BenchDatabase | undefined;
let server: Server | undefined;
let closeAppDatabase: (() => Promise<void>) | undefined;

async function cleanup() {
  await server?.stop();
  await closeAppDatabase?.().catch(() => undefined);
  if (database && process.env.BENCH_KEEP_DB === "1") log(`kept database ${database.name} (BENCH_KEEP_DB=1): ${database.url}`);
  else if (database) await database.drop().then(() => log(`dropped database ${database!.name}`), (e) => console.error(`could not drop ${database!.name}: ${e.message}`));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

const profiles = ["l4-24gb-x1", "l40s-48gb-x1", "a100-40gb-x1", "a100-80gb-x1", "a100-80gb-x8", "h100-80gb-x1", "h100-80gb-x2", "h100-80gb-x4", "h100-80gb-x8", "h200-141gb-x1"];
const workloads = [[128, 128], [1024, 256], [4096, 512]];
const concurrencies = [1, 8, 32, 64, 128];
const precisions = ["bf16", "fp8"];

/** Models, then the results: one statement each, the values drawn from a seeded random stream. */
async function fill(client: pg.Client) {
  await client.query(`INSERT INTO models (id, name, parameter_count, updated_at)
    SELECT gen_random_uuid(), 'bench/model-' || lpad(i::text, 4, '0'), 1 + (i % 70), now() FROM generate_series(1, $1) i`, [config.models]);
  const gpuCount = Object.fromEntries(profiles.map((p) => [p, Number(p.split("-x")[1])]));
  await client.query("SELECT setseed(0.42)");
  const started = Date.now();
  await client.query(`
    WITH shape AS (SELECT g, (g % $2) AS model_index, $3::text[] AS profiles, $4::int[] AS gpus,
                          $5::int[] AS inputs, $6::int[] AS outputs, $7::int[] AS concurrencies, $8::text[] AS precisions
                     FROM generate_series(0, $1 - 1) g),
         m AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS model_index FROM models WHERE name LIKE 'bench/%'),
         r AS (SELECT shape.*, m.id AS model_id, 1 + (g / $2) % 10 AS p, 1 + (g / ($2 * 10)) % 3 AS w,
                      1 + (g / ($2 * 30)) % 5 AS c, 1 + (g / ($2 * 150)) % 2 AS q, random() AS u, random() AS v
                 FROM shape JOIN m USING (model_index))
    INSERT INTO benchmarks (id, model_id, hardware_profile_id, engine, precision, input_tokens, output_tokens, concurrency, num_gpus,
                            ttft_mean_ms, ttft_p50_ms, ttft_p90_ms, ttft_p95_ms, ttft_p99_ms,
                            tpot_mean_ms, tpot_p50_ms, tpot_p90_ms, tpot_p95_ms, tpot_p99_ms,
                            itl_p50_ms, e2e_p50_ms, e2e_p99_ms,
                            output_throughput_tps, total_throughput_tps, request_throughput_rps, error_rate)
    SELECT gen_random_uuid(), model_id, profiles[p], 'vllm', precisions[q], inputs[w], outputs[w], concurrencies[c], gpus[p],
           30 + u * 900, 25 + u * 800, 40 + u * 1200, 45 + u * 1400, 60 + u * 2000,
           5 + v * 40, 5 + v * 38, 6 + v * 45, 6 + v * 50, 7 + v * 60,
           5 + v * 36, 1000 + u * 20000, 1500 + u * 30000,
           round((50 + (1 - v) * 5000 * concurrencies[c] / 8)::numeric, 1), round((300 + (1 - v) * 20000)::numeric, 1), 0.5 + (1 - v) * 40, 0
      FROM r`, [config.rows, config.models, profiles, profiles.map((p) => gpuCount[p]), workloads.map((w) => w[0]), workloads.map((w) => w[1]), concurrencies, precisions]);
  log(`inserted ${config.rows.toLocaleString("en")} benchmark rows (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  await client.query("VACUUM ANALYZE benchmarks");
  await client.query("VACUUM ANALYZE models");
}

/**
 * The floor: the aggregate alone, under the refresh's work_mem, neither sending its 60,000 rows to
 * this client nor writing them anywhere. A cursor runs the whole (blocking) hash aggregate to
 * return its first row; like the refresh's INSERT ... SELECT, it runs without parallel workers.
 */
async function timeFloor(client: pg.Client, sql: string): Promise<{ ms: number; groups: number }> {
  await client.query("BEGIN");
  await client.query("SET LOCAL work_mem = '256MB'");
  await client.query("SET LOCAL cursor_tuple_fraction = 1.0");
  const start = process.hrtime.bigint();
  await client.query(`DECLARE floor NO SCROLL CURSOR FOR ${sql}`);
  await client.query("FETCH 1 FROM floor");
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  await client.query("CLOSE floor");
  await client.query("COMMIT");
  const groups = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT DISTINCT hardware_profile_id, precision, input_tokens, output_tokens, concurrency, model_id FROM benchmarks) g`)).rows[0].n);
  return { ms, groups };
}

async function main(): Promise<number> {
  log(`${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; ${config.rows.toLocaleString("en")} rows, ${config.models} models`);
  database = await createBenchDatabase();
  log(`created and migrated ${database.name}`);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await fill(client);

    // The app's own refresh, on this database (its modules read DATABASE_URL when first loaded).
    process.env.DATABASE_URL = database.url;
    const { refreshLeaderboard } = await import("@/lib/leaderboard/service");
    const { floorSql } = await import("@/lib/leaderboard/refresh");
    const { closeDatabase } = await import("@/lib/db");
    closeAppDatabase = closeDatabase;
    const system = { actor: { type: "system" as const, label: "bench:leaderboard" } };
    // Steady state for both: the table in cache, and the app's first refresh (connections, code
    // paths) out of the way; neither is counted.
    await timeFloor(client, floorSql());
    await refreshLeaderboard("manual", system);
    const refreshes: number[] = [];
    const floors: number[] = [];
    let groups = 0;
    let entries = 0;
    for (let run = 1; run <= config.runs; run++) {
      const floor = await timeFloor(client, floorSql());
      floors.push(floor.ms);
      groups = floor.groups;
      const start = process.hrtime.bigint();
      const refreshed = await refreshLeaderboard("manual", system);
      refreshes.push(Number(process.hrtime.bigint() - start) / 1e6);
      entries = refreshed.entries;
      log(`run ${run}: floor ${floor.ms.toFixed(0)} ms (${floor.groups.toLocaleString("en")} groups), refresh ${refreshes.at(-1)!.toFixed(0)} ms (${refreshed.entries.toLocaleString("en")} entries, ${refreshed.buckets} buckets)`);
    }
    if (entries !== groups) throw new Error(`the refresh wrote ${entries} entries but the floor found ${groups} groups`);
    const ratio = median(refreshes) / median(floors);

    const build = await ensureBuild(config.build);
    log(`production build in ${build.dir}: ${build.status}`);
    // No schedule fires during the measurement: the refresh under test is timed above, not here.
    server = await startApi(database.url, build.dir, { LEADERBOARD_UPDATE_INTERVAL: "0 0 1 1 *" });
    const base = server.url;
    const bucketRows = (await client.query<{ hardware_profile_id: string; precision: string; input_tokens: number; output_tokens: number; concurrency: number }>(
      "SELECT hardware_profile_id, precision, input_tokens, output_tokens, concurrency FROM leaderboard_buckets ORDER BY md5(hardware_profile_id || precision || concurrency || input_tokens) LIMIT 100",
    )).rows;
    const metrics = ["output_throughput_tps", "output_throughput_per_gpu", "request_throughput_rps", "ttft_p50_ms", "ttft_p99_ms", "tpot_p50_ms", "itl_p50_ms", "e2e_latency_p99_ms", "cost_per_million_tokens"];
    const paths = ["/api/v1/leaderboard", ...bucketRows.map((b, i) =>
      `/api/v1/leaderboard?hardware_profile=${b.hardware_profile_id}&precision=${b.precision}&input_tokens=${b.input_tokens}&output_tokens=${b.output_tokens}&concurrency=${b.concurrency}&metric=${metrics[i % metrics.length]}`)];
    const sample = await (await fetch(base + paths[1])).json();
    if (!sample.entries?.length) throw new Error(`GET ${paths[1]} returned no entries: ${JSON.stringify(sample).slice(0, 300)}`);
    log(`serving ${base}; ${paths.length} paths, e.g. ${paths[1]} -> ${sample.entries.length} entries; warm-up ${config.warmup} s, then ${config.duration} s at ${config.connections} connections`);
    await load(base, paths, { connections: config.connections, duration: config.warmup });
    const http: LoadResult = await load(base, paths, { connections: config.connections, duration: config.duration });
    if (http.non2xx || http.errors || http.timeouts) throw new Error(`${http.non2xx} non-2xx, ${http.errors} errors, ${http.timeouts} timeouts`);

    const passRatio = ratio <= TARGET_RATIO;
    const passP99 = http.p99 < TARGET_P99_MS;
    console.log(`
Leaderboard refresh over ${config.rows.toLocaleString("en")} results (${groups.toLocaleString("en")} model x bucket groups), median of ${config.runs}:
  floor (the single aggregate alone)        ${median(floors).toFixed(0)} ms   [${floors.map((v) => v.toFixed(0)).join(", ")}]
  full refresh (lib/leaderboard)            ${median(refreshes).toFixed(0)} ms   [${refreshes.map((v) => v.toFixed(0)).join(", ")}]
  ratio                                     ${ratio.toFixed(2)}x   target <= ${TARGET_RATIO}x   ${passRatio ? "PASS" : "FAIL"}
GET /api/v1/leaderboard (autocannon, ${config.connections} connections, ${config.duration} s):
  ${http.rps.toFixed(0)} req/s, p50 ${http.p50} ms, p90 ${http.p90} ms, p99 ${http.p99} ms, max ${http.max} ms   target p99 < ${TARGET_P99_MS} ms   ${passP99 ? "PASS" : "FAIL"}
`);
    await mkdir(path.join(root, "bench-results"), { recursive: true });
    await writeFile(path.join(root, "bench-results/leaderboard.json"), JSON.stringify({
      at: new Date().toISOString(), machine: { cpus: os.cpus().length, loadavg: os.loadavg() }, config,
      refresh: { groups, floor_ms: floors, refresh_ms: refreshes, ratio, target_ratio: TARGET_RATIO, pass: passRatio },
      http: { ...http, target_p99_ms: TARGET_P99_MS, pass: passP99 },
    }, null, 2) + "\n");
    return passRatio && passP99 ? 0 : 1;
  } finally {
    await client.end();
  }
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(`[bench:leaderboard] ${(error as Error).stack ?? error}`);
    await cleanup();
    process.exit(1);
  });
