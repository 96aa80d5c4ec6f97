import { listBucketsEndpoint } from "@/lib/leaderboard/endpoints";
import { listBuckets } from "@/lib/leaderboard/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/leaderboard/buckets: the buckets the leaderboard ranks
export const GET = route(listBucketsEndpoint, async ({ query }) => listBuckets(query));
