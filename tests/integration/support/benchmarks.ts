// Models, hardware profiles and benchmark bodies for the benchmark and leaderboard tests.
import { randomUUID } from "node:crypto";
import { createHardwareProfile } from "@/lib/hardware/service";
import { createModel } from "@/lib/models/service";
import { modelInputSchema } from "@/lib/models/schema";
import { BOOTSTRAP_TOKEN } from "./actors";
import { call } from "./http";

export const system = { actor: { type: "system" as const, label: "benchmark tests" } };

export const asAdmin: typeof call = (handler, options = {}) =>
  call(handler, { ...options, headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}`, ...options.headers } });

export async function makeModel(label: string): Promise<{ id: string; name: string }> {
  const model = await createModel(modelInputSchema.parse({ name: `bench-tests/${label}-${randomUUID().slice(0, 8)}` }), system);
  return { id: model.id, name: model.name };
}

/** A profile of its own, so a test's buckets are not shared with any other test's. */
export async function makeProfile(gpuCount = 1, price: number | null = 2.5): Promise<string> {
  const id = `test-${randomUUID().slice(0, 8)}-x${gpuCount}`;
  await createHardwareProfile({ id, name: id, gpu_type: "h100-80gb", gpu_count: gpuCount, gpu_memory_gb: null, interconnect: null, hourly_price_usd: price }, system);
  return id;
}

export const distribution = (p50: number, p99 = p50 * 2) => ({ mean: p50 * 1.1, p50, p90: p50 * 1.5, p95: p50 * 1.8, p99 });

export interface BenchmarkShape {
  throughput?: number;
  ttft?: number;
  tpot?: number;
  precision?: string;
  concurrency?: number;
  input_tokens?: number;
  output_tokens?: number;
  engine?: string;
}

export function benchmarkBody(modelId: string, profile: string, shape: BenchmarkShape = {}) {
  const throughput = shape.throughput ?? 1000;
  return {
    model_id: modelId,
    hardware_profile: profile,
    metrics: {
      ttft_ms: distribution(shape.ttft ?? 100),
      tpot_ms: distribution(shape.tpot ?? 20),
      itl_ms: distribution((shape.tpot ?? 20) * 0.95),
      e2e_latency_ms: distribution(5000),
      output_throughput_tps: throughput,
      total_throughput_tps: throughput * 3,
      request_throughput_rps: throughput / 256,
      error_rate: 0,
      completed_requests: 100,
      duration_s: 60,
    },
    configuration: {
      engine: shape.engine ?? "vllm",
      engine_version: "0.9.1",
      precision: shape.precision ?? "bf16",
      input_tokens: shape.input_tokens ?? 1024,
      output_tokens: shape.output_tokens ?? 256,
      concurrency: shape.concurrency ?? 16,
    },
  };
}

/** The raw response (CSV is not JSON). */
export async function callRaw(
  handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  return handler(new Request(new URL(url, "http://localhost"), init), { params: Promise.resolve({}) });
}
