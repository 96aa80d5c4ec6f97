// The leaderboard: served from the precomputed table, refreshed whole by the scheduled job or at
// once by an admin. A request that leaves part of its bucket out gets the fullest bucket that
// matches the rest, and is told which one that is.
import { audited, type WriteContext } from "@/lib/audit/service";
import { toPage } from "@/lib/http/pagination";
import type { Bucket } from "./bucket";
import { processWide } from "@/lib/process-wide";
import { AnswerCache } from "./cache";
import { costPerMillionTokens, directionOf, metricInfo, perGpu, type LeaderboardMetric } from "./metrics";
import {
  countBuckets, findBuckets, findEntries, findLastRefreshTime, findTradeoffPoints, leaderboardIsMissing,
  type BucketRow, type EntryRow, type PointRow,
} from "./queries";
import { rebuildLeaderboard, recordRefresh } from "./refresh";
import type { BucketSummaryDto, LeaderboardDto, LeaderboardQuery, ListBucketsQuery, RefreshResultDto } from "./schema";

export const toBucket = (row: BucketRow): Bucket => ({
  hardware_profile: row.hardware_profile_id,
  precision: row.precision,
  input_tokens: row.input_tokens,
  output_tokens: row.output_tokens,
  concurrency: row.concurrency,
});

function completeBucket(query: Partial<Bucket>): Bucket | null {
  const { hardware_profile, precision, input_tokens, output_tokens, concurrency } = query;
  if (hardware_profile && precision && input_tokens && output_tokens && concurrency) {
    return { hardware_profile, precision, input_tokens, output_tokens, concurrency };
  }
  return null;
}

/** The bucket a query names, or else the fullest one that matches what it does name. */
async function resolveBucket(query: Partial<Bucket>): Promise<Bucket | null> {
  const [fullest] = completeBucket(query) ? [] : await findBuckets(query, 0, 1);
  return completeBucket(query) ?? (fullest ? toBucket(fullest) : null);
}

export function entryValue(row: EntryRow, metric: LeaderboardMetric): number {
  if (metric === "output_throughput_per_gpu") return perGpu(row.stored, row.gpuCount);
  if (metric === "cost_per_million_tokens") return costPerMillionTokens(row.price, row.stored)!;
  return row.stored;
}

type Query = Pick<LeaderboardQuery, "metric" | "limit"> & Partial<Bucket>;

// Answers are reused: the table they come from changes only on a refresh. The API's are kept as
// JSON text too, since serialising them is most of what a request costs. One cache per process,
// so that a refresh clears it for every copy of this module (see lib/process-wide.ts).
type Answer = { dto: LeaderboardDto; json: string };
const cache = processWide("leaderboard answers", () => ({
  answers: new AnswerCache<Promise<Answer>>(10_000, 10 * 60_000, 2000),
  // Bumped by each refresh, so that a read begun before it cannot store an answer after it.
  generation: 0,
  revalidating: new Set<string>(),
}));

const buildAnswer = (query: Query): Promise<Answer> =>
  readLeaderboard(query).then((dto) => ({ dto, json: JSON.stringify(dto) }));

function cachedAnswer(query: Query): Promise<Answer> {
  const { answers, revalidating } = cache;
  const key = JSON.stringify([query.metric, query.limit, query.hardware_profile, query.precision, query.input_tokens, query.output_tokens, query.concurrency]);
  const cached = answers.lookup(key);
  if (!cached) {
    // Concurrent requests for the same answer share one read; a failed read is not kept.
    const answer = buildAnswer(query);
    answers.set(key, answer);
    answer.catch(() => answers.delete(key));
    return answer;
  }
  if (!cached.fresh && !revalidating.has(key)) {
    // Served once more while its replacement is read, which takes its place when ready.
    const started = cache.generation;
    revalidating.add(key);
    buildAnswer(query)
      .then((answer) => started === cache.generation && answers.set(key, Promise.resolve(answer)))
      .catch(() => undefined)
      .finally(() => revalidating.delete(key));
  }
  return cached.value;
}

