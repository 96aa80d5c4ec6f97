import { getLeaderboardEndpoint } from "@/lib/leaderboard/endpoints";
import { getLeaderboardJson } from "@/lib/leaderboard/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/leaderboard: models ranked within one bucket by a metric
export const GET = route(getLeaderboardEndpoint, async ({ query }) =>
  new Response(await getLeaderboardJson(query), { headers: { "Content-Type": "application/json" } }),
);
