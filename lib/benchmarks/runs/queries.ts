// Prisma calls for benchmark runs; nothing else touches the benchmark_runs table.
// A run's attempt is fenced by its started_at: each attempt (a retry after its worker died, say)
// claims the run with a fresh one, and every later write of that attempt lands only while the row
// still carries it, so an attempt presumed dead can never write over the one that replaced it.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import type { ListRunsQuery } from "./schema";

export const runSelect = {
  id: true, modelId: true, hardwareProfileId: true, endpointUrl: true, settings: true, status: true,
  requestsTotal: true, requestsDone: true, requestsFailed: true, benchmarkId: true, error: true,
  requestedBy: true, createdAt: true, startedAt: true, finishedAt: true, model: { select: { name: true } },
} satisfies Prisma.BenchmarkRunSelect;

export type RunRow = Prisma.BenchmarkRunGetPayload<{ select: typeof runSelect }>;

/** Which attempt of a run is writing: the status and started_at it saw or set. */
export interface RunFence {
  id: string;
  status: "queued" | "running";
  startedAt: Date | null;
}

export async function findRunById(id: string, client?: DbClient): Promise<RunRow | null> {
  return (client ?? (await db())).benchmarkRun.findUnique({ where: { id }, select: runSelect });
}

function runsWhere(query: Pick<ListRunsQuery, "status" | "model_id">): Prisma.BenchmarkRunWhereInput {
  return { ...(query.status ? { status: query.status } : {}), ...(query.model_id ? { modelId: query.model_id } : {}) };
}

type Direction = "asc" | "desc";
const sortOrders: Record<ListRunsQuery["sort"], (direction: Direction) => Prisma.BenchmarkRunOrderByWithRelationInput> = {
  created_at: (direction) => ({ createdAt: direction }),
  started_at: (direction) => ({ startedAt: { sort: direction, nulls: "last" } }),
  finished_at: (direction) => ({ finishedAt: { sort: direction, nulls: "last" } }),
};

export async function findRuns(query: ListRunsQuery): Promise<{ rows: RunRow[]; total: number }> {
  const prisma = await db();
  const where = runsWhere(query);
  const direction = query.order ?? "desc";
  const [rows, total] = await Promise.all([
    prisma.benchmarkRun.findMany({
      where,
      // Ties (and runs with no time yet) in a fixed order, so pages never overlap.
      orderBy: [sortOrders[query.sort](direction), { createdAt: direction }, { id: direction }],
      skip: (query.page - 1) * query.page_size,
      take: query.page_size,
      select: runSelect,
    }),
    prisma.benchmarkRun.count({ where }),
  ]);
  return { rows, total };
}

/** Runs not yet settled, oldest first: what the sweep checks against their jobs. */
export async function findOpenRuns(): Promise<RunRow[]> {
  return (await db()).benchmarkRun.findMany({ where: { status: { in: ["queued", "running"] } }, orderBy: { createdAt: "asc" }, select: runSelect });
}

export async function insertRun(client: DbClient, data: Prisma.BenchmarkRunUncheckedCreateInput): Promise<RunRow> {
  return client.benchmarkRun.create({ data, select: runSelect });
}

/**
 * Starts an attempt: a queued run, or a running one whose last attempt pg-boss gave up on (the
 * queue hands a job to one worker at a time, so a second claim means the first holder was presumed
 * dead). Progress starts over. The fence of the new attempt, or null when the run has settled.
 */
export async function claimRun(client: DbClient, id: string): Promise<RunFence | null> {
  const startedAt = new Date();
  const { count } = await client.benchmarkRun.updateMany({
    where: { id, status: { in: ["queued", "running"] } },
    data: { status: "running", startedAt, finishedAt: null, requestsDone: 0, requestsFailed: 0 },
  });
  return count === 1 ? { id, status: "running", startedAt } : null;
}

/** Writes `data` only while `fence` still holds; false when another attempt or a settle came first. */
export async function updateRunIfFenced(client: DbClient, fence: RunFence, data: Prisma.BenchmarkRunUncheckedUpdateInput): Promise<boolean> {
  const { count } = await client.benchmarkRun.updateMany({ where: { id: fence.id, status: fence.status, startedAt: fence.startedAt }, data });
  return count === 1;
}

/** Progress counters, written straight to the row (see service.ts for why they skip the audit log). */
export async function writeProgress(fence: RunFence, done: number, failed: number): Promise<void> {
  await updateRunIfFenced(await db(), fence, { requestsDone: done, requestsFailed: failed });
}
