// One attempt at a scan, as a queue worker runs it. The attempt claims the scan with a fresh lease;
// every later write lands only while that lease holds, so an attempt presumed dead (and retried)
// can never write over the attempt that replaced it. A file's report is written once, whole,
// with its counter, in one transaction: a retried scan resumes after its finished files and
// never duplicates a finding.
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { getModelOrThrow, patchModel } from "@/lib/models/service";
import { overallVerdict, scanFile, type FileReport, type Verdict } from "./pipeline";
import {
  claimScan, findScan, findScanFiles, setModelScanStatus, settleScan, transaction, updateArtifactFormat,
  updateScanFile, updateScanIfLeased, type ScanFileRow,
} from "./queries";
import type { ClamdOptions } from "./scanners/clamd";
import type { ContentLimits } from "./scanners/content";
import { openSource, PermanentScanError, type HubAccess } from "./sources";

export interface RunnerOptions {
  clamd: ClamdOptions | null;
  limits?: Partial<ContentLimits>;
  hub: HubAccess;
  progressIntervalMs?: number;
}

export function runnerOptionsFromEnv(): RunnerOptions {
  return {
    clamd: { host: env.CLAMAV_HOST, port: env.CLAMAV_PORT, maxStreamBytes: env.CLAMAV_MAX_STREAM_BYTES },
    limits: {
      archive: {
        maxTotalBytes: env.SCAN_ARCHIVE_MAX_TOTAL_BYTES, maxRatio: env.SCAN_ARCHIVE_MAX_RATIO,
        maxDepth: env.SCAN_ARCHIVE_MAX_DEPTH, minRatioBytes: 16 * 1024 * 1024, maxMembers: 100_000,
      },
      pickle: {},
      gguf: {},
    },
    hub: { endpoint: env.HF_ENDPOINT, token: env.HUGGINGFACE_TOKEN },
  };
}

class LeaseLost extends Error {}

export type AttemptOutcome = "completed" | "failed" | "settled" | "lost";

const json = (value: unknown) => value as Prisma.InputJsonValue;
const system = { actor: { type: "system" as const, label: "artifact scanner" } };

/**
 * Runs attempt `attempt` (1-based) of a scan. A failure that retrying may cure is rethrown (after
 * the scan is put back to queued with the reason) unless it is the last attempt; the last attempt
 * and permanent failures settle the scan as failed. Never leaves a scan reading as clean unless
 * every file was scanned and found clean.
 */
export async function runScanAttempt(scanId: string, attempt: { number: number; last: boolean }, options: RunnerOptions): Promise<AttemptOutcome> {
  const lease = randomUUID();
  const scan = await claimScan(scanId, lease);
  if (!scan) return "settled";
  await transaction((tx) => setModelScanStatus(tx, scanId, "scanning"));
  try {
    const files = await findScanFiles(scanId);
    let doneBytes = files.filter((f) => f.status === "done").reduce((sum, f) => sum + Number(f.size), 0);
    for (const file of files) {
      if (file.status === "done") continue;
      const report = await scanOne(scanId, lease, file, doneBytes, options);
      const saved = await transaction(async (tx) => {
        if (!(await updateScanIfLeased(scanId, lease, { filesDone: { increment: 1 }, bytesDone: BigInt(doneBytes + report.size) }, tx))) return false;
        await updateScanFile(file.id, {
          status: "done", verdict: report.verdict, sha256: report.sha256, format: report.format, bytesDone: BigInt(report.size),
          scanners: json(report.scanners), findings: json(report.findings), imports: json(report.imports), summaries: json(report.summaries),
        }, tx);
        return true;
      });
      if (!saved) throw new LeaseLost();
      doneBytes += report.size;
      if (file.artifactId && report.format !== file.format) await updateArtifactFormat(file.artifactId, report.format);
    }
    const scanned = await findScanFiles(scanId);
    // Before the scan reads completed, so that whoever sees it completed also sees these facts.
    await fillModelFacts(scan.modelId, scanned).catch((error) =>
      log.warn("could not fill the model's facts from its scan", { scanId, error: (error as Error).message }),
    );
    const verdict = overallVerdict(scanned.map((f) => (f.verdict ?? "critical") as Verdict));
    const settled = await transaction(async (tx) => {
      if (!(await settleScan(scanId, { status: "completed", verdict, finishedAt: new Date(), error: null, lease: null }, lease, tx))) return false;
      await setModelScanStatus(tx, scanId, verdict === "clean" ? "clean" : "flagged");
      return true;
    });
    return settled ? "completed" : "lost";
  } catch (error) {
    if (error instanceof LeaseLost) return "lost";
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof PermanentScanError || attempt.last) {
      await failScan(scanId, attempt.last && !(error instanceof PermanentScanError) ? `${message} (gave up after ${attempt.number} attempts)` : message, lease);
      return "failed";
    }
    const requeued = await transaction(async (tx) => {
      if (!(await settleScan(scanId, { status: "queued", error: `Attempt ${attempt.number} failed: ${message}. Retrying.`, lease: null }, lease, tx))) return false;
      await setModelScanStatus(tx, scanId, "queued");
      return true;
    });
    if (!requeued) return "lost";
    throw error;
  }
}

