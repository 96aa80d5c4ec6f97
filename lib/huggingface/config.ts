// What a Hub `config.json` says about a model: its class, family, context length (rope scaling
// included) and the architecture numbers the parameter and memory estimates need. Multimodal
// models keep the language model under `text_config`; MoE keys differ from family to family.
import type { ArchitectureConfig } from "@/lib/models/architecture";

type Raw = Record<string, unknown>;

export interface ConfigFacts {
  architecture: string | null;
  family: string | null;
  contextLength: number | null;
  dtype: string | null;
  /** The architecture block stored on the model (null when the config lacks the numbers). */
  architectureConfig: (ArchitectureConfig & Record<string, unknown>) | null;
}

const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value : undefined);
const obj = (value: unknown): Raw | undefined => (value && typeof value === "object" && !Array.isArray(value) ? (value as Raw) : undefined);

function first(config: Raw, keys: string[]): number | undefined {
  for (const key of keys) {
    const value = num(config[key]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * transformers' defaults for the fields a config may leave out (LLaVA's text_config names only
 * its vocabulary and context, relying on LlamaConfig for the rest).
 */
const familyDefaults: Record<string, Raw> = {
  llama: { hidden_size: 4096, intermediate_size: 11008, num_hidden_layers: 32, num_attention_heads: 32, max_position_embeddings: 2048, vocab_size: 32000 },
  mistral: { hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, max_position_embeddings: 131072, vocab_size: 32000 },
  gemma3_text: { hidden_size: 2304, intermediate_size: 9216, num_hidden_layers: 26, num_attention_heads: 8, num_key_value_heads: 4, head_dim: 256, max_position_embeddings: 131072, vocab_size: 262208 },
};

/** Layout switches per model_type, so the estimate counts each family's biases and norms. */
const familyLayouts: Record<string, Partial<ArchitectureConfig>> = {
  qwen2: { attention_bias: true },
  qwen2_moe: { attention_bias: true },
  qwen2_vl: { attention_bias: true },
  qwen3: { qk_norm: "per_head" },
  qwen3_moe: { qk_norm: "per_head" },
  gemma2: { norms_per_layer: 4 },
  gemma3: { norms_per_layer: 4, qk_norm: "per_head" },
  gemma3_text: { norms_per_layer: 4, qk_norm: "per_head" },
  olmo2: { qk_norm: "full" },
  olmo: { norm: "none" },
  phi: { mlp: "plain", norm: "layernorm", norms_per_layer: 1, attention_bias: true, attention_out_bias: true, mlp_bias: true, lm_head_bias: true },
  gpt2: { mlp: "plain", norm: "layernorm", attention_bias: true, attention_out_bias: true, mlp_bias: true },
  gptj: { mlp: "plain", norm: "layernorm", norms_per_layer: 1, mlp_bias: true, lm_head_bias: true },
  gpt_neox: { mlp: "plain", norm: "layernorm", attention_bias: true, attention_out_bias: true, mlp_bias: true },
  bloom: { mlp: "plain", norm: "layernorm", attention_bias: true, attention_out_bias: true, mlp_bias: true, embedding_norm: true },
  starcoder2: { mlp: "plain", norm: "layernorm", attention_bias: true, attention_out_bias: true, mlp_bias: true },
  falcon: { mlp: "plain", norm: "layernorm" },
  gpt_oss: { attention_bias: true, attention_out_bias: true, attention_sinks: true, mlp_bias: true, router_bias: true },
};

/** Tied embeddings when the config does not say: transformers' per-family default. */
const tiedByDefault = new Set(["gpt2", "gemma", "gemma2", "gemma3", "gemma3_text", "bloom", "falcon", "starcoder2"]);

/** The language model's part of the config: text_config (or its cousins) over the top level. */
export function textConfigOf(config: Raw): Raw {
  const nested = obj(config.text_config) ?? obj(config.llm_config) ?? obj(config.language_config);
  if (!nested) return config;
  const family = str(nested.model_type) ?? "";
  return { ...(familyDefaults[family] ?? {}), ...nested };
}

/**
 * Context length: max_position_embeddings (or its older names), extended by rope scaling when
 * the config states the original window (YaRN, dynamic, llama3: original x factor), or by YaRN's
 * factor alone. Gemma 3's "linear" factor without an original window is not an extension.
 */
export function contextLengthOf(text: Raw): number | null {
  const base = first(text, ["max_position_embeddings", "n_positions", "seq_length", "max_sequence_length", "n_ctx", "max_seq_len"]);
  const scaling = obj(text.rope_scaling) ?? obj(text.rope_parameters);
  const factor = num(scaling?.factor);
  const kind = str(scaling?.rope_type) ?? str(scaling?.type);
  if (base === undefined) return null;
  if (!scaling || factor === undefined || factor <= 1) return Math.round(base);
  const original = num(scaling.original_max_position_embeddings) ?? num(text.original_max_position_embeddings);
  if (original !== undefined) return Math.round(Math.max(base, original * factor));
  if (kind === "yarn") return Math.round(base * factor);
  return Math.round(base);
}

function architectureConfigOf(text: Raw, family: string): ConfigFacts["architectureConfig"] {
  const layers = first(text, ["num_hidden_layers", "n_layer", "num_layers", "n_layers"]);
  const hidden = first(text, ["hidden_size", "d_model", "n_embd", "dim"]);
  const heads = first(text, ["num_attention_heads", "n_head", "num_heads", "n_heads"]);
  const vocab = first(text, ["vocab_size", "padded_vocab_size"]);
  if (!layers || !hidden || !heads || !vocab) return null;
  const kvHeads = first(text, ["num_key_value_heads", "num_kv_heads", "n_head_kv", "multi_query_group_num"]) ?? (text.multi_query === true ? 1 : heads);
  const headDim = first(text, ["head_dim", "kv_channels"]) ?? hidden / heads;
  const intermediate = first(text, ["intermediate_size", "ffn_dim", "d_ff", "n_inner", "ffn_hidden_size"]) ?? 4 * hidden;
  const experts = first(text, ["num_local_experts", "num_experts", "n_routed_experts", "moe_num_experts"]);
  const layout = familyLayouts[family] ?? {};
  const tied = typeof text.tie_word_embeddings === "boolean" ? text.tie_word_embeddings : tiedByDefault.has(family);
  const config: ArchitectureConfig & Record<string, unknown> = {
    num_hidden_layers: layers,
    hidden_size: hidden,
    intermediate_size: intermediate,
    num_attention_heads: heads,
    num_key_value_heads: kvHeads,
    head_dim: headDim,
    vocab_size: vocab,
    tie_word_embeddings: tied,
    ...layout,
  };
  // Llama-style configs state their biases explicitly; a stated value beats the family default.
  if (typeof text.attention_bias === "boolean") config.attention_bias = text.attention_bias;
  if (typeof text.mlp_bias === "boolean") config.mlp_bias = text.mlp_bias;
  if (family === "gpt2" || family === "gptj") config.position_embeddings = family === "gpt2" ? first(text, ["n_positions"]) : undefined;
  if (family === "falcon" && text.new_decoder_architecture !== true) config.norms_per_layer = 1;
  if (experts && experts > 1) {
    config.num_experts = experts;
    const perToken = first(text, ["num_experts_per_tok", "moe_topk", "num_selected_experts"]);
    if (perToken) config.num_experts_per_tok = perToken;
    const expertWidth = first(text, ["moe_intermediate_size", "expert_intermediate_size"]);
    if (expertWidth) config.moe_intermediate_size = expertWidth;
    const shared = first(text, ["shared_expert_intermediate_size"]);
    if (shared) config.shared_expert_intermediate_size = shared;
  }
  const kvLoraRank = num(text.kv_lora_rank);
  if (kvLoraRank) {
    // Multi-head latent attention (DeepSeek V2/V3) caches a compressed latent, not K and V.
    config.kv_lora_rank = kvLoraRank;
    config.qk_rope_head_dim = num(text.qk_rope_head_dim) ?? 0;
  }
  for (const key of Object.keys(config)) if (config[key] === undefined) delete config[key];
  return config;
}

export function parseConfig(raw: unknown): ConfigFacts {
  const config = obj(raw) ?? {};
  const text = textConfigOf(config);
  const architectures = Array.isArray(config.architectures) ? config.architectures.filter((a): a is string => typeof a === "string") : [];
  const family = str(config.model_type) ?? null;
  const textFamily = str(text.model_type) ?? family ?? "";
  const dtype = str(config.torch_dtype) ?? str(config.dtype) ?? str(text.torch_dtype) ?? str(text.dtype) ?? null;
  const architectureConfig = architectureConfigOf(text, textFamily);
  if (architectureConfig && dtype) architectureConfig.torch_dtype = dtype;
  return {
    architecture: architectures[0] ?? null,
    family: family ? family.toLowerCase() : null,
    contextLength: contextLengthOf(text),
    dtype,
    architectureConfig,
  };
}
