import { getLeaderboardEndpoint } from "@/lib/leaderboard/endpoints";
import { getLeaderboardJson } from "@/lib/leaderboard/service";
import { jsonTextReply } from "@/lib/http/reply";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/leaderboard: models ranked within one bucket by a metric
export const GET = route(getLeaderboardEndpoint, async ({ query }) =>
  jsonTextReply(await getLeaderboardJson(query)),
);
