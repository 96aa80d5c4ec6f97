import { getBenchmarkEndpoint } from "@/lib/benchmarks/endpoints";
import { getBenchmarkOrThrow } from "@/lib/benchmarks/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/benchmarks/{id}: one benchmark
export const GET = route(getBenchmarkEndpoint, async ({ params }) => getBenchmarkOrThrow(params.id));
