// LLMPerf (ray-project/llmperf token_benchmark_ray.py) summary files: a flattened dict whose
// latencies are in seconds, e.g. results_ttft_s_quantiles_p50, results_end_to_end_latency_s_mean.
import { emptyToNull, type Distribution } from "../validation";
import { numberAt, positiveWhole, type JsonObject } from "./read";
import { definedOnly, ResultFormatError, type ParsedResult } from "./result";
import { secondsToMs } from "./units";

export function looksLikeLlmperf(file: JsonObject): boolean {
  return Object.keys(file).some((key) => key.startsWith("results_ttft_s_") || key === "results_mean_output_throughput_token_per_s");
}

function distribution(file: JsonObject, metric: string): Distribution | null {
  const seconds = (key: string) => {
    const value = numberAt(file, `results_${metric}_s_${key}`);
    return value === null ? null : secondsToMs(value);
  };
  return emptyToNull({
    mean: seconds("mean"),
    p50: seconds("quantiles_p50"),
    p90: seconds("quantiles_p90"),
    p95: seconds("quantiles_p95"),
    p99: seconds("quantiles_p99"),
  });
}

export function parseLlmperf(file: JsonObject): ParsedResult {
  const outputThroughput = numberAt(file, "results_mean_output_throughput_token_per_s");
  if (outputThroughput === null) {
    throw new ResultFormatError("This LLMPerf summary has no results_mean_output_throughput_token_per_s", "llmperf");
  }
  const perMinute = numberAt(file, "results_num_completed_requests_per_min");
  return {
    tool: "llmperf",
    metrics: {
      ttft_ms: distribution(file, "ttft"),
      // LLMPerf reports no time per output token distribution.
      tpot_ms: null,
      // Its inter-token latency is each request's mean gap between tokens, summarised over requests.
      itl_ms: distribution(file, "inter_token_latency"),
      e2e_latency_ms: distribution(file, "end_to_end_latency"),
      output_throughput_tps: outputThroughput,
      total_throughput_tps: null,
      request_throughput_rps: perMinute === null ? null : perMinute / 60,
      error_rate: numberAt(file, "results_error_rate"),
      completed_requests: numberAt(file, "results_num_completed_requests"),
      duration_s: null,
    },
    configuration: definedOnly({
      input_tokens: positiveWhole(numberAt(file, "mean_input_tokens")),
      output_tokens: positiveWhole(numberAt(file, "mean_output_tokens")),
      concurrency: positiveWhole(numberAt(file, "num_concurrent_requests")),
    }),
  };
}
