import { refreshLeaderboardEndpoint } from "@/lib/leaderboard/endpoints";
import { refreshLeaderboard } from "@/lib/leaderboard/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/v1/leaderboard/refresh: rebuild the leaderboard now
export const POST = route(refreshLeaderboardEndpoint, async ({ actor, requestId }) => refreshLeaderboard("manual", { actor, requestId }));
