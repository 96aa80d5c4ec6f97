/**
 * Parameter, weight-memory and KV-cache estimates from a model's architecture
 * (the fields of its Hugging Face `config.json`).
 *
 * Plain TypeScript: no framework imports, safe to use on the server, in the
 * browser and in scripts.
 *
 * The base formula is the one in docs/domain.md ("Estimate from config"):
 *   per layer  attention q,k,v,o   h*q + 2*h*kv + q*h   (q = heads*head_dim, kv = kv_heads*head_dim)
 *              MLP                 3*h*I (gated, SwiGLU/GeGLU) or 2*h*I (plain)
 *              norms               2 per layer
 *   plus       embeddings V*h, an untied output head V*h, a final norm.
 *   MoE        the MLP term times the number of experts, plus a router h*E per layer.
 *
 * A few optional switches let the same formula reproduce the exact tensor
 * count of families that add biases or extra norms (Qwen2 q/k/v biases,
 * LayerNorm with a bias, GPT-2 learned positions, Gemma 2's four norms ...).
 * Every switch defaults to the Llama layout, so a plain Llama-style config
 * needs none of them.
 */

export type NormKind =
  /** RMSNorm: a weight vector only (Llama, Mistral, Qwen, Gemma). */
  | "rms"
  /** LayerNorm with weight and bias (GPT-2, BLOOM, Falcon, Phi-2, StarCoder2). */
  | "layernorm"
  /** Non-parametric LayerNorm: no weights at all (OLMo 1). */
  | "none";

export type ArchitectureConfig = {
  num_hidden_layers: number;
  hidden_size: number;
  /** Dense MLP width (also the expert width of an MoE unless moe_intermediate_size is set). */
  intermediate_size: number;
  num_attention_heads: number;
  /** Defaults to num_attention_heads (no GQA). */
  num_key_value_heads?: number;
  /** Defaults to hidden_size / num_attention_heads. */
  head_dim?: number;
  vocab_size: number;
  /** Output head shares the embedding matrix. Defaults to false (untied head counted). */
  tie_word_embeddings?: boolean;

  /** "gated" (SwiGLU/GeGLU: gate, up, down; the default) or "plain" (up, down). */
  mlp?: "gated" | "plain";
  /** Biases on q, k and v (Qwen2, Phi-2, BLOOM, GPT-2, StarCoder2). */
  attention_bias?: boolean;
  /** Bias on the attention output projection (Phi-2, BLOOM, GPT-2, StarCoder2, gpt-oss). */
  attention_out_bias?: boolean;
  /** Learned attention-sink logits, one per attention head per layer (gpt-oss). */
  attention_sinks?: boolean;
  /** Biases on the MLP projections (GPT-2, GPT-J, Pythia, BLOOM, Phi-2, StarCoder2). */
  mlp_bias?: boolean;
  /** Kind of every norm in the model. Defaults to "rms". */
  norm?: NormKind;
  /**
   * Norms per decoder layer. Defaults to 2 (pre-attention, pre-MLP).
   * 1 for parallel-block models with a single norm (GPT-J, Phi-2, Falcon-7B);
   * 4 for Gemma 2 (pre and post norms around attention and MLP).
   */
  norms_per_layer?: number;
  /**
   * Norms on queries and keys: "per_head" normalises each head (size head_dim,
   * Qwen3, Gemma 3); "full" normalises the whole projection (size heads*head_dim
   * for q and kv_heads*head_dim for k, OLMo 2).
   */
  qk_norm?: "per_head" | "full";
  /** Learned absolute position embeddings: number of positions (GPT-2 n_positions). */
  position_embeddings?: number;
  /** A norm right after the token embeddings (BLOOM's word_embeddings_layernorm). */
  embedding_norm?: boolean;
  /** Bias on the output head (GPT-J, Phi-2). */
  lm_head_bias?: boolean;

  /** Mixture of experts: number of routed experts per MoE layer. */
  num_experts?: number;
  /** Width of one routed expert; defaults to intermediate_size. */
  moe_intermediate_size?: number;
  /** Width of an always-on shared expert (Qwen-MoE, DeepSeek-MoE); none by default. */
  shared_expert_intermediate_size?: number;
  /** Bias on the router (gpt-oss). */
  router_bias?: boolean;

  /** Multi-head latent attention (DeepSeek V2/V3): width of the cached K/V latent. */
  kv_lora_rank?: number;
  /** With kv_lora_rank: the decoupled rotary key width cached beside the latent. */
  qk_rope_head_dim?: number;
};

const DEFAULT_NORMS_PER_LAYER = 2;

function normParams(kind: NormKind, size: number): number {
  switch (kind) {
    case "rms":
      return size;
    case "layernorm":
      return 2 * size;
    case "none":
      return 0;
  }
}

/** head_dim, falling back to hidden_size / num_attention_heads. */
export function headDim(config: ArchitectureConfig): number {
  return config.head_dim ?? config.hidden_size / config.num_attention_heads;
}

/** num_key_value_heads, falling back to num_attention_heads. */
export function kvHeads(config: ArchitectureConfig): number {
  return config.num_key_value_heads ?? config.num_attention_heads;
}

function mlpParams(config: ArchitectureConfig, width: number): number {
  const h = config.hidden_size;
  const gated = (config.mlp ?? "gated") === "gated";
  const weights = (gated ? 3 : 2) * h * width;
  const biases = config.mlp_bias ? (gated ? 2 * width : width) + h : 0;
  return weights + biases;
}

