// zod schemas for the leaderboard: the ranking query, its answer, the buckets list, and a refresh.
import { z } from "zod";
import { precisions, profileIdSchema } from "@/lib/benchmarks/schema";
import { pageOf, pageParams } from "@/lib/http/pagination";
import { leaderboardMetrics } from "./metrics";

const count = (max: number) => z.coerce.number().int().min(1).max(max).optional();

const bucketFilters = {
  hardware_profile: profileIdSchema.optional(),
  precision: z.enum(precisions).optional(),
  input_tokens: count(10_000_000),
  output_tokens: count(1_000_000),
  concurrency: count(100_000),
};

export const leaderboardQuerySchema = z.strictObject({
  metric: z.enum(leaderboardMetrics).default("output_throughput_tps"),
  ...bucketFilters,
  limit: z.coerce.number().int().min(1).max(1000).default(20).meta({ description: "How many ranks to return, from the top (the lists' page size)" }),
});

export type LeaderboardQuery = z.output<typeof leaderboardQuerySchema>;

export const bucketSchema = z
  .object({
    hardware_profile: z.string(),
    precision: z.string(),
    input_tokens: z.number().int(),
    output_tokens: z.number().int(),
    concurrency: z.number().int(),
  })
  .meta({ id: "LeaderboardBucket", description: "Results are only ranked against others in the same bucket" });

export const leaderboardEntrySchema = z.object({
  rank: z.number().int(),
  model: z.object({ id: z.uuid(), name: z.string() }),
  hardware_profile: z.string(),
  value: z.number(),
  per_gpu: z.number().meta({ description: "Output tokens per second per GPU of the ranked result" }),
  cost_per_million_tokens: z.number().nullable().meta({ description: "USD per million output tokens at the profile's hourly price" }),
  benchmark_id: z.uuid(),
  demo: z.boolean().meta({ description: "The ranked result is illustrative demo data, not a measurement" }),
});

export const leaderboardSchema = z
  .object({
    updated_at: z.iso.datetime().nullable().meta({ description: "When the leaderboard was last refreshed; null before the first refresh" }),
    metric: z.enum(leaderboardMetrics),
    direction: z.enum(["asc", "desc"]),
    unit: z.string(),
    bucket: bucketSchema.nullable().meta({ description: "The bucket ranked: as asked, or the fullest matching one for what was left out" }),
    total: z.number().int(),
    entries: z.array(leaderboardEntrySchema),
  })
  .meta({ id: "Leaderboard" });

export type LeaderboardDto = z.infer<typeof leaderboardSchema>;
export type LeaderboardEntryDto = z.infer<typeof leaderboardEntrySchema>;
export type BucketDto = z.infer<typeof bucketSchema>;

export const listBucketsQuerySchema = z.strictObject({ ...pageParams, ...bucketFilters });
export type ListBucketsQuery = z.output<typeof listBucketsQuerySchema>;

export const bucketSummarySchema = bucketSchema.extend({ models: z.number().int() }).meta({ id: "LeaderboardBucketSummary" });
export type BucketSummaryDto = z.infer<typeof bucketSummarySchema>;
export const bucketPageSchema = pageOf(bucketSummarySchema, "LeaderboardBucketPage");

export const refreshResultSchema = z
  .object({
    updated_at: z.iso.datetime(),
    trigger: z.enum(["schedule", "manual", "startup"]),
    entries: z.number().int(),
    buckets: z.number().int(),
    duration_ms: z.number().int(),
  })
  .meta({ id: "LeaderboardRefresh" });

export type RefreshResultDto = z.infer<typeof refreshResultSchema>;
