import { requirementsEndpoint } from "@/lib/requirements/endpoints";
import { getRequirements } from "@/lib/requirements/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/models/{id}/requirements: memory and hardware fit for a workload
export const GET = route(requirementsEndpoint, async ({ params, query }) => getRequirements(params.id, query));