/** Parameters of one decoder layer. */
export function layerParameters(config: ArchitectureConfig): number {
  const h = config.hidden_size;
  const norm = config.norm ?? "rms";
  const hd = headDim(config);
  const qDim = config.num_attention_heads * hd;
  const kvDim = kvHeads(config) * hd;

  let attention = h * qDim + 2 * h * kvDim + qDim * h;
  if (config.attention_bias) attention += qDim + 2 * kvDim;
  if (config.attention_out_bias) attention += h;
  if (config.attention_sinks) attention += config.num_attention_heads;
  if (config.qk_norm === "per_head") attention += 2 * normParams(norm, hd);
  if (config.qk_norm === "full") attention += normParams(norm, qDim) + normParams(norm, kvDim);

  let mlp: number;
  const experts = config.num_experts ?? 0;
  if (experts > 0) {
    const expertWidth = config.moe_intermediate_size ?? config.intermediate_size;
    mlp = experts * mlpParams(config, expertWidth) + h * experts;
    if (config.router_bias) mlp += experts;
    if (config.shared_expert_intermediate_size) {
      mlp += mlpParams(config, config.shared_expert_intermediate_size);
    }
  } else {
    mlp = mlpParams(config, config.intermediate_size);
  }

  const norms = (config.norms_per_layer ?? DEFAULT_NORMS_PER_LAYER) * normParams(norm, h);
  return attention + mlp + norms;
}

/** Estimated total parameter count (every weight tensor, embeddings included). */
export function estimateParameters(config: ArchitectureConfig): number {
  const h = config.hidden_size;
  const v = config.vocab_size;
  const norm = config.norm ?? "rms";

  let total = config.num_hidden_layers * layerParameters(config);
  total += v * h; // token embeddings
  if (!config.tie_word_embeddings) total += v * h; // untied output head
  if (config.lm_head_bias) total += v;
  if (config.position_embeddings) total += config.position_embeddings * h;
  if (config.embedding_norm) total += normParams(norm, h);
  total += normParams(norm, h); // final norm
  return total;
}

/**
 * KV-cache bytes per token: 2 (K and V) x layers x kv_heads x head_dim x bytes per element; with
 * multi-head latent attention, layers x (kv_lora_rank + qk_rope_head_dim) x bytes.
 */
export function kvCacheBytesPerToken(config: ArchitectureConfig, bytesPerElement = 2): number {
  if (config.kv_lora_rank) return config.num_hidden_layers * (config.kv_lora_rank + (config.qk_rope_head_dim ?? 0)) * bytesPerElement;
  return 2 * config.num_hidden_layers * kvHeads(config) * headDim(config) * bytesPerElement;
}

export type WeightsGb = { bf16: number; fp8: number; int8: number; int4: number };

const BYTES_PER_PARAM = { bf16: 2, fp8: 1, int8: 1, int4: 0.5 } as const;

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Weight memory in GB (1e9 bytes) per precision, rounded to 2 decimals. Excludes quantization scales. */
export function weightsGb(parameters: number): WeightsGb {
  return {
    bf16: round((parameters * BYTES_PER_PARAM.bf16) / 1e9, 2),
    fp8: round((parameters * BYTES_PER_PARAM.fp8) / 1e9, 2),
    int8: round((parameters * BYTES_PER_PARAM.int8) / 1e9, 2),
    int4: round((parameters * BYTES_PER_PARAM.int4) / 1e9, 2),
  };
}

export type Requirements = {
  weights_gb: WeightsGb;
  kv_cache_bytes_per_token: number | null;
  min_gpu_memory_gb: number;
};

/** Context assumed by min_gpu_memory_gb. */
export const REQUIREMENTS_CONTEXT_TOKENS = 8192;
/** Fixed allowance for activations, CUDA context and allocator slack, in GB. */
export const REQUIREMENTS_OVERHEAD_GB = 1;
/** Share of the card a serving engine uses (vLLM's gpu_memory_utilization default). */
export const GPU_MEMORY_UTILIZATION = 0.9;

/**
 * Default serving requirements of a model.
 *
 * min_gpu_memory_gb = (bf16 weights + KV cache for 8192 tokens at bf16 + 1 GB overhead) / 0.9,
 * rounded to 1 decimal. All in GB of 1e9 bytes; the weights term is the exact
 * parameters x 2 bytes (not the 2-decimal rounded figure), and the KV term is 0
 * when no config is known. The division by 0.9 leaves the 10% of the card that
 * vLLM keeps free (gpu_memory_utilization 0.9).
 */
export function defaultRequirements(parameters: number, config?: ArchitectureConfig): Requirements {
  const kvPerToken = config ? kvCacheBytesPerToken(config, 2) : null;
  const weightsBytes = parameters * BYTES_PER_PARAM.bf16;
  const kvBytes = (kvPerToken ?? 0) * REQUIREMENTS_CONTEXT_TOKENS;
  const neededGb = (weightsBytes + kvBytes) / 1e9 + REQUIREMENTS_OVERHEAD_GB;
  return {
    weights_gb: weightsGb(parameters),
    kv_cache_bytes_per_token: kvPerToken,
    min_gpu_memory_gb: round(neededGb / GPU_MEMORY_UTILIZATION, 1),
  };
}
