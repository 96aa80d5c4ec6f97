// Prisma calls for artifacts and scans; nothing else touches these tables.
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export const artifactSelect = {
  id: true, modelId: true, path: true, source: true, storagePath: true, url: true, size: true,
  sha256: true, format: true, createdAt: true, updatedAt: true,
} satisfies Prisma.ArtifactSelect;
export type ArtifactRow = Prisma.ArtifactGetPayload<{ select: typeof artifactSelect }>;

export const scanSelect = {
  id: true, modelId: true, status: true, verdict: true, filesTotal: true, filesDone: true,
  bytesTotal: true, bytesDone: true, attempts: true, lease: true, error: true, requestedBy: true,
  createdAt: true, startedAt: true, finishedAt: true,
} satisfies Prisma.ScanSelect;
export type ScanRow = Prisma.ScanGetPayload<{ select: typeof scanSelect }>;

export const scanFileSelect = {
  id: true, scanId: true, artifactId: true, position: true, path: true, source: true, storagePath: true,
  url: true, size: true, expectedSha256: true, sha256: true, format: true, status: true, verdict: true,
  bytesDone: true, scanners: true, findings: true, imports: true, summaries: true,
} satisfies Prisma.ScanFileSelect;
export type ScanFileRow = Prisma.ScanFileGetPayload<{ select: typeof scanFileSelect }>;

const client = async (tx?: DbClient) => tx ?? (await db());

// --- artifacts ---------------------------------------------------------------------------------

