import { listRunsEndpoint } from "@/lib/benchmarks/endpoints";
import { listRuns } from "@/lib/benchmarks/runs/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/benchmarks/runs: runs, newest first, filtered by status and model
export const GET = route(listRunsEndpoint, async ({ query }) => listRuns(query));
