// Between the API's nested metrics and the table's flat columns, both ways.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BenchmarkMetrics, Distribution, DistributionName } from "./validation";

// The column prefix of each distribution: ttft_ms -> ttftMeanMs, ttftP50Ms, ...
const prefixes: Record<DistributionName, string> = { ttft_ms: "ttft", tpot_ms: "tpot", itl_ms: "itl", e2e_latency_ms: "e2e" };
const stats = { mean: "Mean", p50: "P50", p90: "P90", p95: "P95", p99: "P99" } as const;

export type MetricColumns = Pick<
  Prisma.BenchmarkUncheckedCreateInput,
  | "ttftMeanMs" | "ttftP50Ms" | "ttftP90Ms" | "ttftP95Ms" | "ttftP99Ms"
  | "tpotMeanMs" | "tpotP50Ms" | "tpotP90Ms" | "tpotP95Ms" | "tpotP99Ms"
  | "itlMeanMs" | "itlP50Ms" | "itlP90Ms" | "itlP95Ms" | "itlP99Ms"
  | "e2eMeanMs" | "e2eP50Ms" | "e2eP90Ms" | "e2eP95Ms" | "e2eP99Ms"
  | "outputThroughputTps" | "totalThroughputTps" | "requestThroughputRps" | "errorRate" | "completedRequests" | "durationS"
>;

type Stored = { [K in keyof MetricColumns]-?: Exclude<MetricColumns[K], undefined> };

export function metricsToColumns(metrics: BenchmarkMetrics): MetricColumns {
  const columns: Record<string, number | null> = {};
  for (const [name, prefix] of Object.entries(prefixes) as [DistributionName, string][]) {
    for (const [key, suffix] of Object.entries(stats) as [keyof Distribution, string][]) {
      columns[`${prefix}${suffix}Ms`] = metrics[name]?.[key] ?? null;
    }
  }
  return {
    ...(columns as Omit<MetricColumns, "outputThroughputTps">),
    outputThroughputTps: metrics.output_throughput_tps,
    totalThroughputTps: metrics.total_throughput_tps,
    requestThroughputRps: metrics.request_throughput_rps,
    errorRate: metrics.error_rate,
    completedRequests: metrics.completed_requests,
    durationS: metrics.duration_s,
  };
}

export function columnsToMetrics(row: Stored): BenchmarkMetrics {
  const record = row as unknown as Record<string, number | null>;
  const distribution = (prefix: string): Distribution | null => {
    const values = Object.fromEntries(Object.entries(stats).map(([key, suffix]) => [key, record[`${prefix}${suffix}Ms`] ?? null])) as unknown as Distribution;
    return Object.values(values).every((value) => value === null) ? null : values;
  };
  return {
    ttft_ms: distribution("ttft"),
    tpot_ms: distribution("tpot"),
    itl_ms: distribution("itl"),
    e2e_latency_ms: distribution("e2e"),
    output_throughput_tps: row.outputThroughputTps,
    total_throughput_tps: row.totalThroughputTps,
    request_throughput_rps: row.requestThroughputRps,
    error_rate: row.errorRate,
    completed_requests: row.completedRequests,
    duration_s: row.durationS,
  };
}
