// The hardware requirements calculator: memory to serve a model at a precision, context length
// and concurrency, and for each GPU type whether it fits one card, how many cards it needs with
// tensor parallelism, and the longest context that fits. Plain TypeScript (no server imports):
// the API and the portal use the same numbers.
//
// A model fits when weights + KV cache + overhead stay within the share of the card a serving
// engine uses (vLLM's gpu_memory_utilization, 0.9), as in docs/domain.md and defaultRequirements.
import { GPU_MEMORY_UTILIZATION, REQUIREMENTS_OVERHEAD_GB, kvCacheBytesPerToken, kvHeads, type ArchitectureConfig } from "@/lib/models/architecture";
import type { GpuType } from "@/lib/hardware/gpus";

export const precisions = ["bf16", "fp8", "int8", "int4"] as const;
export type Precision = (typeof precisions)[number];
export const kvCacheDtypes = ["bf16", "fp8"] as const;
export type KvCacheDtype = (typeof kvCacheDtypes)[number];

/**
 * Bytes per weight. int4 adds its quantization scales: one fp16 scale per group of 128 weights
 * (GPTQ/AWQ's usual group size), 2/128 bytes per weight. fp8 and int8 scales are per tensor or
 * per channel, a rounding error at this scale.
 */
export const BYTES_PER_WEIGHT: Record<Precision, number> = { bf16: 2, fp8: 1, int8: 1, int4: 0.5 + 2 / 128 };
const KV_BYTES: Record<KvCacheDtype, number> = { bf16: 2, fp8: 1 };
/** Tensor-parallel sizes tried: one node of up to 8 cards, then multi-node. */
export const TENSOR_PARALLEL_SIZES = [1, 2, 4, 8, 16, 32, 64];

export interface Workload {
  precision: Precision;
  kvCacheDtype: KvCacheDtype;
  contextLength: number;
  concurrency: number;
}

export interface ModelShape {
  parameters: number;
  config: ArchitectureConfig | null;
  /** The model's maximum context, which caps every "largest context" answer. */
  maxContext: number | null;
}

export interface MemoryBreakdown {
  weights_gb: number;
  kv_cache_gb: number | null;
  overhead_gb: number;
  total_gb: number;
  /** The smallest card that holds it all: total / gpu_memory_utilization. */
  min_gpu_memory_gb: number;
}

export interface GpuFit {
  gpu_type: string;
  name: string;
  memory_gb: number;
  fits_one_card: boolean;
  /** Fewest cards with tensor parallelism (a size the heads divide); null beyond 64. */
  cards_needed: number | null;
  memory_per_card_gb: number | null;
  /** Longest context per sequence at this concurrency on one card (null: KV size unknown). */
  max_context_one_card: number | null;
  /** The same on cards_needed cards. */
  max_context: number | null;
}

const round = (value: number, decimals = 2) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export function kvBytesPerToken(config: ArchitectureConfig | null, dtype: KvCacheDtype): number | null {
  return config ? kvCacheBytesPerToken(config, KV_BYTES[dtype]) : null;
}

export function memoryBreakdown(model: ModelShape, workload: Workload): MemoryBreakdown {
  const weights = (model.parameters * BYTES_PER_WEIGHT[workload.precision]) / 1e9;
  const perToken = kvBytesPerToken(model.config, workload.kvCacheDtype);
  const kv = perToken === null ? null : (perToken * workload.contextLength * workload.concurrency) / 1e9;
  const total = weights + (kv ?? 0) + REQUIREMENTS_OVERHEAD_GB;
  return {
    weights_gb: round(weights),
    kv_cache_gb: kv === null ? null : round(kv),
    overhead_gb: REQUIREMENTS_OVERHEAD_GB,
    total_gb: round(total),
    min_gpu_memory_gb: round(total / GPU_MEMORY_UTILIZATION, 1),
  };
}

/** Whether vLLM can split the model n ways: the heads divide evenly (KV heads may be replicated). */
function tensorParallelAllowed(config: ArchitectureConfig | null, cards: number): boolean {
  if (!config || cards === 1) return true;
  const kv = kvHeads(config);
  return config.num_attention_heads % cards === 0 && (kv % cards === 0 || cards % kv === 0);
}

/** The share of the KV cache each card holds: its KV heads (at least one), or all of an MLA latent. */
function kvShare(config: ArchitectureConfig | null, cards: number): number {
  if (!config || config.kv_lora_rank) return 1;
  const kv = kvHeads(config);
  return Math.ceil(kv / cards) / kv;
}

function perCardGb(model: ModelShape, workload: Workload, cards: number): number {
  const weights = (model.parameters * BYTES_PER_WEIGHT[workload.precision]) / 1e9 / cards;
  const perToken = kvBytesPerToken(model.config, workload.kvCacheDtype) ?? 0;
  const kv = (perToken * kvShare(model.config, cards) * workload.contextLength * workload.concurrency) / 1e9;
  return weights + kv + REQUIREMENTS_OVERHEAD_GB;
}

function maxContext(model: ModelShape, workload: Workload, gpu: GpuType, cards: number): number | null {
  const perToken = kvBytesPerToken(model.config, workload.kvCacheDtype);
  if (perToken === null) return null;
  const spare = gpu.memoryGb * GPU_MEMORY_UTILIZATION - (model.parameters * BYTES_PER_WEIGHT[workload.precision]) / 1e9 / cards - REQUIREMENTS_OVERHEAD_GB;
  if (spare <= 0) return 0;
  const tokens = Math.floor((spare * 1e9) / (perToken * kvShare(model.config, cards) * workload.concurrency));
  return model.maxContext ? Math.min(tokens, model.maxContext) : tokens;
}

export function cardsNeeded(model: ModelShape, workload: Workload, gpu: GpuType): number | null {
  const budget = gpu.memoryGb * GPU_MEMORY_UTILIZATION;
  return TENSOR_PARALLEL_SIZES.find((cards) => tensorParallelAllowed(model.config, cards) && perCardGb(model, workload, cards) <= budget) ?? null;
}

export function fitOnGpu(model: ModelShape, workload: Workload, gpu: GpuType): GpuFit {
  const cards = cardsNeeded(model, workload, gpu);
  return {
    gpu_type: gpu.id,
    name: gpu.name,
    memory_gb: gpu.memoryGb,
    fits_one_card: cards === 1,
    cards_needed: cards,
    memory_per_card_gb: cards === null ? null : round(perCardGb(model, workload, cards)),
    max_context_one_card: maxContext(model, workload, gpu, 1),
    max_context: cards === null ? null : maxContext(model, workload, gpu, cards),
  };
}

const GRID_START = 4096;
const GRID_COLUMNS = 12;

/** Context lengths for the portal's table: 4K doubling to the model's maximum (which ends it). */
export function contextSteps(maxContext: number | null): number[] {
  const limit = maxContext ?? 131072;
  const steps: number[] = [];
  for (let tokens = GRID_START; tokens < limit && steps.length < GRID_COLUMNS - 1; tokens *= 2) steps.push(tokens);
  steps.push(Math.max(limit, Math.min(GRID_START, limit)));
  return [...new Set(steps)];
}
