// Illustrative benchmark rows for the demo catalog, so a newcomer's leaderboard is not empty.
// They are NOT measurements: every row is stored with demo = true, the API says so on each
// result and leaderboard entry, and the portal badges them. The figures come from a simple
// roofline model (decode bound by memory bandwidth, prefill by compute) over the cards'
// data-sheet figures below, with a little seeded noise, so that they are plausible in shape and
// deterministic from one start to the next.
import type { BenchmarkInput } from "@/lib/benchmarks/schema";
import type { Distribution } from "@/lib/benchmarks/validation";

export interface DemoModel {
  id: string;
  name: string;
  /** Parameters, in billions. */
  parameters: number;
}

// Data-sheet memory bandwidth (TB/s) and dense BF16 tensor throughput (TFLOP/s) per card.
const cards: Record<string, { bandwidthTbs: number; bf16Tflops: number; fp8: boolean }> = {
  "l4-24gb": { bandwidthTbs: 0.3, bf16Tflops: 121, fp8: true },
  "l40s-48gb": { bandwidthTbs: 0.864, bf16Tflops: 362, fp8: true },
  "a100-80gb": { bandwidthTbs: 2.039, bf16Tflops: 312, fp8: false },
  "h100-80gb": { bandwidthTbs: 3.35, bf16Tflops: 989, fp8: true },
  "h200-141gb": { bandwidthTbs: 4.8, bf16Tflops: 989, fp8: true },
};

export const demoProfiles = [
  { id: "l4-24gb-x1", card: "l4-24gb", gpus: 1, memoryGb: 24 },
  { id: "l40s-48gb-x1", card: "l40s-48gb", gpus: 1, memoryGb: 48 },
  { id: "a100-80gb-x1", card: "a100-80gb", gpus: 1, memoryGb: 80 },
  { id: "h100-80gb-x1", card: "h100-80gb", gpus: 1, memoryGb: 80 },
  { id: "h100-80gb-x4", card: "h100-80gb", gpus: 4, memoryGb: 80 },
  { id: "h200-141gb-x1", card: "h200-141gb", gpus: 1, memoryGb: 141 },
];

export const demoModelNames = [
  "meta-llama/Llama-3.1-8B", "Qwen/Qwen2.5-7B", "mistralai/Mistral-7B-v0.3", "google/gemma-2-9b", "Qwen/Qwen3-8B",
  "microsoft/Phi-3.5-mini-instruct", "Qwen/Qwen2.5-32B", "meta-llama/Llama-3.1-70B",
];

const workloads = [{ input: 1024, output: 256 }, { input: 4096, output: 512 }];
const concurrencies = [1, 8, 32, 128];

function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const spread = (p50: number, tail: [number, number, number], mean = 1.05): Distribution => ({
  mean: p50 * mean, p50, p90: p50 * tail[0], p95: p50 * tail[1], p99: p50 * tail[2],
});

/** One illustrative result, or null when the model does not fit the machine at that precision. */
function synthesize(model: DemoModel, profile: (typeof demoProfiles)[number], precision: "bf16" | "fp8", workload: { input: number; output: number }, concurrency: number, noise: () => number): BenchmarkInput | null {
  const card = cards[profile.card];
  const bytesPerParameter = precision === "bf16" ? 2 : 1;
  const weightsGb = model.parameters * bytesPerParameter;
  const kvGb = 0.02 * model.parameters * concurrency * ((workload.input + workload.output) / 4096);
  if (weightsGb + kvGb > 0.9 * profile.memoryGb * profile.gpus) return null;
  const bandwidth = card.bandwidthTbs * 1e12 * profile.gpus * 0.6;
  const flops = card.bf16Tflops * 1e12 * profile.gpus * 0.4 * (precision === "fp8" ? 2 : 1);
  const jitter = () => 0.95 + noise() * 0.1;
  // Decode reads every weight once per step; each sequence in the batch adds compute and KV reads.
  // Plus a few milliseconds a step that serving spends outside the matrix maths (scheduling, sampling).
  const tpotMs = ((weightsGb * 1e9) / bandwidth) * 1000 * (1 + 0.012 * concurrency) * jitter() + (2 * model.parameters * 1e9 * concurrency / flops) * 1000 + 3;
  const prefillMs = (2 * model.parameters * 1e9 * workload.input / flops) * 1000;
  // Prefills queue behind each other as concurrency grows.
  const ttftMs = (prefillMs * (1 + concurrency / 6) + tpotMs) * jitter();
  const e2eMs = ttftMs + (workload.output - 1) * tpotMs;
  const requestRate = (concurrency / e2eMs) * 1000;
  const outputRate = requestRate * workload.output;
  return {
    model_id: model.id,
    hardware_profile: profile.id,
    metrics: {
      ttft_ms: spread(ttftMs, [1.6, 1.9, 2.6], 1.1),
      tpot_ms: spread(tpotMs, [1.04, 1.06, 1.12], 1.01),
      itl_ms: spread(tpotMs * 0.97, [1.1, 1.25, 1.9], 1.02),
      e2e_latency_ms: spread(e2eMs, [1.12, 1.2, 1.35], 1.03),
      output_throughput_tps: outputRate,
      total_throughput_tps: requestRate * (workload.input + workload.output),
      request_throughput_rps: requestRate,
      error_rate: 0,
      completed_requests: Math.max(concurrency * 10, 100),
      duration_s: (Math.max(concurrency * 10, 100) / requestRate),
    },
    configuration: {
      engine: "vllm", engine_version: null, precision, input_tokens: workload.input, output_tokens: workload.output,
      concurrency, num_gpus: profile.gpus,
    },
  };
}

/** Every illustrative result for these models: the same list on every start. */
export function demoBenchmarks(models: DemoModel[]): BenchmarkInput[] {
  const results: BenchmarkInput[] = [];
  for (const [index, model] of models.entries()) {
    const noise = seeded(index + 1);
    for (const profile of demoProfiles) {
      for (const precision of cards[profile.card].fp8 ? (["bf16", "fp8"] as const) : (["bf16"] as const)) {
        for (const workload of workloads) {
          for (const concurrency of concurrencies) {
            const result = synthesize(model, profile, precision, workload, concurrency, noise);
            if (result) results.push(result);
          }
        }
      }
    }
  }
  return results;
}
