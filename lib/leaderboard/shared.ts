// The compare page's benchmarks: the buckets where two or more of the chosen models have
// results on the leaderboard, each model's best values side by side.
import type { Bucket } from "./bucket";
import { costPerMillionTokens, perGpu } from "./metrics";
import { findSharedEntries } from "./queries";
import { toBucket } from "./service";

export interface SharedResult {
  bucket: Bucket;
  byModel: Record<string, { output_throughput_tps: number; per_gpu: number; ttft_p50_ms: number | null; tpot_p50_ms: number | null; e2e_latency_p99_ms: number | null; cost_per_million_tokens: number | null }>;
}

/** For the compare page: the buckets where two or more of the models have results, side by side. */
export async function getSharedResults(modelIds: string[]): Promise<SharedResult[]> {
  const rows = await findSharedEntries(modelIds);
  const results = new Map<string, SharedResult>();
  for (const row of rows) {
    const bucket = toBucket(row);
    const key = JSON.stringify(bucket);
    const result = results.get(key) ?? { bucket, byModel: {} };
    result.byModel[row.modelId] = {
      output_throughput_tps: row.outputThroughputTps,
      per_gpu: perGpu(row.outputThroughputTps, row.gpuCount),
      ttft_p50_ms: row.ttftP50Ms,
      tpot_p50_ms: row.tpotP50Ms,
      e2e_latency_p99_ms: row.e2eP99Ms,
      cost_per_million_tokens: costPerMillionTokens(row.price, row.outputThroughputTps),
    };
    results.set(key, result);
  }
  return [...results.values()];
}