async function scanOne(scanId: string, lease: string, file: ScanFileRow, doneBytes: number, options: RunnerOptions): Promise<FileReport> {
  if (!(await updateScanIfLeased(scanId, lease, { bytesDone: BigInt(doneBytes) }))) throw new LeaseLost();
  await updateScanFile(file.id, { status: "scanning", bytesDone: 0n });
  const source = await openSource(file, options.hub);
  // Progress is written at most every progressIntervalMs, one write at a time.
  let last = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const onProgress = (bytes: number) => {
    const now = Date.now();
    if (now - last < (options.progressIntervalMs ?? 500)) return;
    last = now;
    writing = writing.then(() =>
      Promise.all([
        updateScanIfLeased(scanId, lease, { bytesDone: BigInt(doneBytes + bytes) }),
        updateScanFile(file.id, { bytesDone: BigInt(bytes) }),
      ]).catch(() => undefined),
    );
  };
  try {
    return await scanFile(source, {
      name: file.path, size: Number(file.size), clamd: options.clamd, limits: options.limits,
      expectedSha256: file.expectedSha256, onProgress,
    });
  } finally {
    await writing;
  }
}

/** Settles an open scan as failed, with the reason; the model's scan_status becomes error. */
export async function failScan(scanId: string, reason: string, lease?: string): Promise<boolean> {
  return transaction(async (tx) => {
    if (!(await settleScan(scanId, { status: "failed", verdict: null, error: reason, finishedAt: new Date(), lease: null }, lease, tx))) return false;
    await setModelScanStatus(tx, scanId, "error");
    return true;
  });
}

/** The exact parameter count from the scanned safetensors (or GGUF) files, when the model has none. */
async function fillModelFacts(modelId: string, files: ScanFileRow[]): Promise<void> {
  const model = await getModelOrThrow(modelId);
  if (model.parameters_exact !== null) return;
  const topLevel = (scanner: string) =>
    files.flatMap((f) => (Array.isArray(f.summaries) ? (f.summaries as Record<string, unknown>[]) : []))
      .filter((s) => s.scanner === scanner && s.member === undefined && typeof s.parameters === "number");
  const safetensors = topLevel("safetensors");
  const gguf = topLevel("gguf");
  const chosen = safetensors.length ? safetensors : gguf.slice(0, 1);
  const parameters = chosen.reduce((sum, s) => sum + (s.parameters as number), 0);
  if (parameters > 0) await patchModel(modelId, { parameters_exact: parameters }, system);
}

/** For the dead-letter queue: a job that ended without the scan being settled (its worker died on the last try). */
export async function failAbandonedScan(scanId: string): Promise<void> {
  const scan = await findScan(scanId);
  if (!scan || (scan.status !== "queued" && scan.status !== "running")) return;
  await failScan(scanId, `The scan's worker stopped responding and the retries (${scan.attempts} attempts) are used up${scan.error ? `; last error: ${scan.error}` : ""}`);
}
