import type { Metadata } from "next";
import { NotAllowed, requireSignedIn } from "@/components/auth/access";
import { RecentRuns } from "@/components/benchmarks/recent-runs";
import { RunForm } from "@/components/benchmarks/run-form";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/portal";
import { parseAllowedHosts } from "@/lib/benchmarks/runner/allowed-hosts";
import { env } from "@/lib/env";
import { listAllHardwareProfiles } from "@/lib/hardware/service";
import { getModelOrThrow } from "@/lib/models/service";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run a benchmark" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RunBenchmarkPage({ searchParams }: { searchParams: SearchParams }) {
  const { model_id: modelId, page } = await searchParams;
  const runsPage = typeof page === "string" && /^[1-9]\d{0,5}$/.test(page) ? Number(page) : 1;
  const actor = await requireSignedIn(`/benchmarks/run${typeof modelId === "string" ? `?model_id=${modelId}` : ""}`);
  if (!can(actor, "engineer")) return <NotAllowed title="Running benchmarks needs the engineer role" />;
  const [model, profiles] = await Promise.all([
    typeof modelId === "string" ? getModelOrThrow(modelId).catch(() => null) : null,
    listAllHardwareProfiles(),
  ]);
  return (
    <>
      <PageHeader
        title="Run a benchmark"
        description="Streams chat completions to an OpenAI-compatible endpoint at the concurrency you choose, and measures time to first token, inter-token latency, time per output token and throughput. The result is stored as a benchmark."
      />
      <div className="space-y-6">
        <Card>
          <RunForm model={model ? { id: model.id, name: model.name } : null} profiles={profiles.map((p) => ({ id: p.id, name: p.name }))} allowedHosts={parseAllowedHosts(env.BENCHMARK_ALLOWED_HOSTS)} />
        </Card>
        <Card title="Recent runs">
          <RecentRuns page={runsPage} params={{ model_id: typeof modelId === "string" ? modelId : undefined }} />
        </Card>
      </div>
    </>
  );
}
