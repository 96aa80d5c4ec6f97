import { describe, expect, it } from "vitest";
import { estimateParameters, kvCacheBytesPerToken } from "@/lib/models/architecture";
import { contextLengthOf, parseConfig } from "./config";

// config.json files as the Hub serves them (generation-only keys trimmed), each with the exact
// parameter count its safetensors files publish.
const publishedDense: [string, number, Record<string, unknown>][] = [
  ["meta-llama/Llama-3.1-8B", 8_030_261_248, { architectures: ["LlamaForCausalLM"], attention_bias: false, bos_token_id: 128000, eos_token_id: 128001, hidden_act: "silu", hidden_size: 4096, intermediate_size: 14336, max_position_embeddings: 131072, mlp_bias: false, model_type: "llama", num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 8, pretraining_tp: 1, rms_norm_eps: 1e-5, rope_scaling: { factor: 8.0, low_freq_factor: 1.0, high_freq_factor: 4.0, original_max_position_embeddings: 8192, rope_type: "llama3" }, rope_theta: 500000.0, tie_word_embeddings: false, torch_dtype: "bfloat16", vocab_size: 128256 }],
  ["mistralai/Mistral-7B-v0.3", 7_248_023_552, { architectures: ["MistralForCausalLM"], attention_dropout: 0.0, bos_token_id: 1, eos_token_id: 2, hidden_act: "silu", hidden_size: 4096, intermediate_size: 14336, max_position_embeddings: 32768, model_type: "mistral", num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 8, rms_norm_eps: 1e-5, rope_theta: 1000000.0, sliding_window: null, tie_word_embeddings: false, torch_dtype: "bfloat16", vocab_size: 32768 }],
  ["Qwen/Qwen2.5-7B-Instruct", 7_615_616_512, { architectures: ["Qwen2ForCausalLM"], attention_dropout: 0.0, hidden_act: "silu", hidden_size: 3584, intermediate_size: 18944, max_position_embeddings: 32768, max_window_layers: 28, model_type: "qwen2", num_attention_heads: 28, num_hidden_layers: 28, num_key_value_heads: 4, rms_norm_eps: 1e-6, rope_theta: 1000000.0, sliding_window: 131072, tie_word_embeddings: false, torch_dtype: "bfloat16", use_sliding_window: false, vocab_size: 152064 }],
  ["google/gemma-2-9b", 9_241_705_984, { architectures: ["Gemma2ForCausalLM"], attention_bias: false, attn_logit_softcapping: 50.0, final_logit_softcapping: 30.0, head_dim: 256, hidden_activation: "gelu_pytorch_tanh", hidden_size: 3584, intermediate_size: 14336, max_position_embeddings: 8192, model_type: "gemma2", num_attention_heads: 16, num_hidden_layers: 42, num_key_value_heads: 8, query_pre_attn_scalar: 256, rms_norm_eps: 1e-6, sliding_window: 4096, torch_dtype: "float32", vocab_size: 256000 }],
  ["microsoft/Phi-3-mini-4k-instruct", 3_821_079_552, { architectures: ["Phi3ForCausalLM"], attention_bias: false, hidden_act: "silu", hidden_size: 3072, intermediate_size: 8192, max_position_embeddings: 4096, model_type: "phi3", num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 32, original_max_position_embeddings: 4096, rms_norm_eps: 1e-5, rope_scaling: null, sliding_window: 2047, tie_word_embeddings: false, torch_dtype: "bfloat16", vocab_size: 32064 }],
  ["openai-community/gpt2", 124_439_808, { activation_function: "gelu_new", architectures: ["GPT2LMHeadModel"], layer_norm_epsilon: 1e-5, model_type: "gpt2", n_ctx: 1024, n_embd: 768, n_head: 12, n_layer: 12, n_positions: 1024, vocab_size: 50257 }],
  ["Qwen/Qwen3-8B", 8_190_735_360, { architectures: ["Qwen3ForCausalLM"], attention_bias: false, head_dim: 128, hidden_act: "silu", hidden_size: 4096, intermediate_size: 12288, max_position_embeddings: 40960, max_window_layers: 36, model_type: "qwen3", num_attention_heads: 32, num_hidden_layers: 36, num_key_value_heads: 8, rms_norm_eps: 1e-6, rope_scaling: null, rope_theta: 1000000, tie_word_embeddings: false, torch_dtype: "bfloat16", vocab_size: 151936 }],
  ["TinyLlama/TinyLlama-1.1B-Chat-v1.0", 1_100_048_384, { architectures: ["LlamaForCausalLM"], hidden_act: "silu", hidden_size: 2048, intermediate_size: 5632, max_position_embeddings: 2048, model_type: "llama", num_attention_heads: 32, num_hidden_layers: 22, num_key_value_heads: 4, pretraining_tp: 1, rms_norm_eps: 1e-5, rope_scaling: null, tie_word_embeddings: false, torch_dtype: "bfloat16", vocab_size: 32000 }],
  ["EleutherAI/pythia-1b", 1_011_781_632, { architectures: ["GPTNeoXForCausalLM"], hidden_act: "gelu", hidden_size: 2048, intermediate_size: 8192, layer_norm_eps: 1e-5, max_position_embeddings: 2048, model_type: "gpt_neox", num_attention_heads: 8, num_hidden_layers: 16, rotary_pct: 0.25, tie_word_embeddings: false, torch_dtype: "float16", use_parallel_residual: true, vocab_size: 50304 }],
  ["bigscience/bloom-560m", 559_214_592, { architectures: ["BloomForCausalLM"], hidden_size: 1024, layer_norm_epsilon: 1e-5, model_type: "bloom", n_head: 16, n_inner: null, n_layer: 24, vocab_size: 250880 }],
  ["HuggingFaceTB/SmolLM2-1.7B", 1_711_376_384, { architectures: ["LlamaForCausalLM"], attention_bias: false, hidden_size: 2048, intermediate_size: 8192, max_position_embeddings: 8192, mlp_bias: false, model_type: "llama", num_attention_heads: 32, num_hidden_layers: 24, num_key_value_heads: 32, rope_theta: 130000, tie_word_embeddings: true, torch_dtype: "bfloat16", vocab_size: 49152 }],
  ["bigcode/starcoder2-3b", 3_030_371_328, { architectures: ["Starcoder2ForCausalLM"], hidden_act: "gelu_pytorch_tanh", hidden_size: 3072, intermediate_size: 12288, max_position_embeddings: 16384, model_type: "starcoder2", norm_type: "layer_norm", num_attention_heads: 24, num_hidden_layers: 30, num_key_value_heads: 2, sliding_window: 4096, torch_dtype: "bfloat16", use_bias: true, vocab_size: 49152 }],
];

