import { healthEndpoint } from "@/lib/system/endpoints";
import { checkHealth } from "@/lib/system/health";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/health: the service and its dependencies
export const GET = route(healthEndpoint, async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "unavailable" ? 503 : 200 });
});
