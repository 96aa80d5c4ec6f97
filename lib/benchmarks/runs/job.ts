// The runner's queue: POST /api/v1/benchmarks/run records a run and sends its id here; one
// worker measures it. No retries: a benchmark that silently ran twice would mislead.
import type { PgBoss } from "pg-boss";
import { getBoss } from "@/lib/jobs/boss";
import { executeRun } from "./service";

export const RUN_QUEUE = "benchmark-run";

export async function ensureRunQueue(boss: PgBoss): Promise<void> {
  // A run may take as long as its requests do: up to an hour before pg-boss gives up on it.
  await boss.createQueue(RUN_QUEUE, { retryLimit: 0, expireInSeconds: 3600 });
}

export async function registerRunWorker(boss: PgBoss): Promise<void> {
  await ensureRunQueue(boss);
  await boss.work<{ runId: string }>(RUN_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
    await executeRun(job.data.runId);
  });
}

export async function enqueueRun(runId: string): Promise<void> {
  const boss = await getBoss();
  await ensureRunQueue(boss);
  await boss.send(RUN_QUEUE, { runId });
}
