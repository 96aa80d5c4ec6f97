// Scans as durable pg-boss jobs. A scan's job has the scan's id, so sending it again is harmless;
// retries back off exponentially; a worker that dies stops sending heartbeats and the job is
// retried elsewhere; a job that runs out of retries by dying lands in the dead-letter queue, whose
// worker settles the scan as failed. A sweep re-sends the jobs of open scans whose job was lost.
import type { JobWithMetadata, PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import { getBoss } from "@/lib/jobs/boss";
import { log } from "@/lib/log";
import { findExistingModelIds, findQueuedScanIds } from "./queries";
import { failAbandonedScan, runnerOptionsFromEnv, runScanAttempt, type RunnerOptions } from "./runner";
import { removeOrphanedUploads } from "./storage";

export const SCAN_QUEUE = "artifact-scan";
export const SCAN_DEAD_QUEUE = "artifact-scan-dead";

interface ScanJob {
  scanId: string;
}

export interface ScanQueueSettings {
  retryLimit: number;
  retryDelaySeconds: number;
  heartbeatSeconds: number;
}

export function scanQueueSettingsFromEnv(): ScanQueueSettings {
  return { retryLimit: env.SCAN_RETRY_LIMIT, retryDelaySeconds: env.SCAN_RETRY_DELAY_SECONDS, heartbeatSeconds: env.SCAN_HEARTBEAT_SECONDS };
}

const ensured = new WeakSet<PgBoss>();

/**
 * Creates the queues, and sets the scan queue's retry and heartbeat settings (they belong to the
 * queue, so every process should run with the same ones). Once per process unless `settings` is given.
 */
export async function ensureScanQueues(boss: PgBoss, explicit?: ScanQueueSettings): Promise<void> {
  if (ensured.has(boss) && !explicit) return;
  const settings = explicit ?? scanQueueSettingsFromEnv();
  await boss.createQueue(SCAN_DEAD_QUEUE, { retryLimit: 0 });
  const options = {
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 600,
    heartbeatSeconds: settings.heartbeatSeconds,
    // Liveness is the heartbeat's job; this only bounds a scan that hangs while its worker lives.
    expireInSeconds: 6 * 3600,
  };
  await boss.createQueue(SCAN_QUEUE, { ...options, deadLetter: SCAN_DEAD_QUEUE });
  const { retryDelayMax: _max, ...updatable } = options;
  await boss.updateQueue(SCAN_QUEUE, updatable);
  ensured.add(boss);
}

/** Sends a scan's job (idempotent: the job's id is the scan's). */
export async function enqueueScan(scanId: string, boss?: PgBoss): Promise<void> {
  const queue = boss ?? (await getBoss());
  await ensureScanQueues(queue);
  await queue.send(SCAN_QUEUE, { scanId } satisfies ScanJob, { id: scanId });
}

export interface ScanWorkerOptions {
  /** Run scan workers in this process (false: only make sure the queues exist). */
  work: boolean;
  concurrency?: number;
  runner?: RunnerOptions;
  settings?: ScanQueueSettings;
  sweepIntervalMs?: number;
}

const sweeps = new Map<PgBoss, NodeJS.Timeout>();

export async function registerScanJobs(boss: PgBoss, options: ScanWorkerOptions): Promise<void> {
  await ensureScanQueues(boss, options.settings);
  if (!options.work) return;
  const runner = options.runner ?? runnerOptionsFromEnv();
  const workOptions = { localConcurrency: options.concurrency ?? env.SCAN_CONCURRENCY, includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 1 } as const;
  await boss.work<ScanJob, void, typeof workOptions>(SCAN_QUEUE, workOptions, async ([job]: JobWithMetadata<ScanJob>[]) => {
    const number = job.retryCount + 1;
    const outcome = await runScanAttempt(job.data.scanId, { number, last: job.retryCount >= job.retryLimit }, runner);
    log.info("scan attempt", { scanId: job.data.scanId, attempt: number, outcome });
  });
  await boss.work<ScanJob>(SCAN_DEAD_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    await failAbandonedScan(job.data.scanId);
  });
  await sweep(boss).catch((error) => log.warn("scan sweep failed", { error: (error as Error).message }));
  const timer = setInterval(() => void sweep(boss).catch((error) => log.warn("scan sweep failed", { error: (error as Error).message })), options.sweepIntervalMs ?? 60_000);
  timer.unref();
  clearInterval(sweeps.get(boss));
  sweeps.set(boss, timer);
}

/**
 * Re-sends the job of every open scan whose job is missing, fails those whose job has ended, and
 * removes the stored uploads of deleted models.
 */
export async function sweep(boss: PgBoss): Promise<void> {
  for (const scanId of await findQueuedScanIds()) {
    const [job] = await boss.findJobs<ScanJob>(SCAN_QUEUE, { id: scanId });
    if (!job) await enqueueScan(scanId, boss);
    else if (job.state === "failed" || job.state === "cancelled" || job.state === "completed") await failAbandonedScan(scanId);
  }
  const removed = await removeOrphanedUploads(findExistingModelIds);
  if (removed.length) log.info("removed the uploads of deleted models", { models: removed });
}

export function stopScanSweeps(): void {
  for (const timer of sweeps.values()) clearInterval(timer);
  sweeps.clear();
}
