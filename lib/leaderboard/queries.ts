// Reads of the precomputed leaderboard (the refresh that writes it is in refresh.ts). Column
// names come from fixed tables below, never from a request.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { Bucket } from "./bucket";
import type { LeaderboardMetric } from "./metrics";
import { currentGenerationSql } from "./refresh";

// The stored column each metric ranks by (the same name in benchmarks).
const rankColumns: Record<LeaderboardMetric, string> = {
  output_throughput_tps: "output_throughput_tps",
  output_throughput_per_gpu: "output_throughput_tps",
  cost_per_million_tokens: "output_throughput_tps",
  request_throughput_rps: "request_throughput_rps",
  ttft_p50_ms: "ttft_p50_ms",
  ttft_p99_ms: "ttft_p99_ms",
  tpot_p50_ms: "tpot_p50_ms",
  itl_p50_ms: "itl_p50_ms",
  e2e_latency_p99_ms: "e2e_p99_ms",
};

// Raw SQL on the read path: this is the leaderboard's hot query, and a raw statement costs a
// fraction of the query builder's for the same index lookups.
const lastRefreshSql = Prisma.sql`(SELECT max(finished_at) FROM leaderboard_refreshes)`;

/** The benchmark rows of an entry's bucket and model (the entry alias is e, the benchmark b). */
const sameBucketAndModel = Prisma.sql`b.hardware_profile_id = e.hardware_profile_id AND b.precision = e.precision
  AND b.input_tokens = e.input_tokens AND b.output_tokens = e.output_tokens AND b.concurrency = e.concurrency AND b.model_id = e.model_id`;

export interface EntryRow {
  modelId: string;
  modelName: string;
  benchmarkId: string;
  demo: boolean;
  /** The ranked result's own output throughput (for per-GPU and cost, whatever the metric). */
  runThroughput: number;
  /** The stored best value of the metric's column. */
  stored: number;
  gpuCount: number;
  price: number | null;
  total: bigint;
  /** When the leaderboard was last refreshed: read in the same statement, saving a round trip. */
  updatedAt: Date | null;
}

const currentGeneration = Prisma.raw(currentGenerationSql);

const bucketWhere = (bucket: Bucket, alias = "") => Prisma.sql`${Prisma.raw(alias)}generation = ${currentGeneration}
  AND ${Prisma.raw(alias)}hardware_profile_id = ${bucket.hardware_profile}
  AND ${Prisma.raw(alias)}precision = ${bucket.precision} AND ${Prisma.raw(alias)}input_tokens = ${bucket.input_tokens}
  AND ${Prisma.raw(alias)}output_tokens = ${bucket.output_tokens} AND ${Prisma.raw(alias)}concurrency = ${bucket.concurrency}`;

/**
 * One bucket's entries for a metric, best first. Each model's entry is the earliest of its
 * results in the bucket that holds its best value; a tie between models goes to the earlier too.
 */
export async function findEntries(bucket: Bucket, metric: LeaderboardMetric, direction: "asc" | "desc", limit: number): Promise<EntryRow[]> {
  const column = Prisma.raw(rankColumns[metric]);
  // Cost ranks like throughput, descending; it needs a price and some throughput to exist.
  const order = metric === "cost_per_million_tokens" ? Prisma.raw("DESC") : Prisma.raw(direction === "asc" ? "ASC" : "DESC");
  const costOnly = metric === "cost_per_million_tokens" ? Prisma.sql`AND e.output_throughput_tps > 0 AND h.hourly_price_usd IS NOT NULL` : Prisma.empty;
  // Per entry, its earliest result holding the best value: an index range of a dozen rows.
  return (await db()).$queryRaw<EntryRow[]>`
    SELECT e.model_id AS "modelId", m.name AS "modelName", b.id AS "benchmarkId", b.demo,
           b.output_throughput_tps AS "runThroughput", e.${column} AS "stored", h.gpu_count AS "gpuCount",
           h.hourly_price_usd AS "price", count(*) OVER () AS "total", ${lastRefreshSql} AS "updatedAt"
      FROM leaderboard_entries e
      JOIN hardware_profiles h ON h.id = e.hardware_profile_id
      JOIN models m ON m.id = e.model_id
      CROSS JOIN LATERAL (
        SELECT b.id, b.seq, b.demo, b.output_throughput_tps FROM benchmarks b
         WHERE ${sameBucketAndModel} AND b.${column} = e.${column}
         ORDER BY b.seq LIMIT 1) b
     WHERE ${bucketWhere(bucket, "e.")} AND e.${column} IS NOT NULL ${costOnly}
     ORDER BY e.${column} ${order}, b.seq ASC
     LIMIT ${limit}`;
}

export interface BucketRow {
  hardware_profile_id: string;
  precision: string;
  input_tokens: number;
  output_tokens: number;
  concurrency: number;
  models: number;
}

type BucketFilter = Partial<Bucket>;

