// The ranking rules, as a pure function: best result per model within one bucket, ordered by the
// metric's direction, ties broken by the earlier result. The refresh does the same in SQL
// (lib/leaderboard/refresh.ts); the integration tests check the two agree.
import { bucketKey, type Bucket } from "./bucket";
import { costPerMillionTokens, directionOf, perGpu, type LeaderboardMetric } from "./metrics";

export interface RankableResult extends Bucket {
  /** Submission order: the earlier result wins a tie. */
  seq: number;
  benchmark_id: string;
  model_id: string;
  output_throughput_tps: number;
  request_throughput_rps: number | null;
  ttft_p50_ms: number | null;
  ttft_p99_ms: number | null;
  tpot_p50_ms: number | null;
  itl_p50_ms: number | null;
  e2e_latency_p99_ms: number | null;
}

export interface HardwareFacts {
  gpu_count: number;
  hourly_price_usd: number | null;
}

export interface RankedEntry {
  rank: number;
  model_id: string;
  benchmark_id: string;
  seq: number;
  value: number;
  per_gpu: number;
  cost_per_million_tokens: number | null;
}

/** The value a result scores on a metric, or null when it did not measure it. */
export function metricValue(result: RankableResult, metric: LeaderboardMetric, hardware: HardwareFacts): number | null {
  switch (metric) {
    case "output_throughput_per_gpu":
      return perGpu(result.output_throughput_tps, hardware.gpu_count);
    case "cost_per_million_tokens":
      return costPerMillionTokens(hardware.hourly_price_usd, result.output_throughput_tps);
    default:
      return result[metric];
  }
}

/** Ranks the results of one bucket; results from any other bucket are a programming error. */
export function rankBucket(bucket: Bucket, results: RankableResult[], metric: LeaderboardMetric, hardware: HardwareFacts): RankedEntry[] {
  const key = bucketKey(bucket);
  const foreign = results.find((result) => bucketKey(result) !== key);
  if (foreign) throw new Error(`Result ${foreign.benchmark_id} is not in bucket ${key}: buckets are never mixed`);

  const sign = directionOf(metric) === "desc" ? -1 : 1;
  // Negative when a is better: by value in the metric's direction, then the earlier result.
  const better = (a: { value: number; seq: number }, b: { value: number; seq: number }) =>
    a.value === b.value ? a.seq - b.seq : sign * (a.value - b.value);

  const bestPerModel = new Map<string, { result: RankableResult; value: number; seq: number }>();
  for (const result of results) {
    const value = metricValue(result, metric, hardware);
    if (value === null || !Number.isFinite(value)) continue;
    const candidate = { result, value, seq: result.seq };
    const current = bestPerModel.get(result.model_id);
    if (!current || better(candidate, current) < 0) bestPerModel.set(result.model_id, candidate);
  }
  return [...bestPerModel.values()].sort(better).map(({ result, value }, index) => ({
    rank: index + 1,
    model_id: result.model_id,
    benchmark_id: result.benchmark_id,
    seq: result.seq,
    value,
    per_gpu: perGpu(result.output_throughput_tps, hardware.gpu_count),
    cost_per_million_tokens: costPerMillionTokens(hardware.hourly_price_usd, result.output_throughput_tps),
  }));
}

/** The ranking of one bucket out of results from many: the others are left out, never mixed in. */
export function rankWithin(bucket: Bucket, results: RankableResult[], metric: LeaderboardMetric, hardware: HardwareFacts): RankedEntry[] {
  const key = bucketKey(bucket);
  return rankBucket(bucket, results.filter((result) => bucketKey(result) === key), metric, hardware);
}
