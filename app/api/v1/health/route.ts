import { healthEndpoint } from "@/lib/system/endpoints";
import { checkHealth } from "@/lib/system/health";
import { jsonReply } from "@/lib/http/reply";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/health: the service and its dependencies
export const GET = route(healthEndpoint, async () => {
  const health = await checkHealth();
  return jsonReply(health, health.status === "unavailable" ? 503 : 200);
});