function forgetAnswers(): void {
  cache.generation++;
  cache.answers.clear();
}

export async function getLeaderboard(query: Query): Promise<LeaderboardDto> {
  return (await cachedAnswer(query)).dto;
}

/** The same answer as getLeaderboard, as the JSON text the API sends. */
export async function getLeaderboardJson(query: Query): Promise<string> {
  return (await cachedAnswer(query)).json;
}

async function readLeaderboard(query: Query): Promise<LeaderboardDto> {
  const { metric } = query;
  const direction = directionOf(metric);
  const bucket = await resolveBucket(query);
  const rows = bucket ? await findEntries(bucket, metric, direction, query.limit) : [];
  const updatedAt = rows.length ? rows[0].updatedAt : await findLastRefreshTime();
  return {
    updated_at: updatedAt?.toISOString() ?? null,
    metric,
    direction,
    unit: metricInfo[metric].unit,
    bucket,
    total: rows.length ? Number(rows[0].total) : 0,
    entries: rows.map((row, index) => ({
      rank: index + 1,
      model: { id: row.modelId, name: row.modelName },
      hardware_profile: bucket!.hardware_profile,
      value: entryValue(row, metric),
      per_gpu: perGpu(row.runThroughput, row.gpuCount),
      cost_per_million_tokens: costPerMillionTokens(row.price, row.runThroughput),
      benchmark_id: row.benchmarkId,
      demo: row.demo,
    })),
  };
}

export async function listBuckets(query: ListBucketsQuery) {
  const skip = (query.page - 1) * query.page_size;
  const [rows, total] = await Promise.all([findBuckets(query, skip, query.page_size), countBuckets(query)]);
  const data: BucketSummaryDto[] = rows.map((row) => ({ ...toBucket(row), models: row.models }));
  return toPage(data, total, query.page, query.page_size);
}

/** Every bucket, for the portal's pickers. */
export async function listAllBuckets(): Promise<BucketSummaryDto[]> {
  return (await findBuckets({}, 0, 10_000)).map((row) => ({ ...toBucket(row), models: row.models }));
}

export async function getLeaderboardUpdatedAt(): Promise<string | null> {
  return (await findLastRefreshTime())?.toISOString() ?? null;
}

export type RefreshTrigger = RefreshResultDto["trigger"];

/** Rebuilds the leaderboard now; the rebuild and its audit record commit together. */
export async function refreshLeaderboard(trigger: RefreshTrigger, context: WriteContext): Promise<RefreshResultDto> {
  const startedAt = new Date();
  const result = await audited(
    context,
    async (tx) => {
      const { entries, buckets } = await rebuildLeaderboard(tx);
      const finishedAt = await recordRefresh(tx, { trigger, startedAt, entries, buckets });
      const result: RefreshResultDto = {
        updated_at: finishedAt.toISOString(),
        trigger,
        entries,
        buckets,
        duration_ms: finishedAt.getTime() - startedAt.getTime(),
      };
      return { result, action: "leaderboard.refreshed", resourceType: "leaderboard", resourceId: null, after: { ...result } };
    },
    // A million results take seconds to aggregate, longer on the embedded database.
    { timeout: 10 * 60_000 },
  );
  forgetAnswers();
  return result;
}

/**
 * At start-up: a leaderboard never refreshed, emptied (by a migration), or with new rows to show
 * (`stale`) is built at once rather than at the next tick.
 */
export async function refreshAtStartup(context: WriteContext, stale = false): Promise<RefreshResultDto | null> {
  const [refreshedAt, missing] = await Promise.all([findLastRefreshTime(), leaderboardIsMissing()]);
  if (!stale && refreshedAt && !missing) return null;
  return refreshLeaderboard("startup", context);
}

export type TradeoffPoint = PointRow;

export async function getTradeoffPoints(workload: Omit<Bucket, "hardware_profile" | "concurrency">, limit = 2000): Promise<PointRow[]> {
  return findTradeoffPoints(workload, limit);
}
