// Prisma calls for benchmark runs; nothing else touches the benchmark_runs table.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";

export const runSelect = {
  id: true, modelId: true, hardwareProfileId: true, endpointUrl: true, settings: true, status: true,
  requestsTotal: true, requestsDone: true, requestsFailed: true, benchmarkId: true, error: true,
  requestedBy: true, createdAt: true, startedAt: true, finishedAt: true,
} satisfies Prisma.BenchmarkRunSelect;

export type RunRow = Prisma.BenchmarkRunGetPayload<{ select: typeof runSelect }>;

export async function findRunById(id: string, client?: DbClient): Promise<RunRow | null> {
  return (client ?? (await db())).benchmarkRun.findUnique({ where: { id }, select: runSelect });
}

export async function insertRun(client: DbClient, data: Prisma.BenchmarkRunUncheckedCreateInput): Promise<RunRow> {
  return client.benchmarkRun.create({ data, select: runSelect });
}

export async function updateRun(client: DbClient, id: string, data: Prisma.BenchmarkRunUncheckedUpdateInput): Promise<RunRow> {
  return client.benchmarkRun.update({ where: { id }, data, select: runSelect });
}

/** Moves a queued run to running; false when another worker already took it. */
export async function claimRun(client: DbClient, id: string): Promise<boolean> {
  const { count } = await client.benchmarkRun.updateMany({ where: { id, status: "queued" }, data: { status: "running", startedAt: new Date() } });
  return count === 1;
}

/** Progress counters, written straight to the row (see service.ts for why they skip the audit log). */
export async function writeProgress(id: string, done: number, failed: number): Promise<void> {
  await (await db()).benchmarkRun.update({ where: { id }, data: { requestsDone: done, requestsFailed: failed } });
}

export async function findRecentRuns(modelId: string, take: number): Promise<RunRow[]> {
  return (await db()).benchmarkRun.findMany({ where: { modelId }, orderBy: { createdAt: "desc" }, take, select: runSelect });
}
