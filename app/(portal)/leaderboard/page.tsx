import type { Metadata } from "next";
import { LeaderboardPickers } from "@/components/leaderboard/leaderboard-pickers";
import { LeaderboardTable } from "@/components/leaderboard/leaderboard-table";
import { RefreshButton } from "@/components/leaderboard/refresh-button";
import { TradeoffChart } from "@/components/leaderboard/tradeoff-chart";
import { UpdatedAt } from "@/components/leaderboard/updated-at";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can, getPortalActor } from "@/lib/auth/portal";
import { describeBucket, type Bucket } from "@/lib/leaderboard/bucket";
import { chooseBucket } from "@/lib/leaderboard/choice";
import { leaderboardMetrics, metricInfo, type LeaderboardMetric } from "@/lib/leaderboard/metrics";
import { getLeaderboard, getLeaderboardUpdatedAt, getTradeoffPoints, listAllBuckets } from "@/lib/leaderboard/service";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Leaderboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const fieldNames: Record<keyof Bucket, string> = {
  hardware_profile: "hardware", precision: "precision", input_tokens: "workload", output_tokens: "workload", concurrency: "concurrency",
};

export default async function LeaderboardPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v.at(-1) : v]));
  const metric = (leaderboardMetrics as readonly string[]).includes(raw.metric ?? "") ? (raw.metric as LeaderboardMetric) : "output_throughput_tps";
  const latency = raw.latency === "ttft_p99_ms" ? "ttft_p99_ms" : "ttft_p50_ms";
  const count = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : undefined);
  const wanted = {
    hardware_profile: raw.hardware_profile || undefined, precision: raw.precision || undefined,
    input_tokens: count(raw.input_tokens), output_tokens: count(raw.output_tokens), concurrency: count(raw.concurrency),
  };
  const [buckets, actor, updatedAt] = await Promise.all([listAllBuckets(), getPortalActor(), getLeaderboardUpdatedAt()]);
  const choice = chooseBucket(buckets, wanted);
  const { bucket } = choice;
  const [board, points] = bucket
    ? await Promise.all([getLeaderboard({ metric, ...bucket, limit: 100 }), getTradeoffPoints(bucket)])
    : [null, []];
  const latencyLabel = latency === "ttft_p99_ms" ? "TTFT p99" : "TTFT p50";
  const chartPoints = points.flatMap((point) => {
    const value = latency === "ttft_p99_ms" ? point.ttftP99Ms : point.ttftP50Ms;
    return value === null ? [] : [{ profile: point.hardwareProfileId, model: point.modelName, concurrency: point.concurrency, throughput: point.perGpu, latency: value, demo: point.demo }];
  });
  const relaxed = [...new Set(choice.relaxed.map((field) => fieldNames[field]))];
  const info = metricInfo[metric];
  return (
    <>
      <PageHeader
        title="Leaderboard"
        description={<>Models ranked against others on the same hardware and workload. <UpdatedAt iso={updatedAt} /></>}
        actions={can(actor, "admin") ? <RefreshButton /> : undefined}
      />
      <div className="space-y-6">
        {bucket ? (
          <Card><LeaderboardPickers bucket={bucket} options={choice.options} metric={metric} latency={latency} /></Card>
        ) : null}
        {relaxed.length ? (
          <Alert tone="info">No results for the {relaxed.join(" and ")} asked for with these choices: showing the closest bucket that has some.</Alert>
        ) : null}
        {board?.entries.some((entry) => entry.demo) || points.some((point) => point.demo) ? (
          <Alert tone="info">Rows marked Demo data are illustrative numbers loaded with the demo catalog, not measurements.</Alert>
        ) : null}
        {!bucket || !board ? (
          <EmptyState title="No benchmark results yet">Post results to /api/v1/benchmarks, import a result file, or run a benchmark from a model&apos;s page.</EmptyState>
        ) : (
          <>
            <Card title={`${info.label}: ${describeBucket(bucket)}`}>
              {board.entries.length ? (
                <LeaderboardTable entries={board.entries} valueLabel={info.label} unit={info.unit} />
              ) : (
                <EmptyState title={`No result in this bucket measured ${info.label}`}>
                  {metric === "cost_per_million_tokens" ? "This hardware profile has no hourly price: an admin can set one under Hardware." : "Pick another metric or bucket."}
                </EmptyState>
              )}
              <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
                Each model&apos;s best result in this bucket for the chosen metric; a tie goes to the earlier result. {info.direction === "desc" ? "Higher" : "Lower"} ranks first.
              </p>
            </Card>
            <Card title={`${latencyLabel} against throughput per GPU`}>
              <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
                {bucket.precision} · {bucket.input_tokens} in → {bucket.output_tokens} out tokens, every hardware profile and concurrency: each point is a
                model&apos;s highest-throughput result in its bucket. Dashed lines join each profile&apos;s Pareto front: nothing on that hardware is both faster and
                higher-throughput. Lower right is better.
              </p>
              {chartPoints.length ? <TradeoffChart points={chartPoints} latencyLabel={latencyLabel} /> : <EmptyState title={`No ${latencyLabel} measured for this workload`} />}
            </Card>
          </>
        )}
      </div>
    </>
  );
}
