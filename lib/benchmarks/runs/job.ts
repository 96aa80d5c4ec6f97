// The runner's queue: POST /api/v1/benchmarks/run records a run and sends its job here (the job's
// id is the run's); one worker at a time measures it. The handler settles every failure of the
// measurement itself, so a job is retried only when its worker stopped: heartbeats that stop (a
// process killed), a shutdown mid-run. A retry starts the measurement over; the fence of
// queries.ts keeps the run to one stored benchmark. A sweep on every process that runs jobs keeps
// the rows honest: a run never reads "running" for long while no live job holds it.
import type { JobWithMetadata, PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import { getBoss } from "@/lib/jobs/boss";
import { sealApiKey } from "./api-key";
import { executeRun, type RunJob } from "./execute";
import { findOpenRuns, type RunRow } from "./queries";
import type { RunDto } from "./schema";
import { toRunDto } from "./service";
import { changeRun, failRun, fenceOf } from "./settle";

export const RUN_QUEUE = "benchmark-run";

const MAX_EXPIRY_SECONDS = 24 * 3600;
// A run with no job this long after it was created lost it (the send after its commit failed).
const LOST_JOB_GRACE_MS = 60_000;

function queueOptions() {
  return {
    retryLimit: env.BENCHMARK_RUN_RETRY_LIMIT,
    retryDelay: 0,
    heartbeatSeconds: env.BENCHMARK_RUN_HEARTBEAT_SECONDS,
    // Liveness is the heartbeat's job; each job's own expiry (enqueueRun) bounds a run that hangs.
    expireInSeconds: MAX_EXPIRY_SECONDS,
  };
}

const ensured = new WeakSet<PgBoss>();

/** Creates the queue, and gives a queue made before today's settings (no retries, no heartbeat) those. */
export async function ensureRunQueue(boss: PgBoss): Promise<void> {
  if (ensured.has(boss)) return;
  await boss.createQueue(RUN_QUEUE, queueOptions());
  await boss.updateQueue(RUN_QUEUE, queueOptions());
  ensured.add(boss);
}

/** The longest an honest run takes: every request, the test one too, at its timeout, one wave after another. */
function expirySeconds(settings: RunDto["settings"]): number {
  const waves = Math.ceil(settings.num_requests / settings.concurrency) + 1;
  return Math.min(MAX_EXPIRY_SECONDS, waves * settings.request_timeout_s + 300);
}

/** Sends a run's job (idempotent: the job's id is the run's), with its API key sealed. */
export async function enqueueRun(run: RunDto, apiKey?: string, boss?: PgBoss): Promise<void> {
  const queue = boss ?? (await getBoss());
  await ensureRunQueue(queue);
  const data: RunJob = { runId: run.id, ...(apiKey ? { apiKey: sealApiKey(apiKey, run.id) } : {}) };
  await queue.send(RUN_QUEUE, data, { id: run.id, expireInSeconds: expirySeconds(run.settings) });
}

const sweeps = new Map<PgBoss, NodeJS.Timeout>();

/** Works the queue in this process, and sweeps now and every QUEUE_SUPERVISE_SECONDS (or `sweepIntervalMs`). */
export async function registerRunWorker(boss: PgBoss, options: { sweepIntervalMs?: number } = {}): Promise<void> {
  await ensureRunQueue(boss);
  await boss.work<RunJob>(RUN_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
    await executeRun(job.data, job.signal);
  });
  const sweepSafely = () => sweepRuns(boss).catch((error) => log("benchmark run sweep failed", { error: (error as Error).message }));
  await sweepSafely();
  clearInterval(sweeps.get(boss));
  const timer = setInterval(() => void sweepSafely(), options.sweepIntervalMs ?? env.QUEUE_SUPERVISE_SECONDS * 1000);
  timer.unref();
  sweeps.set(boss, timer);
}

export function stopRunSweeps(): void {
  for (const timer of sweeps.values()) clearInterval(timer);
  sweeps.clear();
}

const liveStates = new Set(["created", "retry", "active"]);

/**
 * Holds every open run to its job: a run whose job waits for a retry reads "queued" again; a run
 * whose job has ended (retries used up, cancelled) or is gone is failed with the reason; a queued
 * run whose job was never sent gets it, unless it needs an API key that nothing kept. Every change
 * is fenced on what was read, so a run that moved on meanwhile is left alone.
 */
export async function sweepRuns(boss: PgBoss, now = Date.now()): Promise<void> {
  for (const row of await findOpenRuns()) {
    const jobs = await boss.findJobs<RunJob>(RUN_QUEUE, { data: { runId: row.id } });
    const live = jobs.find((job) => liveStates.has(job.state));
    const run = toRunDto(row);
    if (live) {
      if (row.status === "running" && live.state !== "active") {
        await changeRun(run, fenceOf(row), {
          status: "queued", startedAt: null, requestsDone: 0, requestsFailed: 0,
          // pg-boss counts a retry when it hands the job out again: the attempt that stopped is retryCount + 1.
          error: `Attempt ${live.retryCount + 1} stopped before it finished (its worker stopped); the run starts over`,
        }, "benchmark_run.requeued");
      }
      continue;
    }
    const last = jobs.at(-1);
    if (last) {
      await failRun(run, fenceOf(row), endedReason(last));
    } else if (now - row.createdAt.getTime() > LOST_JOB_GRACE_MS) {
      await settleLostJob(row, run, boss);
    }
  }
}

async function settleLostJob(row: RunRow, run: RunDto, boss: PgBoss): Promise<void> {
  if (row.status === "queued" && !run.settings.uses_api_key) return enqueueRun(run, undefined, boss);
  const reason = row.status === "queued"
    ? "Its job was lost before it started, and its API key is kept nowhere else: start the run again"
    : "Its job is gone (the queue no longer knows it): the run was abandoned";
  await failRun(run, fenceOf(row), reason);
}

function endedReason(job: JobWithMetadata<RunJob>): string {
  const attempts = `${job.retryCount + 1} attempt${job.retryCount ? "s" : ""}`;
  if (job.state === "cancelled") return "Its job was cancelled";
  if (job.state === "completed") return "Its job ended without finishing the run";
  const output = job.output as { message?: string; value?: { message?: string } } | null;
  const message = output?.value?.message ?? output?.message ?? "";
  if (/heartbeat/i.test(message)) return `Gave up after ${attempts}: the worker running it stopped (no heartbeat) before it finished`;
  if (/timed out/i.test(message)) return `Gave up after ${attempts}: it ran past its time limit`;
  return `Gave up after ${attempts}: ${message || "its job failed"}`;
}

function log(msg: string, fields: Record<string, unknown>): void {
  console.error(JSON.stringify({ level: "warn", msg, ...fields }));
}
