// The rules for scans: asking for one (one open scan per model at a time), reading them, and the
// output mapping. Running them is lib/scans/runner.ts, on the queue of lib/scans/jobs.ts.
import { isUuid } from "@/lib/http/ids";
import { audited, type WriteContext } from "@/lib/audit/service";
import { describeActor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/http/errors";
import { toPage } from "@/lib/http/pagination";
import { log } from "@/lib/log";
import { getModelOrThrow } from "@/lib/models/service";
import { enqueueScan } from "./jobs";
import {
  findActiveScan, findActiveScanOf, findAllArtifacts, findScan, findScanFiles, findScans, insertScan, lockModel, setModelScanStatus,
  type ScanFileRow, type ScanRow,
} from "./queries";
import type { ScanDto, ScanFileDto, ScanSummaryDto } from "./schema";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toScanSummaryDto(row: ScanRow): ScanSummaryDto {
  return {
    id: row.id,
    model_id: row.modelId,
    status: row.status,
    verdict: row.verdict,
    progress: {
      files_total: row.filesTotal,
      files_done: row.filesDone,
      bytes_total: Number(row.bytesTotal),
      bytes_done: Number(row.bytesDone),
    },
    attempts: row.attempts,
    requested_by: row.requestedBy,
    created_at: row.createdAt.toISOString(),
    started_at: iso(row.startedAt),
    finished_at: iso(row.finishedAt),
    error: row.error,
  };
}

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

export function toScanFileDto(row: ScanFileRow): ScanFileDto {
  return {
    path: row.path,
    source: row.source,
    size: Number(row.size),
    sha256: row.sha256,
    expected_sha256: row.expectedSha256,
    format: row.format,
    status: row.status,
    verdict: row.verdict,
    bytes_done: Number(row.bytesDone),
    scanners: asArray(row.scanners),
    findings: asArray(row.findings),
    imports: asArray(row.imports),
    summaries: asArray(row.summaries),
  };
}

export async function getScanOrThrow(id: string): Promise<ScanDto> {
  const row = isUuid(id) ? await findScan(id) : null;
  if (!row) throw notFound("Scan");
  const files = await findScanFiles(row.id);
  return { ...toScanSummaryDto(row), files: files.map(toScanFileDto) };
}

export async function listScans(modelId: string, page: number, pageSize: number) {
  const model = await getModelOrThrow(modelId);
  const { rows, total } = await findScans(model.id, page, pageSize);
  return toPage(rows.map(toScanSummaryDto), total, page, pageSize);
}

/**
 * POST /models/{id}/scan: a new queued scan of the model's artifacts, or the scan already queued or
 * running (created: false). The job is sent after the scan is committed; sending is idempotent (the
 * job's id is the scan's), so an open scan whose job was lost is sent again here.
 */
export async function requestScan(modelId: string, context: WriteContext): Promise<{ scan: ScanDto; created: boolean }> {
  const model = await getModelOrThrow(modelId);
  const open = await findActiveScanOf(model.id);
  if (open) {
    await send(open.id);
    return { scan: await getScanOrThrow(open.id), created: false };
  }
  const outcome = await audited(context, async (tx) => {
    await lockModel(tx, model.id);
    const active = await findActiveScan(tx, model.id);
    if (active) return { result: { id: active.id, created: false }, action: "scan.requested_again", resourceType: "model", resourceId: model.id };
    const artifacts = await findAllArtifacts(tx, model.id);
    if (!artifacts.length) {
      throw new AppError("conflict", "This model has no files to scan: upload them (POST /api/v1/models/{id}/artifacts) or import the model from the Hub first");
    }
    const scan = await insertScan(tx, {
      modelId: model.id,
      requestedBy: describeActor(context.actor).actorLabel,
      files: artifacts.map((a, position) => ({
        artifactId: a.id, position, path: a.path, source: a.source, storagePath: a.storagePath, url: a.url,
        size: a.size, expectedSha256: a.sha256, format: a.format,
      })),
    });
    await setModelScanStatus(tx, scan.id, "queued");
    return {
      result: { id: scan.id, created: true },
      action: "scan.requested",
      resourceType: "model",
      resourceId: model.id,
      after: { scan_id: scan.id, files: artifacts.length },
    };
  });
  await send(outcome.id);
  return { scan: await getScanOrThrow(outcome.id), created: outcome.created };
}

/** Sends the scan's job; a queue that cannot take it is a 503 (the scan stays queued and is sent again later). */
async function send(scanId: string): Promise<void> {
  try {
    await enqueueScan(scanId);
  } catch (error) {
    log.error("could not queue a scan", { scanId, error: (error as Error).message });
    throw new AppError("unavailable", "The job queue is unavailable: the scan is recorded as queued and starts when the queue is back", { scan_id: scanId }, { "Retry-After": "10" });
  }
}
