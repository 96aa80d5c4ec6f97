// The rules a set of benchmark metrics must satisfy beyond their types: percentiles in order,
// rates not negative, totals not below their parts. Pure, so the API, the importers and the
// runner all apply the same rules (the zod schema calls this; tests call it directly).

export interface Distribution {
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
}

export const distributionNames = ["ttft_ms", "tpot_ms", "itl_ms", "e2e_latency_ms"] as const;
export type DistributionName = (typeof distributionNames)[number];

export interface BenchmarkMetrics {
  ttft_ms: Distribution | null;
  tpot_ms: Distribution | null;
  itl_ms: Distribution | null;
  e2e_latency_ms: Distribution | null;
  output_throughput_tps: number;
  total_throughput_tps: number | null;
  request_throughput_rps: number | null;
  error_rate: number | null;
  completed_requests: number | null;
  duration_s: number | null;
}

export const percentileKeys = ["p50", "p90", "p95", "p99"] as const;

/** Problems keyed by the field's path under `metrics`, e.g. {"ttft_ms.p99": ["..."]}. */
export type MetricProblems = Record<string, string[]>;

export function checkMetrics(metrics: BenchmarkMetrics): MetricProblems {
  const problems: MetricProblems = {};
  const add = (path: string, message: string) => (problems[path] ??= []).push(message);

  for (const name of distributionNames) {
    const distribution = metrics[name];
    if (!distribution) continue;
    for (const key of ["mean", ...percentileKeys] as const) {
      const value = distribution[key];
      if (value !== null && !(Number.isFinite(value) && value >= 0)) add(`${name}.${key}`, "Must be a finite number of milliseconds, not negative");
    }
    // Each percentile present must be at least every lower percentile present.
    let previous: { key: string; value: number } | null = null;
    for (const key of percentileKeys) {
      const value = distribution[key];
      if (value === null) continue;
      if (previous && value < previous.value) add(`${name}.${key}`, `${key} (${value}) is below ${previous.key} (${previous.value}): percentiles must not decrease`);
      previous = { key, value };
    }
  }

  const rates = ["output_throughput_tps", "total_throughput_tps", "request_throughput_rps", "duration_s"] as const;
  for (const key of rates) {
    const value = metrics[key];
    if (value !== null && !(Number.isFinite(value) && value >= 0)) add(key, "Must be a finite number, not negative");
  }
  if (metrics.error_rate !== null && !(metrics.error_rate >= 0 && metrics.error_rate <= 1)) {
    add("error_rate", "Must be a fraction between 0 and 1");
  }
  if (metrics.completed_requests !== null && !(Number.isInteger(metrics.completed_requests) && metrics.completed_requests >= 0)) {
    add("completed_requests", "Must be a whole number, not negative");
  }
  // Total throughput counts input and output tokens, so it cannot be below the output alone.
  if (metrics.total_throughput_tps !== null && metrics.total_throughput_tps < metrics.output_throughput_tps) {
    add("total_throughput_tps", `Total throughput (${metrics.total_throughput_tps}) is below output throughput (${metrics.output_throughput_tps})`);
  }
  return problems;
}

/** A distribution whose every field is null carries nothing: store it as null. */
export function emptyToNull(distribution: Distribution | null): Distribution | null {
  if (!distribution) return null;
  return Object.values(distribution).every((value) => value === null) ? null : distribution;
}
