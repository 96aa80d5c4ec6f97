// The metrics a leaderboard ranks by, which way is better for each, and how they are shown.
// Plain data with no server imports, so pages, charts and the API all read the same list.

export const leaderboardMetrics = [
  "output_throughput_tps",
  "output_throughput_per_gpu",
  "request_throughput_rps",
  "ttft_p50_ms",
  "ttft_p99_ms",
  "tpot_p50_ms",
  "itl_p50_ms",
  "e2e_latency_p99_ms",
  "cost_per_million_tokens",
] as const;

export type LeaderboardMetric = (typeof leaderboardMetrics)[number];
export type Direction = "asc" | "desc";

export interface MetricInfo {
  label: string;
  unit: string;
  /** desc: higher ranks first (throughput); asc: lower ranks first (latency, cost). */
  direction: Direction;
}

export const metricInfo: Record<LeaderboardMetric, MetricInfo> = {
  output_throughput_tps: { label: "Output throughput", unit: "tokens/s", direction: "desc" },
  output_throughput_per_gpu: { label: "Output throughput per GPU", unit: "tokens/s/GPU", direction: "desc" },
  request_throughput_rps: { label: "Request throughput", unit: "requests/s", direction: "desc" },
  ttft_p50_ms: { label: "TTFT p50", unit: "ms", direction: "asc" },
  ttft_p99_ms: { label: "TTFT p99", unit: "ms", direction: "asc" },
  tpot_p50_ms: { label: "TPOT p50", unit: "ms", direction: "asc" },
  itl_p50_ms: { label: "ITL p50", unit: "ms", direction: "asc" },
  e2e_latency_p99_ms: { label: "End-to-end latency p99", unit: "ms", direction: "asc" },
  cost_per_million_tokens: { label: "Cost per million output tokens", unit: "USD", direction: "asc" },
};

export const directionOf = (metric: LeaderboardMetric): Direction => metricInfo[metric].direction;

/** Per-GPU throughput: the whole machine's throughput shared out over its cards. */
export function perGpu(throughput: number, gpuCount: number): number {
  return throughput / gpuCount;
}

/**
 * What a million output tokens cost on a machine billed `hourlyPriceUsd`, producing
 * `outputTokensPerSecond`: price per second / tokens per second x 1e6. Null when the price is
 * unknown or nothing was produced (the cost would be infinite).
 */
export function costPerMillionTokens(hourlyPriceUsd: number | null, outputTokensPerSecond: number): number | null {
  if (hourlyPriceUsd === null || !(outputTokensPerSecond > 0)) return null;
  return (hourlyPriceUsd / 3600 / outputTokensPerSecond) * 1e6;
}
