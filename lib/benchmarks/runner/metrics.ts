// From the runner's per-request samples to a benchmark's metrics, in the API's units.
import type { BenchmarkMetrics } from "../validation";
import type { LoadResult, LoadSpec } from "./measure";
import { summarize } from "./stats";

export function metricsOf(result: LoadResult, spec: Pick<LoadSpec, "inputTokens">): BenchmarkMetrics {
  const ok = result.samples.filter((sample) => sample.ok);
  const wall = result.wallSeconds;
  const outputTokens = ok.reduce((sum, sample) => sum + sample.outputTokens, 0);
  const inputTokens = ok.reduce((sum, sample) => sum + (sample.promptTokens ?? spec.inputTokens), 0);
  // TPOT as domain.md defines it: (latency - TTFT) / (output tokens - 1), for requests of 2+ tokens.
  const tpots = ok.filter((s) => s.outputTokens > 1 && s.ttftMs !== null).map((s) => (s.latencyMs - s.ttftMs!) / (s.outputTokens - 1));
  return {
    ttft_ms: summarize(ok.map((sample) => sample.ttftMs!)),
    tpot_ms: summarize(tpots),
    itl_ms: summarize(ok.flatMap((sample) => sample.itlsMs)),
    e2e_latency_ms: summarize(ok.map((sample) => sample.latencyMs)),
    output_throughput_tps: wall > 0 ? outputTokens / wall : 0,
    total_throughput_tps: wall > 0 ? (inputTokens + outputTokens) / wall : 0,
    request_throughput_rps: wall > 0 ? ok.length / wall : 0,
    error_rate: result.samples.length ? (result.samples.length - ok.length) / result.samples.length : 0,
    completed_requests: ok.length,
    duration_s: wall,
  };
}
