import { exportBenchmarks } from "@/lib/benchmarks/csv";
import { createBenchmarkEndpoint, listBenchmarksEndpoint } from "@/lib/benchmarks/endpoints";
import { createBenchmark, listBenchmarks } from "@/lib/benchmarks/service";
import { created, Reply } from "@/lib/http/reply";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/benchmarks: list benchmarks, or export them all as CSV (Accept: text/csv)
export const GET = route(listBenchmarksEndpoint, async ({ query, request }) => {
  if (!(request.headers.get("accept") ?? "").includes("text/csv")) return listBenchmarks(query);
  const { stream, total, truncated } = await exportBenchmarks(query);
  return new Reply(200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": 'attachment; filename="benchmarks.csv"',
    "X-Total-Count": String(total),
    ...(truncated ? { "X-Export-Truncated": "true" } : {}),
  }, stream);
});

// POST /api/v1/benchmarks: submit a benchmark result
export const POST = route(createBenchmarkEndpoint, async ({ body, actor, requestId }) => {
  const benchmark = await createBenchmark(body, { actor, requestId });
  return created(benchmark, `/api/v1/benchmarks/${benchmark.id}`);
});
