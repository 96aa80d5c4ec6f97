// A run's audited state changes (started, failed, put back in the queue), each written only while
// the attempt that decided it still holds the run (queries.ts explains the fence). A change that
// finds the run moved on writes nothing, audit record included.
import { audited, type WriteContext } from "@/lib/audit/service";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findRunById, updateRunIfFenced, type RunFence, type RunRow } from "./queries";
import type { RunDto } from "./schema";
import { toRunDto } from "./service";

export class RunFenceLost extends Error {}

export const runnerContext = (run: Pick<RunDto, "id" | "requested_by">): WriteContext => ({
  actor: { type: "system", label: `benchmark runner (run ${run.id} for ${run.requested_by})` },
});

export const fenceOf = (row: Pick<RunRow, "id" | "status" | "startedAt">): RunFence => ({
  id: row.id,
  status: row.status === "queued" ? "queued" : "running",
  startedAt: row.startedAt,
});

/** Writes `data` and its audit record while `fence` holds; false (and nothing written) otherwise. */
export async function changeRun(run: RunDto, fence: RunFence, data: Prisma.BenchmarkRunUncheckedUpdateInput, action: string): Promise<boolean> {
  try {
    return await audited(runnerContext(run), async (tx) => {
      if (!(await updateRunIfFenced(tx, fence, data))) throw new RunFenceLost();
      const after = toRunDto((await findRunById(run.id, tx))!);
      return { result: true, action, resourceType: "benchmark_run", resourceId: run.id, before: run, after };
    });
  } catch (error) {
    if (error instanceof RunFenceLost) return false;
    throw error;
  }
}

export function failRun(run: RunDto, fence: RunFence, reason: string): Promise<boolean> {
  return changeRun(run, fence, { status: "failed", error: reason.slice(0, 1000), finishedAt: new Date() }, "benchmark_run.failed");
}