function bucketFilter(filter: BucketFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.hardware_profile) conditions.push(Prisma.sql`hardware_profile_id = ${filter.hardware_profile}`);
  if (filter.precision) conditions.push(Prisma.sql`precision = ${filter.precision}`);
  if (filter.input_tokens) conditions.push(Prisma.sql`input_tokens = ${filter.input_tokens}`);
  if (filter.output_tokens) conditions.push(Prisma.sql`output_tokens = ${filter.output_tokens}`);
  if (filter.concurrency) conditions.push(Prisma.sql`concurrency = ${filter.concurrency}`);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/** The buckets the last refresh found, fullest first (ties in a fixed order). */
export async function findBuckets(filter: BucketFilter, skip: number, take: number): Promise<BucketRow[]> {
  return (await db()).$queryRaw<BucketRow[]>`
    SELECT hardware_profile_id, precision, input_tokens, output_tokens, concurrency, models
      FROM leaderboard_buckets ${bucketFilter(filter)}
     ORDER BY models DESC, hardware_profile_id, precision, input_tokens, output_tokens, concurrency
     LIMIT ${take} OFFSET ${skip}`;
}

export async function countBuckets(filter: BucketFilter): Promise<number> {
  const [row] = await (await db()).$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM leaderboard_buckets ${bucketFilter(filter)}`;
  return Number(row.total);
}

export async function findLastRefreshTime(): Promise<Date | null> {
  const [row] = await (await db()).$queryRaw<{ at: Date | null }[]>`SELECT ${lastRefreshSql} AS at`;
  return row?.at ?? null;
}

export interface PointRow {
  hardwareProfileId: string;
  concurrency: number;
  modelId: string;
  modelName: string;
  benchmarkId: string;
  demo: boolean;
  perGpu: number;
  ttftP50Ms: number | null;
  ttftP99Ms: number | null;
}

/** Each (model, bucket)'s highest-throughput result (the earlier on a tie) in one workload, on every hardware profile. */
export async function findTradeoffPoints(workload: Omit<Bucket, "hardware_profile" | "concurrency">, limit: number): Promise<PointRow[]> {
  return (await db()).$queryRaw<PointRow[]>`
    SELECT e.hardware_profile_id AS "hardwareProfileId", e.concurrency, e.model_id AS "modelId", m.name AS "modelName",
           b.id AS "benchmarkId", b.demo, b.output_throughput_tps / h.gpu_count AS "perGpu",
           b.ttft_p50_ms AS "ttftP50Ms", b.ttft_p99_ms AS "ttftP99Ms"
      FROM leaderboard_entries e
      JOIN models m ON m.id = e.model_id
      JOIN hardware_profiles h ON h.id = e.hardware_profile_id
      CROSS JOIN LATERAL (
        SELECT b.id, b.demo, b.output_throughput_tps, b.ttft_p50_ms, b.ttft_p99_ms FROM benchmarks b
         WHERE ${sameBucketAndModel} AND b.output_throughput_tps = e.output_throughput_tps
         ORDER BY b.seq LIMIT 1) b
     WHERE e.generation = ${currentGeneration}
       AND e.precision = ${workload.precision} AND e.input_tokens = ${workload.input_tokens} AND e.output_tokens = ${workload.output_tokens}
     ORDER BY "perGpu" DESC
     LIMIT ${limit}`;
}

export interface SharedEntryRow extends BucketRow {
  modelId: string;
  outputThroughputTps: number;
  ttftP50Ms: number | null;
  tpotP50Ms: number | null;
  e2eP99Ms: number | null;
  gpuCount: number;
  price: number | null;
}

/** The leaderboard entries of the given models in the buckets at least two of them share. */
export async function findSharedEntries(modelIds: string[]): Promise<SharedEntryRow[]> {
  return (await db()).$queryRaw<SharedEntryRow[]>`
    WITH shared AS (
      SELECT hardware_profile_id, precision, input_tokens, output_tokens, concurrency, count(*)::int AS models
        FROM leaderboard_entries WHERE generation = ${currentGeneration} AND model_id = ANY(${modelIds}::uuid[])
       GROUP BY hardware_profile_id, precision, input_tokens, output_tokens, concurrency
      HAVING count(*) >= 2)
    SELECT s.*, e.model_id AS "modelId", e.output_throughput_tps AS "outputThroughputTps", e.ttft_p50_ms AS "ttftP50Ms",
           e.tpot_p50_ms AS "tpotP50Ms", e.e2e_p99_ms AS "e2eP99Ms", h.gpu_count AS "gpuCount", h.hourly_price_usd AS "price"
      FROM shared s
      JOIN leaderboard_entries e USING (hardware_profile_id, precision, input_tokens, output_tokens, concurrency)
      JOIN hardware_profiles h ON h.id = s.hardware_profile_id
     WHERE e.generation = ${currentGeneration} AND e.model_id = ANY(${modelIds}::uuid[])
     ORDER BY s.models DESC, s.hardware_profile_id, s.precision, s.input_tokens, s.output_tokens, s.concurrency`;
}

/** True when there are results but no leaderboard built from them. */
export async function leaderboardIsMissing(): Promise<boolean> {
  const [row] = await (await db()).$queryRaw<{ missing: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM benchmarks) AND NOT EXISTS (SELECT 1 FROM leaderboard_buckets) AS missing`;
  return row.missing;
}
