import type { Metadata } from "next";
import { CompareChart } from "@/components/compare/compare-chart";
import { CompareFacts } from "@/components/compare/compare-facts";
import { SharedResults } from "@/components/compare/shared-results";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getSharedResults } from "@/lib/leaderboard/shared";
import type { ModelDto } from "@/lib/models/schema";
import { getModelOrThrow } from "@/lib/models/service";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare models" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The charts and tables stop being readable beyond a dozen buckets: the fullest ones show.
const MAX_BUCKETS = 12;
const tokens = (count: number) => (count >= 1024 && count % 1024 === 0 ? `${count / 1024}K` : String(count));

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).ids;
  const ids = [...new Set((Array.isArray(raw) ? raw.join(",") : raw ?? "").split(",").map((id) => id.trim()).filter(Boolean))];
  const valid = ids.filter((id) => UUID.test(id));
  const models = (await Promise.all(valid.map((id) => getModelOrThrow(id).catch(() => null)))).filter((m): m is ModelDto => m !== null);
  const header = <PageHeader title="Compare models" description="Two to four models side by side: what they are, whether you may use them, what they need, and how they perform where both have results." />;
  if (ids.length < 2 || ids.length > 4 || models.length < 2) {
    return (
      <>
        {header}
        <EmptyState title={ids.length > 4 ? "Compare at most four models" : "Choose two to four models"}>
          <p className="mb-4">Tick models on the leaderboard, or open /compare?ids=&lt;id&gt;,&lt;id&gt;.{models.length !== valid.length || valid.length !== ids.length ? " Some of the ids given are not models." : ""}</p>
          <ButtonLink href="/leaderboard" variant="secondary">Go to the leaderboard</ButtonLink>
        </EmptyState>
      </>
    );
  }
  const shared = (await getSharedResults(models.map((m) => m.id))).slice(0, MAX_BUCKETS);
  const chartRows = shared.map((result) => ({
    bucket: `${result.bucket.hardware_profile} ${result.bucket.precision} ${tokens(result.bucket.input_tokens)}→${tokens(result.bucket.output_tokens)} c${result.bucket.concurrency}`,
    ...Object.fromEntries(Object.entries(result.byModel).map(([id, values]) => [id, values.output_throughput_tps])),
  }));
  const named = models.map((m) => ({ id: m.id, name: m.name }));
  return (
    <>
      {header}
      <div className="space-y-6">
        {models.length < ids.length ? <Alert tone="info">Some of the ids given are not models; comparing the {models.length} that are.</Alert> : null}
        <Card title="At a glance"><CompareFacts models={models} /></Card>
        <Card title="Benchmarks on shared buckets">
          {shared.length ? (
            <>
              <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
                Buckets where at least two of these models have results (as of the last leaderboard refresh), fullest first; each model&apos;s best value per metric, the best in each row marked.
              </p>
              <CompareChart rows={chartRows} models={named} />
              <div className="mt-6"><SharedResults results={shared} models={named} /></div>
            </>
          ) : (
            <EmptyState title="No shared buckets">These models have no results on the same hardware, precision, workload and concurrency, so their numbers are not comparable.</EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
