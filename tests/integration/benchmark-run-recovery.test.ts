// Runs when their worker process dies: the job's heartbeats stop, pg-boss retries it in another
// worker, and the run starts over and stores one benchmark; once the retries are used up, the
// run is failed with the reason by the sweep of a worker that starts. Never left "running".
// The runs carry an API key, which the retry (another process) must open again, and which no
// table or worker log may hold.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";

// The queue's settings belong to the queue: this process (which sends the jobs) and the worker
// processes it starts use the same ones, short so the test is quick.
const queueEnv = vi.hoisted(() => {
  const settings = { BENCHMARK_ALLOWED_HOSTS: "127.0.0.1", BENCHMARK_RUN_HEARTBEAT_SECONDS: "10", BENCHMARK_RUN_RETRY_LIMIT: "1", QUEUE_SUPERVISE_SECONDS: "1" };
  Object.assign(process.env, settings);
  return settings;
});

import * as runRoute from "@/app/api/v1/benchmarks/run/route";
import * as benchmarkList from "@/app/api/v1/benchmarks/route";
import { sweepRuns } from "@/lib/benchmarks/runs/job";
import { getRunOrThrow } from "@/lib/benchmarks/runs/service";
import type { RunDto } from "@/lib/benchmarks/runs/schema";
import { closeDatabase, db } from "@/lib/db";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { asAdmin, makeModel, makeProfile } from "./support/benchmarks";
import { waitFor } from "./support/fake-hub";
import { expectSearchFindsRun, tablesHolding } from "./support/find-secret";
import { startStreamingServer, type StreamingServer } from "./support/streaming";

const root = path.resolve(import.meta.dirname, "../..");
const API_KEY = `sk-recovery-${randomUUID()}`;
const REQUESTS = 30;

let server: StreamingServer;
let profile: string;
const workers: ChildProcess[] = [];
const workerOutput: string[] = [];

beforeAll(async () => {
  // 30 requests, 2 at a time, each ~0.35 s: a run of ~5 s, long enough to be killed in the middle.
  server = await startStreamingServer({ ttftMs: 50, itlMs: 20, apiKey: API_KEY });
  profile = await makeProfile(1, 2.0);
});

afterEach(() => {
  for (const child of workers.splice(0)) child.kill("SIGKILL");
});

afterAll(async () => {
  server?.stop();
  await stopBoss();
  await closeDatabase();
});

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/worker.ts")], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...queueEnv, DATABASE_URL: inject("databaseUrl"), LEADERBOARD_UPDATE_INTERVAL: "0 0 1 1 *" },
  });
  for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (chunk: Buffer) => workerOutput.push(String(chunk)));
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[worker ${child.pid}] ${chunk}`));
  workers.push(child);
  return child;
}

async function startRun(modelId: string): Promise<string> {
  const res = await asAdmin(runRoute.POST, {
    method: "POST",
    url: "/api/v1/benchmarks/run",
    json: {
      model_id: modelId, hardware_profile: profile, endpoint_url: server.endpoint, api_key: API_KEY,
      engine: "vllm", precision: "bf16", concurrency: 2, num_requests: REQUESTS, input_tokens: 32, output_tokens: 16,
    },
  });
  expect(res.status).toBe(202);
  return res.body.id;
}

const benchmarksOf = async (modelId: string) => (await asAdmin(benchmarkList.GET, { url: `/api/v1/benchmarks?model_id=${modelId}&page_size=100` })).body;

const attempts = async (runId: string) => (await db()).auditEvent.count({ where: { resourceId: runId, action: "benchmark_run.started" } });

/** Waits until attempt `attempt` of the run is measuring (some requests done, not all), then kills its worker. */
async function killMidRun(worker: ChildProcess, runId: string, attempt: number): Promise<void> {
  await waitFor(
    async () => ({ run: await getRunOrThrow(runId), attempts: await attempts(runId) }),
    ({ run, attempts: started }) => started === attempt && run.status === "running" && run.progress.requests_done >= 2 && run.progress.requests_done < REQUESTS,
    90_000,
    `attempt ${attempt} to be in the middle of the run`,
  );
  worker.kill("SIGKILL");
}

const settled = (runId: string, within: number) =>
  waitFor(() => getRunOrThrow(runId), (run: RunDto) => run.status === "completed" || run.status === "failed", within, "the run to settle");

async function expectKeyNowhere(runId: string): Promise<void> {
  await expectSearchFindsRun(runId);
  expect(await tablesHolding(API_KEY)).toEqual([]);
  expect(workerOutput.join("")).not.toContain(API_KEY);
}

describe("a worker killed in the middle of a run", () => {
  it("has its job retried by another worker: the run starts over and stores exactly one benchmark", async () => {
    const model = await makeModel("recovery");
    const runId = await startRun(model.id);
    await killMidRun(startWorker(), runId, 1);
    // No worker is alive: once the missed heartbeats are noticed (~10 s) the job waits for its
    // retry, and the sweep (here this process's) says so instead of leaving "running".
    const requeued = await waitFor(
      async () => {
        await sweepRuns(await getBoss());
        return getRunOrThrow(runId);
      },
      (run: RunDto) => run.status !== "running",
      60_000,
      "the sweep to put the run back in the queue",
    );
    expect(requeued).toMatchObject({ status: "queued", started_at: null, progress: { requests_done: 0 } });
    expect(requeued.error).toMatch(/^Attempt 1 stopped before it finished \(its worker stopped\); the run starts over$/);
    startWorker();
    const run = await settled(runId, 120_000);
    expect(run).toMatchObject({ status: "completed", error: null, progress: { requests_total: REQUESTS, requests_done: REQUESTS, requests_failed: 0 } });
    expect(await attempts(runId)).toBe(2);
    const stored = await benchmarksOf(model.id);
    expect(stored.total).toBe(1);
    expect(stored.data[0]).toMatchObject({ id: run.benchmark_id, source: "runner" });
    expect(stored.data[0].metrics.completed_requests).toBe(REQUESTS);
    await expectKeyNowhere(runId);
  }, 180_000);

  it("is failed with the reason once its retries are used up, by the sweep of the next worker to start", async () => {
    const model = await makeModel("recovery-gives-up");
    const runId = await startRun(model.id);
    await killMidRun(startWorker(), runId, 1);
    await killMidRun(startWorker(), runId, 2);
    startWorker();
    const run = await settled(runId, 120_000);
    expect(run).toMatchObject({ status: "failed", benchmark_id: null });
    expect(run.error).toMatch(/^Gave up after 2 attempts: the worker running it stopped \(no heartbeat\) before it finished$/);
    expect(run.finished_at).not.toBeNull();
    expect((await benchmarksOf(model.id)).total).toBe(0);
    await expectKeyNowhere(runId);
  }, 240_000);
});
