import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type ArchitectureConfig,
  defaultRequirements,
  estimateParameters,
  kvCacheBytesPerToken,
  weightsGb,
} from "./architecture";

const LLAMA_31_8B: ArchitectureConfig = {
  num_hidden_layers: 32,
  hidden_size: 4096,
  intermediate_size: 14336,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  vocab_size: 128256,
  tie_word_embeddings: false,
};

const LLAMA_31_70B: ArchitectureConfig = {
  num_hidden_layers: 80,
  hidden_size: 8192,
  intermediate_size: 28672,
  num_attention_heads: 64,
  num_key_value_heads: 8,
  vocab_size: 128256,
  tie_word_embeddings: false,
};

type SeedModel = { name: string; parameters_exact: number; config?: ArchitectureConfig };

function loadSeed(): SeedModel[] {
  const url = new URL("../../prisma/seed/models.json", import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as SeedModel[];
}

describe("estimateParameters", () => {
  it("reproduces Llama-3.1-8B exactly", () => {
    expect(estimateParameters(LLAMA_31_8B)).toBe(8_030_261_248);
  });

  it("reproduces Llama-3.1-70B exactly", () => {
    expect(estimateParameters(LLAMA_31_70B)).toBe(70_553_706_496);
  });

  it("reproduces Mixtral-8x7B (MoE: experts x MLP + router)", () => {
    const mixtral: ArchitectureConfig = { ...LLAMA_31_8B, vocab_size: 32000, num_experts: 8 };
    expect(estimateParameters(mixtral)).toBe(46_702_792_704);
  });

  it("defaults num_key_value_heads to the attention heads and head_dim to hidden/heads", () => {
    const llama2: ArchitectureConfig = {
      num_hidden_layers: 32,
      hidden_size: 4096,
      intermediate_size: 11008,
      num_attention_heads: 32,
      vocab_size: 32000,
    };
    expect(estimateParameters(llama2)).toBe(6_738_415_616);
    expect(estimateParameters({ ...llama2, num_key_value_heads: 32, head_dim: 128 })).toBe(6_738_415_616);
  });

  it("counts the output head once when embeddings are tied", () => {
    const tied = estimateParameters({ ...LLAMA_31_8B, tie_word_embeddings: true });
    expect(estimateParameters(LLAMA_31_8B) - tied).toBe(128256 * 4096);
  });

  it("uses 2*h*I for a plain MLP", () => {
    const plain = estimateParameters({ ...LLAMA_31_8B, mlp: "plain" });
    expect(estimateParameters(LLAMA_31_8B) - plain).toBe(32 * 4096 * 14336);
  });

  it("adds q/k/v biases (Qwen2) and reproduces Qwen2.5-7B", () => {
    const qwen: ArchitectureConfig = {
      num_hidden_layers: 28,
      hidden_size: 3584,
      intermediate_size: 18944,
      num_attention_heads: 28,
      num_key_value_heads: 4,
      vocab_size: 152064,
      tie_word_embeddings: false,
      attention_bias: true,
    };
    expect(estimateParameters(qwen)).toBe(7_615_616_512);
    expect(estimateParameters(qwen) - estimateParameters({ ...qwen, attention_bias: false })).toBe(
      28 * (3584 + 2 * 4 * 128),
    );
  });

  it("models GPT-2 (LayerNorm with bias, biases everywhere, learned positions, tied head)", () => {
    const gpt2: ArchitectureConfig = {
      num_hidden_layers: 12,
      hidden_size: 768,
      intermediate_size: 3072,
      num_attention_heads: 12,
      vocab_size: 50257,
      tie_word_embeddings: true,
      mlp: "plain",
      norm: "layernorm",
      attention_bias: true,
      attention_out_bias: true,
      mlp_bias: true,
      position_embeddings: 1024,
    };
    expect(estimateParameters(gpt2)).toBe(124_439_808);
  });

  it("models Gemma 2 (head_dim != hidden/heads, four norms per layer)", () => {
    const gemma2: ArchitectureConfig = {
      num_hidden_layers: 42,
      hidden_size: 3584,
      intermediate_size: 14336,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      head_dim: 256,
      vocab_size: 256000,
      tie_word_embeddings: true,
      norms_per_layer: 4,
    };
    expect(estimateParameters(gemma2)).toBe(9_241_705_984);
  });

  it("adds a shared expert to every MoE layer", () => {
    const moe: ArchitectureConfig = { ...LLAMA_31_8B, num_experts: 4, moe_intermediate_size: 1024 };
    const shared = estimateParameters({ ...moe, shared_expert_intermediate_size: 2048 });
    expect(shared - estimateParameters(moe)).toBe(32 * 3 * 4096 * 2048);
  });

  it("treats norm 'none' as parameter-free", () => {
    const withNorms = estimateParameters(LLAMA_31_8B);
    const without = estimateParameters({ ...LLAMA_31_8B, norm: "none" });
    expect(withNorms - without).toBe(32 * 2 * 4096 + 4096);
  });
});

describe("kvCacheBytesPerToken", () => {
  it("is 327,680 bytes for Llama-3.1-70B in bf16", () => {
    expect(kvCacheBytesPerToken(LLAMA_31_70B)).toBe(327_680);
    expect(kvCacheBytesPerToken(LLAMA_31_70B, 2)).toBe(2 * 80 * 8 * 128 * 2);
  });

  it("caches the latent, not K and V, with multi-head latent attention (DeepSeek-V3)", () => {
    const deepseekV3: ArchitectureConfig = { ...LLAMA_31_70B, num_hidden_layers: 61, num_attention_heads: 128, num_key_value_heads: 128, kv_lora_rank: 512, qk_rope_head_dim: 64 };
    expect(kvCacheBytesPerToken(deepseekV3)).toBe(61 * (512 + 64) * 2);
  });

  it("scales with bytes per element", () => {
    expect(kvCacheBytesPerToken(LLAMA_31_8B, 1)).toBe(65_536);
    expect(kvCacheBytesPerToken(LLAMA_31_8B)).toBe(131_072);
  });
});

describe("weightsGb", () => {
  it("converts a parameter count to GB per precision, 2 decimals", () => {
    expect(weightsGb(8_030_261_248)).toEqual({ bf16: 16.06, fp8: 8.03, int8: 8.03, int4: 4.02 });
    expect(weightsGb(70_553_706_496)).toEqual({ bf16: 141.11, fp8: 70.55, int8: 70.55, int4: 35.28 });
  });
});

describe("defaultRequirements", () => {
  it("adds KV for 8192 tokens and 1 GB overhead, then divides by 0.9", () => {
    // (16.060522496 + 131072*8192/1e9 + 1) / 0.9 = 20.149...
    expect(defaultRequirements(8_030_261_248, LLAMA_31_8B)).toEqual({
      weights_gb: { bf16: 16.06, fp8: 8.03, int8: 8.03, int4: 4.02 },
      kv_cache_bytes_per_token: 131_072,
      min_gpu_memory_gb: 20.1,
    });
  });

  it("omits the KV term without a config", () => {
    const req = defaultRequirements(8_030_261_248);
    expect(req.kv_cache_bytes_per_token).toBeNull();
    expect(req.min_gpu_memory_gb).toBe(19);
  });

  it("sizes Llama-3.1-70B", () => {
    // (141.107412992 + 327680*8192/1e9 + 1) / 0.9 = 160.87...
    expect(defaultRequirements(70_553_706_496, LLAMA_31_70B).min_gpu_memory_gb).toBe(160.9);
  });
});

describe("seed models", () => {
  const seed = loadSeed();

  it("has at least 42 models with unique names", () => {
    expect(seed.length).toBeGreaterThanOrEqual(42);
    expect(new Set(seed.map((m) => m.name)).size).toBe(seed.length);
  });

  const withConfig = seed.filter((m): m is SeedModel & { config: ArchitectureConfig } => m.config !== undefined);

  it.each(withConfig.map((m) => [m.name, m] as const))(
    "%s: estimate within 1% of the exact count",
    (_name, model) => {
      const estimate = estimateParameters(model.config);
      const relative = Math.abs(estimate - model.parameters_exact) / model.parameters_exact;
      expect(relative).toBeLessThanOrEqual(0.01);
    },
  );
});
