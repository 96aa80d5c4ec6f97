// NVIDIA GenAI-Perf profile exports (profile_export_genai_perf.json): one object per metric,
// {unit, avg, min, max, p99, p95, p90, p75, p50, p25, std}, plus the run's `input_config`.
import { emptyToNull, type Distribution } from "../validation";
import { firstNumber, isObject, numberAt, positiveWhole, type JsonObject } from "./read";
import { definedOnly, ResultFormatError, type ParsedResult } from "./result";
import { durationToMs, rateToPerSecond } from "./units";

const latencyMetrics = ["time_to_first_token", "inter_token_latency", "request_latency"];

export function looksLikeGenaiPerf(file: JsonObject): boolean {
  return latencyMetrics.some((name) => isObject(file[name]) && "unit" in file[name]) && isObject(file.output_token_throughput);
}

function distribution(file: JsonObject, name: string): Distribution | null {
  const stats = file[name];
  if (!isObject(stats)) return null;
  const unit = typeof stats.unit === "string" ? stats.unit : "ms";
  const ms = (key: string) => {
    const value = numberAt(stats, key);
    if (value === null) return null;
    const converted = durationToMs(value, unit);
    if (converted === null) throw new ResultFormatError(`GenAI-Perf ${name} has unit "${unit}", which is not a time unit`, "genai_perf");
    return converted;
  };
  return emptyToNull({ mean: ms("avg"), p50: ms("p50"), p90: ms("p90"), p95: ms("p95"), p99: ms("p99") });
}

function rate(file: JsonObject, name: string): number | null {
  const stats = file[name];
  if (!isObject(stats)) return null;
  const value = numberAt(stats, "avg");
  if (value === null) return null;
  return typeof stats.unit === "string" ? rateToPerSecond(value, stats.unit) : value;
}

// input_config is flat in older releases (concurrency, synthetic_input_tokens_mean) and nested in
// newer ones (perf_analyzer.stimulus.concurrency, input.synthetic_tokens.mean); the measured
// lengths were num_input_token / num_output_token before they became *_sequence_length.
const firstPositive = (...values: (number | null)[]) => values.map(positiveWhole).find((value) => value !== null) ?? null;

function workload(file: JsonObject) {
  const config = isObject(file.input_config) ? file.input_config : {};
  const mean = (name: string) => (isObject(file[name]) ? numberAt(file[name], "avg") : null);
  const serviceKind = typeof config.service_kind === "string" ? config.service_kind : null;
  const backend = typeof config.backend === "string" ? config.backend : null;
  return definedOnly({
    // Only Triton runs name the serving backend (tensorrtllm, vllm); OpenAI endpoints do not.
    engine: serviceKind === "triton" && backend ? (backend === "tensorrtllm" ? "trt-llm" : backend) : undefined,
    // output_tokens_mean is -1 when not requested: then the measured length is what we have.
    input_tokens: firstPositive(firstNumber(config, ["synthetic_input_tokens_mean", "input.synthetic_tokens.mean"]), mean("input_sequence_length"), mean("num_input_token")),
    output_tokens: firstPositive(firstNumber(config, ["output_tokens_mean", "input.output_tokens.mean"]), mean("output_sequence_length"), mean("num_output_token")),
    concurrency: firstPositive(firstNumber(config, ["concurrency", "perf_analyzer.stimulus.concurrency"])),
  });
}

export function parseGenaiPerf(file: JsonObject): ParsedResult {
  const outputThroughput = rate(file, "output_token_throughput");
  if (outputThroughput === null) {
    throw new ResultFormatError("This GenAI-Perf export has no output_token_throughput.avg in tokens per second", "genai_perf");
  }
  const completed = isObject(file.request_count) ? numberAt(file.request_count, "avg") : null;
  const errors = isObject(file.error_request_count) ? numberAt(file.error_request_count, "avg") : null;
  return {
    tool: "genai_perf",
    metrics: {
      ttft_ms: distribution(file, "time_to_first_token"),
      // GenAI-Perf defines its inter_token_latency as (request latency - TTFT) / (output tokens - 1)
      // per request: that is TPOT. The gaps between streamed chunks are inter_chunk_latency.
      tpot_ms: distribution(file, "inter_token_latency"),
      itl_ms: distribution(file, "inter_chunk_latency"),
      e2e_latency_ms: distribution(file, "request_latency"),
      output_throughput_tps: outputThroughput,
      total_throughput_tps: null,
      request_throughput_rps: rate(file, "request_throughput"),
      error_rate: completed !== null && errors !== null && completed + errors > 0 ? errors / (completed + errors) : null,
      completed_requests: completed === null ? null : Math.round(completed),
      duration_s: null,
    },
    configuration: workload(file),
  };
}
