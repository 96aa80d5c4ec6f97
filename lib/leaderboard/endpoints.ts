// The leaderboard endpoints: what the route handlers and the OpenAPI document are built from.
import { defineEndpoint } from "@/lib/http/endpoint";
import { bucketPageSchema, leaderboardQuerySchema, leaderboardSchema, listBucketsQuerySchema, refreshResultSchema } from "./schema";

export const getLeaderboardEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/leaderboard", tag: "Benchmarks", role: "viewer",
  summary: "Models ranked within one bucket (hardware profile x precision x input x output x concurrency) by a metric",
  query: leaderboardQuerySchema,
  success: { status: 200, description: "The ranking, from the precomputed leaderboard", schema: leaderboardSchema },
});

export const listBucketsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/leaderboard/buckets", tag: "Benchmarks", role: "viewer",
  summary: "The buckets the leaderboard ranks, fullest first",
  query: listBucketsQuerySchema,
  success: { status: 200, description: "A page of buckets with how many models each ranks", schema: bucketPageSchema },
});

export const refreshLeaderboardEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/leaderboard/refresh", tag: "Benchmarks", role: "admin",
  summary: "Rebuild the leaderboard now, rather than at the next scheduled refresh",
  success: { status: 200, description: "The refresh: when it finished and what the leaderboard now holds", schema: refreshResultSchema },
});

export const leaderboardEndpoints = [getLeaderboardEndpoint, listBucketsEndpoint, refreshLeaderboardEndpoint];
