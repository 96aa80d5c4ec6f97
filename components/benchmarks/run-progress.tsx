"use client";
// A run's live progress, polled until it has finished, then its outcome.
import Link from "next/link";
import { Alert } from "@/components/ui/card";
import { useRun } from "@/lib/client/benchmarks";

export function RunProgress({ runId }: { runId: string }) {
  const { data: run, error } = useRun(runId);
  if (error) return <Alert>{error.message}</Alert>;
  if (!run) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Starting…</p>;
  const { requests_total: total, requests_done: done, requests_failed: failed } = run.progress;
  const percent = total ? Math.round((done / total) * 100) : 0;
  return (
    <div className="space-y-3" data-testid="run-progress">
      <div className="flex justify-between text-sm">
        <span className="font-medium">{{ queued: "Queued", running: "Measuring", completed: "Completed", failed: "Failed" }[run.status]}</span>
        <span className="tabular-nums text-zinc-600 dark:text-zinc-400">{done} of {total} requests{failed ? `, ${failed} failed` : ""}</span>
      </div>
      <div role="progressbar" aria-label="Requests done" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} className="h-2 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800">
        <div className={`h-full transition-all ${run.status === "failed" ? "bg-red-500" : "bg-indigo-500"}`} style={{ width: `${percent}%` }} />
      </div>
      {run.status === "completed" && run.benchmark_id ? (
        <Alert tone="info">
          Stored as a benchmark of this model.{" "}
          <Link className="font-medium underline" href={`/benchmarks?model_id=${run.model_id}&source=runner`}>See the result</Link>; it joins the leaderboard at its next refresh.
        </Alert>
      ) : null}
      {run.status === "failed" ? <Alert>{run.error ?? "The run failed."}</Alert> : null}
    </div>
  );
}
