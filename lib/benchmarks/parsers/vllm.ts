// vLLM `bench serve` (and benchmarks/benchmark_serving.py) result files, as written with
// --save-result: latencies already in milliseconds as {mean,median,std,pNN}_{ttft,tpot,itl,e2el}_ms.
import { emptyToNull, type Distribution } from "../validation";
import { numberAt, positiveWhole, type JsonObject } from "./read";
import { definedOnly, ResultFormatError, type ParsedResult } from "./result";

const signature = ["duration", "completed", "total_output_tokens", "request_throughput", "output_throughput"];

export function looksLikeVllm(file: JsonObject): boolean {
  const matched = signature.filter((key) => key in file).length;
  return matched >= 3 && Object.keys(file).some((key) => /^(mean|median|p[\d.]+)_(ttft|tpot|itl|e2el)_ms$/.test(key));
}

function distribution(file: JsonObject, metric: "ttft" | "tpot" | "itl" | "e2el"): Distribution | null {
  const at = (stat: string) => numberAt(file, `${stat}_${metric}_ms`);
  return emptyToNull({ mean: at("mean"), p50: at("p50") ?? at("median"), p90: at("p90"), p95: at("p95"), p99: at("p99") });
}

export function parseVllm(file: JsonObject): ParsedResult {
  const outputThroughput = numberAt(file, "output_throughput");
  if (outputThroughput === null) {
    throw new ResultFormatError("This vLLM result has no output_throughput: was it run without a tokenizer?", "vllm");
  }
  const completed = numberAt(file, "completed");
  const failed = numberAt(file, "failed");
  const perRequest = (total: number | null) => (total !== null && completed ? total / completed : null);
  const engineVersion = typeof file.vllm_version === "string" ? file.vllm_version : undefined;
  return {
    tool: "vllm",
    metrics: {
      ttft_ms: distribution(file, "ttft"),
      tpot_ms: distribution(file, "tpot"),
      itl_ms: distribution(file, "itl"),
      e2e_latency_ms: distribution(file, "e2el"),
      output_throughput_tps: outputThroughput,
      total_throughput_tps: numberAt(file, "total_token_throughput"),
      request_throughput_rps: numberAt(file, "request_throughput"),
      // Older releases do not write `failed`; then the error rate is unknown, not zero.
      error_rate: completed !== null && failed !== null && completed + failed > 0 ? failed / (completed + failed) : null,
      completed_requests: completed,
      duration_s: numberAt(file, "duration"),
    },
    configuration: definedOnly({
      // `backend` names the client protocol (openai-chat, vllm, ...), not the server, so the engine
      // is vLLM only by the tool's default; a request's configuration can say otherwise.
      engine: "vllm",
      engine_version: engineVersion,
      input_tokens: positiveWhole(perRequest(numberAt(file, "total_input_tokens"))),
      output_tokens: positiveWhole(perRequest(numberAt(file, "total_output_tokens"))),
      concurrency: positiveWhole(numberAt(file, "max_concurrency")),
    }),
  };
}
