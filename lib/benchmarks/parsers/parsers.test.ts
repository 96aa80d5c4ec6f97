// Each parser on files shaped exactly as its tool writes them (tests/fixtures/benchmarks).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkMetrics } from "../validation";
import { parseResultFile, supportedFormats } from "./detect";
import { ResultFormatError } from "./result";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(process.cwd(), "tests/fixtures/benchmarks", name), "utf8"));

describe("vLLM bench serve", () => {
  it("keeps milliseconds, maps median/pNN to the distribution and reads the workload", () => {
    const parsed = parseResultFile(fixture("vllm-bench-serve.json"));
    expect(parsed.tool).toBe("vllm");
    expect(parsed.metrics.ttft_ms).toEqual({ mean: 312.4518233, p50: 298.1004512, p90: 410.7233101, p95: 455.3120994, p99: 540.907712 });
    expect(parsed.metrics.e2e_latency_ms?.p99).toBe(6890.0187665);
    expect(parsed.metrics.output_throughput_tps).toBeCloseTo(51200 / 85.31240762397647, 9);
    expect(parsed.metrics.total_throughput_tps).toBeCloseTo(256000 / 85.31240762397647, 9);
    expect(parsed.metrics.request_throughput_rps).toBeCloseTo(200 / 85.31240762397647, 9);
    expect(parsed.metrics.error_rate).toBe(0);
    expect(parsed.metrics.completed_requests).toBe(200);
    expect(parsed.configuration).toEqual({ engine: "vllm", input_tokens: 1024, output_tokens: 256, concurrency: 16 });
    expect(checkMetrics(parsed.metrics)).toEqual({});
  });

  it("takes p50 from the median when only p99 was asked for, and leaves the rest empty", () => {
    const parsed = parseResultFile(fixture("vllm-bench-serve-default-percentiles.json"));
    expect(parsed.metrics.ttft_ms).toEqual({ mean: 61.20113, p50: 58.90021, p90: null, p95: null, p99: 88.41007 });
    expect(parsed.metrics.e2e_latency_ms).toBeNull();
    // No `failed` key in that release: the error rate is unknown rather than zero.
    expect(parsed.metrics.error_rate).toBeNull();
    expect(parsed.configuration.concurrency).toBe(4);
  });

  it("refuses a vLLM file without output throughput, naming the tool", () => {
    const file = fixture("vllm-bench-serve.json");
    delete file.output_throughput;
    expect(() => parseResultFile(file)).toThrow(/vLLM result has no output_throughput/);
  });
});

describe("LLMPerf summary", () => {
  it("converts seconds to milliseconds and per-minute to per-second", () => {
    const parsed = parseResultFile(fixture("llmperf-summary.json"));
    expect(parsed.tool).toBe("llmperf");
    expect(parsed.metrics.ttft_ms?.p50).toBeCloseTo(93.2, 9);
    expect(parsed.metrics.ttft_ms?.mean).toBeCloseTo(98.7, 9);
    expect(parsed.metrics.itl_ms?.p99).toBeCloseTo(14.02, 9);
    expect(parsed.metrics.e2e_latency_ms?.p99).toBeCloseTo(2201.8, 9);
    expect(parsed.metrics.tpot_ms).toBeNull();
    expect(parsed.metrics.output_throughput_tps).toBe(598.2719);
    expect(parsed.metrics.request_throughput_rps).toBeCloseTo(238.6103 / 60, 9);
    expect(parsed.metrics.error_rate).toBe(0.0125);
    expect(parsed.metrics.completed_requests).toBe(237);
    expect(parsed.configuration).toEqual({ input_tokens: 550, output_tokens: 150, concurrency: 8 });
    expect(checkMetrics(parsed.metrics)).toEqual({});
  });
});

describe("GenAI-Perf profile export", () => {
  it("reads each metric in its stated unit, and its ITL (a per-request mean gap) as TPOT", () => {
    const parsed = parseResultFile(fixture("genai-perf-profile-export.json"));
    expect(parsed.tool).toBe("genai_perf");
    expect(parsed.metrics.ttft_ms).toEqual({ mean: 142.8810442, p50: 131.9034, p90: 221.0043, p95: 250.9911, p99: 320.4417 });
    expect(parsed.metrics.tpot_ms?.p50).toBe(9.1611);
    expect(parsed.metrics.itl_ms).toBeNull();
    expect(parsed.metrics.e2e_latency_ms?.mean).toBe(2493.2210031);
    expect(parsed.metrics.output_throughput_tps).toBe(819.7496378);
    expect(parsed.metrics.request_throughput_rps).toBe(3.2021470226519753);
    // An OpenAI endpoint does not say which engine served it.
    expect(parsed.configuration).toEqual({ input_tokens: 550, output_tokens: 256, concurrency: 8 });
    expect(checkMetrics(parsed.metrics)).toEqual({});
  });

  it("converts seconds and nanoseconds by the unit field, and older 'request per sec' rates", () => {
    const file = fixture("genai-perf-profile-export.json");
    file.time_to_first_token = { unit: "s", avg: 0.25, p50: 0.2, p99: 0.5 };
    file.request_latency = { unit: "ns", avg: 2_000_000_000, p50: 1_900_000_000 };
    file.request_throughput = { unit: "request per sec", avg: "12.5" };
    const parsed = parseResultFile(file);
    expect(parsed.metrics.ttft_ms).toEqual({ mean: 250, p50: 200, p90: null, p95: null, p99: 500 });
    expect(parsed.metrics.e2e_latency_ms).toEqual({ mean: 2000, p50: 1900, p90: null, p95: null, p99: null });
    expect(parsed.metrics.request_throughput_rps).toBe(12.5);
  });

  it("names a Triton backend as the engine and falls back to measured lengths", () => {
    const file = fixture("genai-perf-profile-export.json");
    file.input_config = { service_kind: "triton", backend: "tensorrtllm", concurrency: 64, output_tokens_mean: -1 };
    expect(parseResultFile(file).configuration).toEqual({ engine: "trt-llm", input_tokens: 550, output_tokens: 256, concurrency: 64 });
  });

  it("refuses a latency in a unit that is not time", () => {
    const file = fixture("genai-perf-profile-export.json");
    file.request_latency = { unit: "tokens", avg: 3 };
    expect(() => parseResultFile(file)).toThrow(/not a time unit/);
  });
});

describe("detection", () => {
  it("refuses what is none of the three, saying which formats it takes", () => {
    for (const file of [fixture("not-a-result.json"), { hello: "world" }, null, "text", 42]) {
      expect(() => parseResultFile(file)).toThrow(ResultFormatError);
    }
    expect(() => parseResultFile({ hello: "world" })).toThrow(supportedFormats);
  });
});
