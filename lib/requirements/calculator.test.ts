import { describe, expect, it } from "vitest";
import { findGpuType, gpuTypes } from "@/lib/hardware/gpus";
import { defaultRequirements, type ArchitectureConfig } from "@/lib/models/architecture";
import { cardsNeeded, contextSteps, fitOnGpu, memoryBreakdown, type ModelShape, type Workload } from "./calculator";

const LLAMA_8B: ArchitectureConfig = { num_hidden_layers: 32, hidden_size: 4096, intermediate_size: 14336, num_attention_heads: 32, num_key_value_heads: 8, vocab_size: 128256 };
const LLAMA_70B: ArchitectureConfig = { num_hidden_layers: 80, hidden_size: 8192, intermediate_size: 28672, num_attention_heads: 64, num_key_value_heads: 8, vocab_size: 128256 };
const llama8b: ModelShape = { parameters: 8_030_261_248, config: LLAMA_8B, maxContext: null };
const llama70b: ModelShape = { parameters: 70_553_706_496, config: LLAMA_70B, maxContext: 131072 };
const bf16at8k: Workload = { precision: "bf16", kvCacheDtype: "bf16", contextLength: 8192, concurrency: 1 };
const gpu = (id: string) => findGpuType(id)!;

describe("memoryBreakdown", () => {
  it("adds weights, KV cache for the context and concurrency, and the overhead", () => {
    expect(memoryBreakdown(llama8b, bf16at8k)).toEqual({ weights_gb: 16.06, kv_cache_gb: 1.07, overhead_gb: 1, total_gb: 18.13, min_gpu_memory_gb: 20.1 });
    expect(memoryBreakdown(llama8b, { ...bf16at8k, concurrency: 4 }).kv_cache_gb).toBe(4.29);
    expect(memoryBreakdown(llama8b, { ...bf16at8k, kvCacheDtype: "fp8" }).kv_cache_gb).toBe(0.54);
  });

  it("agrees with the model's default requirements at bf16 and 8K", () => {
    expect(memoryBreakdown(llama8b, bf16at8k).min_gpu_memory_gb).toBe(defaultRequirements(8_030_261_248, LLAMA_8B).min_gpu_memory_gb);
  });

  it("counts int4 scales (one fp16 per 128 weights) and leaves the KV cache out when the architecture is unknown", () => {
    expect(memoryBreakdown(llama8b, { ...bf16at8k, precision: "int4" }).weights_gb).toBe(4.14);
    expect(memoryBreakdown({ ...llama8b, config: null }, bf16at8k)).toMatchObject({ kv_cache_gb: null, total_gb: 17.06 });
  });
});

describe("fitOnGpu", () => {
  it("Llama-3.1-8B in bf16 fits one H100 or L4, and needs two T4s", () => {
    expect(fitOnGpu(llama8b, bf16at8k, gpu("h100-80gb"))).toMatchObject({ fits_one_card: true, cards_needed: 1, memory_per_card_gb: 18.13, max_context_one_card: 419154 });
    expect(fitOnGpu(llama8b, bf16at8k, gpu("l4-24gb"))).toMatchObject({ fits_one_card: true, max_context_one_card: 34633 });
    expect(fitOnGpu(llama8b, bf16at8k, gpu("t4-16gb"))).toMatchObject({ fits_one_card: false, cards_needed: 2, max_context: 81935 });
  });

  it("Llama-3.1-70B: four H100s or two H200s in bf16, one MI300X; int4 fits one H100", () => {
    expect(cardsNeeded(llama70b, bf16at8k, gpu("h100-80gb"))).toBe(4);
    expect(cardsNeeded(llama70b, bf16at8k, gpu("h200-141gb"))).toBe(2);
    expect(cardsNeeded(llama70b, bf16at8k, gpu("mi300x-192gb"))).toBe(1);
    expect(cardsNeeded(llama70b, { ...bf16at8k, precision: "int4" }, gpu("h100-80gb"))).toBe(1);
    expect(cardsNeeded(llama70b, { ...bf16at8k, precision: "int4" }, gpu("a100-40gb"))).toBe(2);
  });

  it("caps the largest context at the model's maximum and reports 0 when the weights alone do not fit", () => {
    const fit = fitOnGpu(llama70b, bf16at8k, gpu("h100-80gb"));
    expect(fit.max_context_one_card).toBe(0);
    expect(fit.max_context).toBe(131072);
  });

  it("needs more cards at a longer context or more concurrency", () => {
    const at = (contextLength: number, concurrency: number) => cardsNeeded(llama8b, { ...bf16at8k, contextLength, concurrency }, gpu("l4-24gb"));
    expect(at(8192, 1)).toBe(1);
    expect(at(131072, 1)).toBe(2);
    expect(at(131072, 8)).toBe(8);
  });

  it("only splits the model a way its attention heads divide", () => {
    const gpt2: ModelShape = { parameters: 124_439_808 * 400, config: { num_hidden_layers: 12, hidden_size: 768, intermediate_size: 3072, num_attention_heads: 12, vocab_size: 50257 }, maxContext: 1024 };
    const needed = cardsNeeded(gpt2, bf16at8k, gpu("t4-16gb"));
    expect(needed === null || 12 % needed === 0).toBe(true);
  });

  it("covers every GPU type in the catalog", () => {
    expect(gpuTypes.map((g) => fitOnGpu(llama8b, bf16at8k, g).gpu_type)).toEqual(gpuTypes.map((g) => g.id));
  });
});

describe("contextSteps", () => {
  it("doubles from 4K and ends at the model's maximum", () => {
    expect(contextSteps(131072)).toEqual([4096, 8192, 16384, 32768, 65536, 131072]);
    expect(contextSteps(40960)).toEqual([4096, 8192, 16384, 32768, 40960]);
    expect(contextSteps(1024)).toEqual([1024]);
    expect(contextSteps(null)).toEqual([4096, 8192, 16384, 32768, 65536, 131072]);
    expect(contextSteps(10_485_760).length).toBeLessThanOrEqual(12);
  });
});
