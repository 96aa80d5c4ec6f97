// The model page's benchmarks section: its results over concurrency, as lines per configuration.
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { can, getPortalActor } from "@/lib/auth/portal";
import { getModelSeries } from "@/lib/benchmarks/service";
import { ModelBenchmarkCharts } from "./model-benchmark-charts";
import { DemoBadge } from "./demo-badge";

export async function ModelBenchmarks({ modelId }: { modelId: string }) {
  const [series, actor] = await Promise.all([getModelSeries(modelId), getPortalActor()]);
  const actions = (
    <div className="flex gap-2">
      {series.length ? <ButtonLink href={`/benchmarks?model_id=${modelId}`} variant="ghost">All results</ButtonLink> : null}
      {can(actor, "engineer") ? <ButtonLink href={`/benchmarks/run?model_id=${modelId}`} variant="secondary">Run a benchmark</ButtonLink> : null}
    </div>
  );
  if (!series.length) {
    return (
      <Card title="Benchmarks" actions={actions}>
        <EmptyState title="No benchmark results yet">Post or import results for this model, or run a benchmark against an endpoint serving it.</EmptyState>
      </Card>
    );
  }
  const demo = series.some((s) => s.points.some((p) => p.demo));
  return (
    <Card title="Benchmarks" actions={actions}>
      {demo ? (
        <p className="mb-3 flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          <DemoBadge /> Some of these are illustrative demo numbers, not measurements.
        </p>
      ) : null}
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">The best run at each concurrency, a line per hardware profile.</p>
      <ModelBenchmarkCharts series={series} />
    </Card>
  );
}