describe("parseConfig: the estimate from config.json alone", () => {
  it.each(publishedDense)("%s lands within 1%% of its published exact count", (_name, exact, raw) => {
    const facts = parseConfig(raw);
    expect(facts.architectureConfig).not.toBeNull();
    const estimate = estimateParameters(facts.architectureConfig!);
    expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(0.01);
  });

  it("covers at least eight well-known dense models", () => {
    expect(publishedDense.length).toBeGreaterThanOrEqual(8);
  });
});

describe("parseConfig: model facts", () => {
  it("reads class, family, dtype, and fills KV heads and head size", () => {
    const facts = parseConfig(publishedDense[0][2]);
    expect(facts).toMatchObject({ architecture: "LlamaForCausalLM", family: "llama", contextLength: 131072, dtype: "bfloat16" });
    expect(facts.architectureConfig).toMatchObject({ num_hidden_layers: 32, hidden_size: 4096, num_attention_heads: 32, num_key_value_heads: 8, head_dim: 128, vocab_size: 128256 });
  });

  it("defaults KV heads to the attention heads and reads GPT-2's n_* names", () => {
    const facts = parseConfig(publishedDense[5][2]);
    expect(facts.contextLength).toBe(1024);
    expect(facts.architectureConfig).toMatchObject({ num_hidden_layers: 12, hidden_size: 768, num_key_value_heads: 12, head_dim: 64, intermediate_size: 3072, tie_word_embeddings: true });
  });

  it("reads MoE experts (Mixtral's num_local_experts) and counts them in the estimate", () => {
    const facts = parseConfig({ architectures: ["MixtralForCausalLM"], hidden_size: 4096, intermediate_size: 14336, max_position_embeddings: 32768, model_type: "mixtral", num_attention_heads: 32, num_experts_per_tok: 2, num_hidden_layers: 32, num_key_value_heads: 8, num_local_experts: 8, tie_word_embeddings: false, vocab_size: 32000 });
    expect(facts.architectureConfig).toMatchObject({ num_experts: 8, num_experts_per_tok: 2 });
    expect(estimateParameters(facts.architectureConfig!)).toBe(46_702_792_704);
  });

  it("reads Qwen3-MoE's expert width", () => {
    const facts = parseConfig({ architectures: ["Qwen3MoeForCausalLM"], head_dim: 128, hidden_size: 2048, intermediate_size: 6144, max_position_embeddings: 40960, model_type: "qwen3_moe", moe_intermediate_size: 768, num_attention_heads: 32, num_experts: 128, num_experts_per_tok: 8, num_hidden_layers: 48, num_key_value_heads: 4, tie_word_embeddings: false, vocab_size: 151936 });
    const estimate = estimateParameters(facts.architectureConfig!);
    expect(Math.abs(estimate - 30_532_122_624) / 30_532_122_624).toBeLessThanOrEqual(0.01);
  });

  it("takes the language model from text_config, with LlamaConfig's defaults for what it leaves out (LLaVA)", () => {
    const facts = parseConfig({ architectures: ["LlavaForConditionalGeneration"], model_type: "llava", text_config: { architectures: ["LlamaForCausalLM"], max_position_embeddings: 4096, model_type: "llama", torch_dtype: "float16", vocab_size: 32064 }, torch_dtype: "float16", vision_config: { hidden_size: 1024, model_type: "clip_vision_model" } });
    expect(facts).toMatchObject({ architecture: "LlavaForConditionalGeneration", family: "llava", contextLength: 4096, dtype: "float16" });
    expect(facts.architectureConfig).toMatchObject({ num_hidden_layers: 32, hidden_size: 4096, intermediate_size: 11008, num_key_value_heads: 32, vocab_size: 32064 });
  });

  it("reads Gemma 3's nested text_config, whose linear rope factor does not extend the window", () => {
    const facts = parseConfig({ architectures: ["Gemma3ForConditionalGeneration"], model_type: "gemma3", text_config: { head_dim: 256, hidden_size: 2560, intermediate_size: 10240, model_type: "gemma3_text", num_attention_heads: 8, num_hidden_layers: 34, num_key_value_heads: 4, rope_scaling: { factor: 8.0, rope_type: "linear" }, sliding_window: 1024 }, torch_dtype: "bfloat16" });
    expect(facts.contextLength).toBe(131072);
    expect(facts.architectureConfig).toMatchObject({ num_hidden_layers: 34, hidden_size: 2560, vocab_size: 262208, norms_per_layer: 4, qk_norm: "per_head" });
  });

  it("sizes DeepSeek-V3's KV cache from its latent (MLA)", () => {
    const facts = parseConfig({ architectures: ["DeepseekV3ForCausalLM"], model_type: "deepseek_v3", hidden_size: 7168, intermediate_size: 18432, moe_intermediate_size: 2048, n_routed_experts: 256, num_experts_per_tok: 8, num_attention_heads: 128, num_key_value_heads: 128, num_hidden_layers: 61, kv_lora_rank: 512, qk_rope_head_dim: 64, max_position_embeddings: 163840, rope_scaling: { factor: 40, original_max_position_embeddings: 4096, type: "yarn" }, vocab_size: 129280 });
    expect(facts.contextLength).toBe(163840);
    expect(kvCacheBytesPerToken(facts.architectureConfig!)).toBe(61 * 576 * 2);
  });

  it("gives null architecture numbers when the config lacks them", () => {
    expect(parseConfig({ model_type: "llama" }).architectureConfig).toBeNull();
    expect(parseConfig("not an object").architectureConfig).toBeNull();
  });
});

describe("contextLengthOf", () => {
  it("extends the window by YaRN and by a stated original window, not by a bare linear factor", () => {
    expect(contextLengthOf({ max_position_embeddings: 32768, rope_scaling: { factor: 4.0, original_max_position_embeddings: 32768, type: "yarn" } })).toBe(131072);
    expect(contextLengthOf({ max_position_embeddings: 32768, rope_scaling: { factor: 4.0, rope_type: "yarn" } })).toBe(131072);
    expect(contextLengthOf({ max_position_embeddings: 131072, rope_scaling: { factor: 8.0, original_max_position_embeddings: 8192, rope_type: "llama3" } })).toBe(131072);
    expect(contextLengthOf({ max_position_embeddings: 4096, rope_scaling: { factor: 2.0, type: "linear" } })).toBe(4096);
    expect(contextLengthOf({ n_positions: 2048 })).toBe(2048);
    expect(contextLengthOf({})).toBeNull();
  });
});
