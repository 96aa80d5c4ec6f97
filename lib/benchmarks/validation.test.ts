import { describe, expect, it } from "vitest";
import { checkMetrics, emptyToNull, type BenchmarkMetrics, type Distribution } from "./validation";

const dist = (p50: number, p90: number, p95: number, p99: number, mean = p50): Distribution => ({ mean, p50, p90, p95, p99 });

const valid: BenchmarkMetrics = {
  ttft_ms: dist(40, 60, 70, 90),
  tpot_ms: dist(10, 12, 13, 15),
  itl_ms: null,
  e2e_latency_ms: dist(1000, 1200, 1300, 1500),
  output_throughput_tps: 1200,
  total_throughput_tps: 3000,
  request_throughput_rps: 4.5,
  error_rate: 0,
  completed_requests: 100,
  duration_s: 22.2,
};

describe("checkMetrics", () => {
  it("accepts ordered percentiles and non-negative rates", () => {
    expect(checkMetrics(valid)).toEqual({});
  });

  it("names the percentile that falls below a lower one", () => {
    const problems = checkMetrics({ ...valid, ttft_ms: dist(40, 30, 70, 90) });
    expect(Object.keys(problems)).toEqual(["ttft_ms.p90"]);
    expect(problems["ttft_ms.p90"][0]).toMatch(/p90 \(30\) is below p50 \(40\)/);
  });

  it("compares a percentile with the nearest lower one present when some are missing", () => {
    const problems = checkMetrics({ ...valid, e2e_latency_ms: { mean: 10, p50: 50, p90: null, p95: null, p99: 45 } });
    expect(problems["e2e_latency_ms.p99"][0]).toMatch(/below p50/);
    expect(checkMetrics({ ...valid, e2e_latency_ms: { mean: 10, p50: 50, p90: null, p95: null, p99: 55 } })).toEqual({});
  });

  it("refuses negative rates, negative latencies and error rates outside 0..1", () => {
    const problems = checkMetrics({
      ...valid,
      output_throughput_tps: -1,
      request_throughput_rps: -0.5,
      error_rate: 1.5,
      tpot_ms: { ...dist(10, 12, 13, 15), mean: -2 },
      total_throughput_tps: null,
    });
    expect(Object.keys(problems).sort()).toEqual(["error_rate", "output_throughput_tps", "request_throughput_rps", "tpot_ms.mean"]);
  });

  it("refuses a total throughput below the output throughput", () => {
    expect(Object.keys(checkMetrics({ ...valid, total_throughput_tps: 100 }))).toEqual(["total_throughput_tps"]);
  });

  it("refuses non-finite numbers", () => {
    expect(Object.keys(checkMetrics({ ...valid, duration_s: Number.POSITIVE_INFINITY }))).toEqual(["duration_s"]);
  });
});

describe("emptyToNull", () => {
  it("turns an all-null distribution into null and keeps a partial one", () => {
    expect(emptyToNull({ mean: null, p50: null, p90: null, p95: null, p99: null })).toBeNull();
    expect(emptyToNull({ mean: 1, p50: null, p90: null, p95: null, p99: null })).toEqual({ mean: 1, p50: null, p90: null, p95: null, p99: null });
  });
});
