"use client";
// The latest benchmark runs, live while any is still measuring: what ran against which host, how
// far it got, and the benchmark it stored. API keys are never sent to the browser to show.
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Alert, EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import type { RunDto } from "@/lib/benchmarks/runs/schema";
import { useRuns } from "@/lib/client/benchmarks";
import { formatDate } from "@/lib/format";

const statusTone: Record<RunDto["status"], BadgeTone> = { queued: "neutral", running: "info", completed: "good", failed: "bad" };
const statusLabel: Record<RunDto["status"], string> = { queued: "Queued", running: "Measuring", completed: "Completed", failed: "Failed" };

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The benchmarks page narrowed to the run's bucket and engine, runner results only. */
function resultHref(run: RunDto): string {
  const { precision, engine, input_tokens, output_tokens, concurrency } = run.settings;
  const query = new URLSearchParams({
    model_id: run.model_id, hardware_profile: run.hardware_profile, precision, engine, source: "runner",
    input_tokens: String(input_tokens), output_tokens: String(output_tokens), concurrency: String(concurrency),
  });
  return `/benchmarks?${query}`;
}

export function RecentRuns({ page, params }: { page: number; params: Record<string, string | undefined> }) {
  const { data, error, isPending } = useRuns(page);
  if (isPending) return <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">Loading runs…</p>;
  if (error) return <Alert>Could not load the runs: {error.message}</Alert>;
  if (data.total === 0) return <EmptyState title="No runs yet">Runs started here, or through POST /api/v1/benchmarks/run, are listed with their progress.</EmptyState>;
  if (data.data.length === 0) return <EmptyState title="No runs on this page"><Link className="underline" href="/benchmarks/run">Back to the newest runs</Link></EmptyState>;
  const cell = "px-3 py-2 whitespace-nowrap";
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm" data-testid="recent-runs">
          <thead className="bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th className={cell}>Status</th>
              <th className={cell}>Model</th>
              <th className={cell}>Target host</th>
              <th className={`${cell} text-right`}>Requests</th>
              <th className={cell}>Started</th>
              <th className={cell}>Finished</th>
              <th className={cell}>Result</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
            {data.data.map((run) => <RunRow key={run.id} run={run} cell={cell} />)}
          </tbody>
        </table>
      </div>
      <Pagination basePath="/benchmarks/run" params={params} page={data.page} totalPages={data.total_pages} />
    </div>
  );
}

function RunRow({ run, cell }: { run: RunDto; cell: string }) {
  const { requests_total: total, requests_done: done, requests_failed: failed } = run.progress;
  return (
    <tr>
      <td className={cell}><Badge tone={statusTone[run.status]}>{statusLabel[run.status]}</Badge></td>
      <td className={cell}><Link href={`/models/${run.model_id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">{run.model_name}</Link></td>
      <td className={`${cell} font-mono text-xs`}>{hostOf(run.endpoint_url)}{run.settings.uses_api_key ? <span className="ml-2"><Badge>API key</Badge></span> : null}</td>
      <td className={`${cell} text-right tabular-nums`}>{done} / {total}{failed ? <span className="text-red-700 dark:text-red-400"> ({failed} failed)</span> : null}</td>
      <td className={`${cell} text-zinc-500 dark:text-zinc-400`}>{run.started_at ? formatDate(run.started_at) : "—"}</td>
      <td className={`${cell} text-zinc-500 dark:text-zinc-400`}>{run.finished_at ? formatDate(run.finished_at) : "—"}</td>
      <td className={`${cell} max-w-xs truncate`} title={run.error ?? undefined}>
        {run.benchmark_id ? (
          <Link className="underline" href={resultHref(run)}>Stored benchmark</Link>
        ) : run.error ? (
          <span className="text-zinc-600 dark:text-zinc-400">{run.error}</span>
        ) : "—"}
      </td>
    </tr>
  );
}
