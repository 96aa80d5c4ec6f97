import { describe, expect, it } from "vitest";
import type { Bucket } from "./bucket";
import { costPerMillionTokens, directionOf, leaderboardMetrics, perGpu } from "./metrics";
import { rankBucket, rankWithin, type RankableResult } from "./ranking";

const bucket: Bucket = { hardware_profile: "h100-80gb-x2", precision: "bf16", input_tokens: 1024, output_tokens: 256, concurrency: 16 };
const hardware = { gpu_count: 2, hourly_price_usd: 7.2 };
let seq = 0;
const result = (model: string, overrides: Partial<RankableResult> = {}): RankableResult => ({
  ...bucket,
  seq: ++seq,
  benchmark_id: `b${seq}`,
  model_id: model,
  output_throughput_tps: 1000,
  request_throughput_rps: 4,
  ttft_p50_ms: 100,
  ttft_p99_ms: 300,
  tpot_p50_ms: 20,
  itl_p50_ms: 19,
  e2e_latency_p99_ms: 6000,
  ...overrides,
});

describe("direction per metric", () => {
  it("ranks throughput high first and latency and cost low first", () => {
    expect(leaderboardMetrics.filter((m) => directionOf(m) === "desc")).toEqual(["output_throughput_tps", "output_throughput_per_gpu", "request_throughput_rps"]);
    const fast = result("fast", { output_throughput_tps: 2000, ttft_p50_ms: 300 });
    const slow = result("slow", { output_throughput_tps: 500, ttft_p50_ms: 50 });
    expect(rankBucket(bucket, [slow, fast], "output_throughput_tps", hardware).map((e) => e.model_id)).toEqual(["fast", "slow"]);
    expect(rankBucket(bucket, [fast, slow], "ttft_p50_ms", hardware).map((e) => e.model_id)).toEqual(["slow", "fast"]);
    // The cheaper model per token is the one with more throughput on the same machine.
    expect(rankBucket(bucket, [slow, fast], "cost_per_million_tokens", hardware).map((e) => e.model_id)).toEqual(["fast", "slow"]);
  });
});

describe("best result per model", () => {
  it("keeps one entry per model: its best run for the chosen metric", () => {
    const a1 = result("a", { output_throughput_tps: 900, ttft_p50_ms: 80 });
    const a2 = result("a", { output_throughput_tps: 1500, ttft_p50_ms: 120 });
    const b1 = result("b", { output_throughput_tps: 1200, ttft_p50_ms: 90 });
    const byThroughput = rankBucket(bucket, [a1, a2, b1], "output_throughput_tps", hardware);
    expect(byThroughput.map((e) => [e.rank, e.model_id, e.benchmark_id, e.value])).toEqual([[1, "a", a2.benchmark_id, 1500], [2, "b", b1.benchmark_id, 1200]]);
    const byTtft = rankBucket(bucket, [a1, a2, b1], "ttft_p50_ms", hardware);
    expect(byTtft.map((e) => [e.rank, e.model_id, e.benchmark_id, e.value])).toEqual([[1, "a", a1.benchmark_id, 80], [2, "b", b1.benchmark_id, 90]]);
  });

  it("leaves out results that did not measure the metric", () => {
    const measured = result("a", { tpot_p50_ms: 12 });
    const unmeasured = result("b", { tpot_p50_ms: null });
    expect(rankBucket(bucket, [measured, unmeasured], "tpot_p50_ms", hardware).map((e) => e.model_id)).toEqual(["a"]);
  });
});

describe("ties", () => {
  it("go to the earlier result, whatever the input order, both between models and within one", () => {
    const first = result("late-name-z", { output_throughput_tps: 1000 });
    const second = result("early-name-a", { output_throughput_tps: 1000 });
    const third = result("late-name-z", { output_throughput_tps: 1000 });
    for (const order of [[first, second, third], [third, second, first], [second, third, first]]) {
      const ranked = rankBucket(bucket, order, "output_throughput_tps", hardware);
      expect(ranked.map((e) => [e.rank, e.model_id, e.benchmark_id])).toEqual([[1, "late-name-z", first.benchmark_id], [2, "early-name-a", second.benchmark_id]]);
    }
  });
});

describe("buckets are never mixed", () => {
  it("refuses a result from another bucket, and rankWithin leaves other buckets out", () => {
    const here = result("a", { output_throughput_tps: 100 });
    const otherConcurrency = result("b", { concurrency: 64, output_throughput_tps: 9000 });
    const otherPrecision = result("c", { precision: "fp8", output_throughput_tps: 9000 });
    expect(() => rankBucket(bucket, [here, otherConcurrency], "output_throughput_tps", hardware)).toThrow(/never mixed/);
    expect(rankWithin(bucket, [here, otherConcurrency, otherPrecision], "output_throughput_tps", hardware).map((e) => e.model_id)).toEqual(["a"]);
  });
});

describe("per-GPU and cost arithmetic", () => {
  it("divides throughput by the GPU count and prices a million output tokens", () => {
    expect(perGpu(1800, 2)).toBe(900);
    // 7.20 USD/h on 2000 tokens/s: 0.002 USD/s / 2000 tokens/s x 1e6 = 1.00 USD per million.
    expect(costPerMillionTokens(7.2, 2000)).toBeCloseTo(1, 12);
    expect(costPerMillionTokens(2.99, 600)).toBeCloseTo((2.99 / 3600 / 600) * 1e6, 12);
    expect(costPerMillionTokens(null, 600)).toBeNull();
    expect(costPerMillionTokens(2.99, 0)).toBeNull();
    const [entry] = rankBucket(bucket, [result("a", { output_throughput_tps: 2000 })], "output_throughput_per_gpu", hardware);
    expect(entry).toMatchObject({ value: 1000, per_gpu: 1000 });
    expect(entry.cost_per_million_tokens).toBeCloseTo(1, 12);
  });
});
