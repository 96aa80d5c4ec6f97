import type { Metadata } from "next";
import { BenchmarkFilters } from "@/components/benchmarks/benchmark-filters";
import { BenchmarkTable } from "@/components/benchmarks/benchmark-table";
import { CsvButton } from "@/components/benchmarks/csv-button";
import { ButtonLink } from "@/components/ui/button";
import { Alert, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { can, getPortalActor } from "@/lib/auth/portal";
import { listBenchmarksQuerySchema } from "@/lib/benchmarks/schema";
import { listBenchmarks } from "@/lib/benchmarks/service";
import { listAllHardwareProfiles } from "@/lib/hardware/service";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Benchmarks" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BenchmarksPage({ searchParams }: { searchParams: SearchParams }) {
  // Empty form fields arrive as "", which means "any".
  const values = Object.fromEntries(
    Object.entries(await searchParams)
      .map(([key, value]) => [key, Array.isArray(value) ? value.at(-1) : value])
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  const parsed = listBenchmarksQuerySchema.safeParse(values);
  const [result, profiles, actor] = await Promise.all([parsed.success ? listBenchmarks(parsed.data) : null, listAllHardwareProfiles(), getPortalActor()]);
  const { page: _page, ...filters } = values;
  return (
    <>
      <PageHeader
        title="Benchmarks"
        description={result ? `${result.total.toLocaleString("en-US")} result${result.total === 1 ? "" : "s"}: latencies in milliseconds, throughput in tokens per second.` : undefined}
        actions={
          <>
            <CsvButton query={new URLSearchParams(filters).toString()} />
            {can(actor, "engineer") ? <ButtonLink href="/benchmarks/run">Run a benchmark</ButtonLink> : null}
          </>
        }
      />
      <div className="space-y-6">
        <BenchmarkFilters values={values} profiles={profiles.map((p) => p.id)} />
        {!parsed.success ? (
          <Alert>These filters are not valid: {parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}.</Alert>
        ) : result && result.data.length === 0 ? (
          <EmptyState title="No benchmarks match">Automation posts results to /api/v1/benchmarks or imports vLLM, LLMPerf and GenAI-Perf files at /api/v1/benchmarks/import.</EmptyState>
        ) : result ? (
          <>
            <BenchmarkTable benchmarks={result.data} />
            <Pagination basePath="/benchmarks" params={values} page={result.page} totalPages={result.total_pages} />
          </>
        ) : null}
      </div>
    </>
  );
}
