// Prisma calls for Hub revisions; nothing else touches the hub_revisions table.
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export const hubRevisionSelect = {
  id: true, modelId: true, repoId: true, revision: true, ref: true, parametersExact: true,
  weightsFormat: true, files: true, changedFields: true, createdAt: true,
} satisfies Prisma.HubRevisionSelect;

export type HubRevisionRow = Prisma.HubRevisionGetPayload<{ select: typeof hubRevisionSelect }>;

/** Records the revision the first time the model reaches it; the files are refreshed each time. */
export async function upsertHubRevision(
  client: DbClient, data: Omit<Prisma.HubRevisionUncheckedCreateInput, "id" | "createdAt">,
): Promise<HubRevisionRow> {
  return client.hubRevision.upsert({
    where: { modelId_revision: { modelId: data.modelId, revision: data.revision } },
    create: data,
    update: { files: data.files, ref: data.ref },
    select: hubRevisionSelect,
  });
}

export async function findHubRevisions(modelId: string, page: number, pageSize: number): Promise<{ rows: HubRevisionRow[]; total: number }> {
  const prisma = await db();
  const [rows, total] = await Promise.all([
    prisma.hubRevision.findMany({ where: { modelId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * pageSize, take: pageSize, select: hubRevisionSelect }),
    prisma.hubRevision.count({ where: { modelId } }),
  ]);
  return { rows, total };
}

export async function findLatestHubRevision(modelId: string, client?: DbClient): Promise<HubRevisionRow | null> {
  return (client ?? (await db())).hubRevision.findFirst({ where: { modelId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: hubRevisionSelect });
}