export async function findArtifacts(modelId: string, page: number, pageSize: number, tx?: DbClient): Promise<{ rows: ArtifactRow[]; total: number }> {
  const prisma = await client(tx);
  const [rows, total] = await Promise.all([
    prisma.artifact.findMany({ where: { modelId }, select: artifactSelect, orderBy: [{ path: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
    prisma.artifact.count({ where: { modelId } }),
  ]);
  return { rows, total };
}

export async function findAllArtifacts(tx: DbClient, modelId: string): Promise<ArtifactRow[]> {
  return tx.artifact.findMany({ where: { modelId }, select: artifactSelect, orderBy: [{ path: "asc" }] });
}

export async function findArtifactByPath(tx: DbClient, modelId: string, path: string): Promise<ArtifactRow | null> {
  return tx.artifact.findUnique({ where: { modelId_path: { modelId, path } }, select: artifactSelect });
}

export async function upsertArtifact(tx: DbClient, data: Prisma.ArtifactUncheckedCreateInput): Promise<ArtifactRow> {
  const { modelId, path, ...rest } = data;
  return tx.artifact.upsert({
    where: { modelId_path: { modelId, path } },
    create: data,
    update: rest,
    select: artifactSelect,
  });
}

export async function deleteArtifacts(tx: DbClient, ids: string[]): Promise<void> {
  if (ids.length) await tx.artifact.deleteMany({ where: { id: { in: ids } } });
}

export async function updateArtifactFormat(id: string, format: string): Promise<void> {
  await (await db()).artifact.updateMany({ where: { id }, data: { format } });
}

// --- scans ---------------------------------------------------------------------------------------

/** Takes the model's row lock, so two requests for a scan of one model are serialised. */
export async function lockModel(tx: DbClient, modelId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM models WHERE id = ${modelId}::uuid FOR UPDATE`;
  return rows.length > 0;
}

export async function findActiveScan(tx: DbClient, modelId: string): Promise<ScanRow | null> {
  return tx.scan.findFirst({ where: { modelId, status: { in: ["queued", "running"] } }, select: scanSelect, orderBy: { createdAt: "desc" } });
}

export async function findActiveScanOf(modelId: string): Promise<ScanRow | null> {
  return findActiveScan(await db(), modelId);
}

export async function insertScan(tx: DbClient, data: { modelId: string; requestedBy: string; files: Omit<Prisma.ScanFileCreateManyInput, "scanId">[] }): Promise<ScanRow> {
  const bytesTotal = data.files.reduce((sum, f) => sum + BigInt(f.size as bigint), 0n);
  const scan = await tx.scan.create({
    data: { modelId: data.modelId, requestedBy: data.requestedBy, filesTotal: data.files.length, bytesTotal },
    select: scanSelect,
  });
  await tx.scanFile.createMany({ data: data.files.map((f) => ({ ...f, scanId: scan.id })) });
  return scan;
}

export async function findScan(id: string, tx?: DbClient): Promise<ScanRow | null> {
  return (await client(tx)).scan.findUnique({ where: { id }, select: scanSelect });
}

export async function findScanFiles(scanId: string, tx?: DbClient): Promise<ScanFileRow[]> {
  return (await client(tx)).scanFile.findMany({ where: { scanId }, select: scanFileSelect, orderBy: { position: "asc" } });
}

export async function findScans(modelId: string, page: number, pageSize: number): Promise<{ rows: ScanRow[]; total: number }> {
  const prisma = await db();
  const [rows, total] = await Promise.all([
    prisma.scan.findMany({ where: { modelId }, select: scanSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
    prisma.scan.count({ where: { modelId } }),
  ]);
  return { rows, total };
}

export async function findQueuedScanIds(): Promise<string[]> {
  const rows = await (await db()).scan.findMany({ where: { status: { in: ["queued", "running"] } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** An update of the scan that only lands while `lease` still owns it; false when it does not. */
export async function updateScanIfLeased(id: string, lease: string, data: Prisma.ScanUpdateManyMutationInput, tx?: DbClient): Promise<boolean> {
  const { count } = await (await client(tx)).scan.updateMany({ where: { id, lease, status: "running" }, data });
  return count === 1;
}

/** Starts an attempt: only a queued or running scan can be claimed. */
export async function claimScan(id: string, lease: string): Promise<ScanRow | null> {
  const prisma = await db();
  const { count } = await prisma.scan.updateMany({
    where: { id, status: { in: ["queued", "running"] } },
    data: { status: "running", lease, attempts: { increment: 1 } },
  });
  if (!count) return null;
  await prisma.scan.updateMany({ where: { id, startedAt: null }, data: { startedAt: new Date() } });
  return findScan(id);
}

export async function updateScanFile(id: string, data: Prisma.ScanFileUpdateInput, tx?: DbClient): Promise<void> {
  await (await client(tx)).scanFile.update({ where: { id }, data });
}

/** Sets a scan's status when it is still open (queued or running); false when it was already settled. */
export async function settleScan(id: string, data: Prisma.ScanUpdateManyMutationInput, onlyLease?: string, tx?: DbClient): Promise<boolean> {
  const where: Prisma.ScanWhereInput = { id, status: { in: ["queued", "running"] }, ...(onlyLease ? { lease: onlyLease } : {}) };
  const { count } = await (await client(tx)).scan.updateMany({ where, data });
  return count === 1;
}

/** The model's scan_status follows its latest scan: only when `scanId` is still the latest. */
export async function setModelScanStatus(tx: DbClient, scanId: string, status: "queued" | "scanning" | "clean" | "flagged" | "error"): Promise<void> {
  await tx.$executeRaw`UPDATE models SET scan_status = ${status}::"ScanStatus"
    WHERE id = (SELECT model_id FROM scans WHERE id = ${scanId}::uuid)
      AND ${scanId}::uuid = (SELECT s.id FROM scans s WHERE s.model_id = models.id ORDER BY s.created_at DESC, s.id DESC LIMIT 1)`;
}

/** Which of these model ids still exist (for removing the uploads of deleted models). */
export async function findExistingModelIds(ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await (await db()).model.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function transaction<T>(fn: (tx: DbClient) => Promise<T>): Promise<T> {
  return (await db()).$transaction(fn);
}
