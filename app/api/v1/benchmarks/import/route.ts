import { importBenchmarkEndpoint } from "@/lib/benchmarks/endpoints";
import { importBenchmark } from "@/lib/benchmarks/service";
import { created } from "@/lib/http/reply";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/v1/benchmarks/import: store a tool's result file (JSON body or multipart `file`)
export const POST = route(importBenchmarkEndpoint, async ({ body, actor, requestId }) => {
  const benchmark = await importBenchmark(body, { actor, requestId });
  return created(benchmark, `/api/v1/benchmarks/${benchmark.id}`);
});
