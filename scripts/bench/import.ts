// npm run bench:import: imports a 30-shard model (Llama-3.1-Nemotron-70B, 70.6B parameters, 141 GB
// of weights) from the Hub stand-in into a fresh embedded database, and prints the bytes fetched
// from the Hub (its API and its download host together) and the time the import took.
// Targets: under 2 MB fetched, under 1 s on loopback. Two other imports run first, as a running
// server would have done, so the measurement is not of loading modules and compiling code. The
// import then runs BENCH_IMPORT_RUNS times (5), the model removed in between so each is a fresh
// import (201); the median is held to the target and every run is printed. Writes
// bench-results/import.json; exits 1 when a target is missed.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startHubStandin } from "../hub-standin/server";

const REPO = "nvidia/Llama-3.1-Nemotron-70B-Instruct-HF";
const TARGET_BYTES = 2_000_000;
const TARGET_MS = 1000;
const RUNS = Math.max(1, Number(process.env.BENCH_IMPORT_RUNS ?? 5));

const dataDir = await mkdtemp(path.join(os.tmpdir(), "budmodel-bench-import-"));
const standin = await startHubStandin();
// Settings are read once, when the app's modules load: set them first.
Object.assign(process.env, { BUDMODEL_DATA_DIR: dataDir, DATABASE_URL: "", BUDMODEL_SEED_DEMO: "false", HF_ENDPOINT: standin.url });
delete process.env.HUGGINGFACE_TOKEN;
const { importModel } = await import("@/lib/huggingface/service");
const { deleteModel } = await import("@/lib/models/service");
const { closeDatabase, db } = await import("@/lib/db");
const context = { actor: { type: "system" as const, label: "bench:import" } };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  await db();
  await importModel({ repo_id: "hf-internal-testing/tiny-random-LlamaForCausalLM" }, context);
  await importModel({ repo_id: "mistralai/Mixtral-8x7B-Instruct-v0.1" }, context);

  const runs: { ms: number; bytes: number; requests: number; parameters: number | null }[] = [];
  for (let run = 0; run < RUNS; run++) {
    standin.log.length = 0;
    const started = performance.now();
    const { model, created } = await importModel({ repo_id: REPO }, context);
    const ms = performance.now() - started;
    if (!created) throw new Error("the benchmark's import found the model already there");
    runs.push({ ms: Math.round(ms), bytes: standin.bytesServed(), requests: standin.log.length, parameters: model.parameters_exact });
    await deleteModel(model.id, context);
  }

  const expected = standin.facts.get(REPO)!.parameters;
  const elapsed = median(runs.map((run) => run.ms));
  const bytes = Math.max(...runs.map((run) => run.bytes));
  const exact = runs.every((run) => run.parameters === expected);
  const result = {
    repo: REPO, expected_parameters: expected, parameters_exact: runs[0].parameters, shards: 30,
    bytes_fetched: bytes, requests: runs[0].requests, elapsed_ms_median: elapsed, elapsed_ms_runs: runs.map((run) => run.ms),
    targets: { bytes: TARGET_BYTES, ms: TARGET_MS },
    pass: bytes < TARGET_BYTES && elapsed < TARGET_MS && exact,
  };
  console.log(`[bench] ${REPO}: ${runs[0].parameters?.toLocaleString("en-US")} parameters (expected ${expected.toLocaleString("en-US")})`);
  console.log(`[bench] fetched ${(bytes / 1e6).toFixed(3)} MB in ${runs[0].requests} requests (one ranged read per shard), target < 2 MB`);
  console.log(`[bench] import took ${elapsed} ms (median of ${RUNS}: ${runs.map((run) => run.ms).join(", ")} ms), target < ${TARGET_MS} ms`);
  console.log(`[bench] ${result.pass ? "PASS" : "FAIL"}`);
  await mkdir("bench-results", { recursive: true });
  await writeFile("bench-results/import.json", `${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = result.pass ? 0 : 1;
} finally {
  await closeDatabase();
  await standin.close();
  await rm(dataDir, { recursive: true, force: true });
}
