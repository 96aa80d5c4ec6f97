import { getRunEndpoint } from "@/lib/benchmarks/endpoints";
import { getRunOrThrow } from "@/lib/benchmarks/runs/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/benchmarks/runs/{id}: a run's status and progress
export const GET = route(getRunEndpoint, async ({ params }) => getRunOrThrow(params.id));
