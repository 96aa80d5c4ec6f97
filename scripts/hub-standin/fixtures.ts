// The fixture repositories the stand-in serves: well-known models with their real config.json,
// card metadata and tensor shapes (weights virtual), plus a gated, a private and a GGUF-only repo.
import { ggufFile, llamaGgufTensors, type GgmlType, type GgufValue } from "./gguf-file";
import { makeRepo, type FixtureRepo, type RepoContent } from "./repo";
import { clipVisionTensors, decoderTensors, parameterSum, projectorTensors, shardTensors, type DecoderLayout, type TensorSpec } from "./shapes";
import { dataBytes, safetensorsFile, type VirtualFile } from "./virtual-file";

export interface FixtureFacts {
  /** Sum over every tensor of the product of its shape: what an import must report. */
  parameters: number;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** model-00001-of-0000N.safetensors files and their index, as save_pretrained writes them. */
function shardedFiles(tensors: TensorSpec[], count: number): Record<string, VirtualFile | string> {
  const width = 5;
  const name = (i: number) => `model-${String(i + 1).padStart(width, "0")}-of-${String(count).padStart(width, "0")}.safetensors`;
  const files: Record<string, VirtualFile | string> = {};
  const weightMap: Record<string, string> = {};
  shardTensors(tensors, count).forEach((shard, i) => {
    files[name(i)] = safetensorsFile(shard);
    for (const tensor of shard) weightMap[tensor.name] = name(i);
  });
  files["model.safetensors.index.json"] = json({ metadata: { total_size: dataBytes(tensors) }, weight_map: weightMap });
  return files;
}

const APACHE = `
                                 Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/

   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION

   1. Definitions.

      "License" shall mean the terms and conditions for use, reproduction,
      and distribution as defined by Sections 1 through 9 of this document.
`;

const LLAMA_31 = `LLAMA 3.1 COMMUNITY LICENSE AGREEMENT
Llama 3.1 Version Release Date: July 23, 2024

"Agreement" means the terms and conditions for use, reproduction, distribution and modification of the
Llama Materials set forth herein.

2. Additional Commercial Terms. If, on the Llama 3.1 version release date, the monthly active users
of the products or services made available by or for Licensee, or Licensee's affiliates, is greater
than 700 million monthly active users in the preceding calendar month, you must request a license
from Meta.
`;

const llamaConfig = (layout: Pick<DecoderLayout, "layers" | "hidden" | "intermediate" | "heads" | "kvHeads" | "vocab">) => ({
  architectures: ["LlamaForCausalLM"], attention_bias: false, attention_dropout: 0.0, bos_token_id: 128000,
  eos_token_id: [128001, 128008, 128009], hidden_act: "silu", hidden_size: layout.hidden, initializer_range: 0.02,
  intermediate_size: layout.intermediate, max_position_embeddings: 131072, mlp_bias: false, model_type: "llama",
  num_attention_heads: layout.heads, num_hidden_layers: layout.layers, num_key_value_heads: layout.kvHeads, pretraining_tp: 1,
  rms_norm_eps: 1e-5,
  rope_scaling: { factor: 8.0, low_freq_factor: 1.0, high_freq_factor: 4.0, original_max_position_embeddings: 8192, rope_type: "llama3" },
  rope_theta: 500000.0, tie_word_embeddings: false, torch_dtype: "bfloat16", transformers_version: "4.43.0.dev0",
  use_cache: true, vocab_size: layout.vocab,
});

function qwenSmall(): [RepoContent, FixtureFacts] {
  const layout: DecoderLayout = { layers: 24, hidden: 896, intermediate: 4864, heads: 14, kvHeads: 2, vocab: 151936, tied: true, qkvBias: true, dtype: "BF16" };
  const tensors = decoderTensors(layout);
  return [{
    cardData: { license: "apache-2.0", license_link: "https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct/blob/main/LICENSE", language: ["en"], pipeline_tag: "text-generation", base_model: "Qwen/Qwen2.5-0.5B", tags: ["chat"], library_name: "transformers" },
    body: "# Qwen2.5-0.5B-Instruct\n\n<a href=\"https://chat.qwenlm.ai/\"><img src=\"https://img.shields.io/badge/Chat-Qwen-blue\"/></a>\n\n## Introduction\n\nQwen2.5 is the latest series of Qwen large language models. For Qwen2.5, we release a number of base language models and instruction-tuned language models ranging from 0.5 to 72 billion parameters.\n\n- Significantly more knowledge and greatly improved capabilities in coding and mathematics.\n",
    tags: ["safetensors", "qwen2", "conversational", "text-generation-inference", "endpoints_compatible", "arxiv:2407.10671", "base_model:Qwen/Qwen2.5-0.5B"],
    files: {
      "config.json": json({ architectures: ["Qwen2ForCausalLM"], attention_dropout: 0.0, bos_token_id: 151643, eos_token_id: 151645, hidden_act: "silu", hidden_size: 896, initializer_range: 0.02, intermediate_size: 4864, max_position_embeddings: 32768, max_window_layers: 21, model_type: "qwen2", num_attention_heads: 14, num_hidden_layers: 24, num_key_value_heads: 2, rms_norm_eps: 1e-6, rope_theta: 1000000.0, sliding_window: 32768, tie_word_embeddings: true, torch_dtype: "bfloat16", transformers_version: "4.43.1", use_cache: true, use_sliding_window: false, vocab_size: 151936 }),
      "generation_config.json": json({ bos_token_id: 151643, do_sample: true, eos_token_id: [151645, 151643], temperature: 0.7, top_p: 0.8 }),
      LICENSE: APACHE,
      "model.safetensors": safetensorsFile(tensors),
    },
  }, { parameters: parameterSum(tensors) }];
}

function llamaGated(): [RepoContent, FixtureFacts] {
  const layout: DecoderLayout = { layers: 32, hidden: 4096, intermediate: 14336, heads: 32, kvHeads: 8, vocab: 128256, tied: false, dtype: "BF16" };
  const tensors = decoderTensors(layout);
  return [{
    cardData: { language: ["en", "de", "fr"], license: "llama3.1", base_model: "meta-llama/Meta-Llama-3.1-8B", pipeline_tag: "text-generation", tags: ["facebook", "meta", "pytorch", "llama", "llama-3"], library_name: "transformers", extra_gated_heading: "You need to share contact information with Meta to access this model" },
    body: "## Model Information\n\nThe Meta Llama 3.1 collection of multilingual large language models (LLMs) is a collection of pretrained and instruction tuned generative models in 8B, 70B and 405B sizes (text in/text out).\n\n**Model developer:** Meta\n",
    tags: ["safetensors", "llama", "conversational", "arxiv:2204.05149", "base_model:meta-llama/Llama-3.1-8B"],
    files: { "config.json": json(llamaConfig(layout)), LICENSE: LLAMA_31, "USE_POLICY.md": "# Llama 3.1 Acceptable Use Policy\n", ...shardedFiles(tensors, 4) },
  }, { parameters: parameterSum(tensors) }];
}

function mixtral(): [RepoContent, FixtureFacts] {
  const layout: DecoderLayout = { layers: 32, hidden: 4096, intermediate: 14336, heads: 32, kvHeads: 8, vocab: 32000, tied: false, experts: 8, dtype: "BF16" };
  const tensors = decoderTensors(layout);
  return [{
    cardData: { language: ["fr", "it", "de", "es", "en"], license: "apache-2.0", base_model: "mistralai/Mixtral-8x7B-v0.1", inference: false, library_name: "vllm" },
    body: "# Model Card for Mixtral-8x7B\n\nThe Mixtral-8x7B Large Language Model (LLM) is a pretrained generative Sparse Mixture of Experts. The Mixtral-8x7B outperforms Llama 2 70B on most benchmarks we tested.\n",
    tags: ["safetensors", "mixtral", "mistral-common"],
    files: {
      "config.json": json({ architectures: ["MixtralForCausalLM"], attention_dropout: 0.0, bos_token_id: 1, eos_token_id: 2, hidden_act: "silu", hidden_size: 4096, initializer_range: 0.02, intermediate_size: 14336, max_position_embeddings: 32768, model_type: "mixtral", num_attention_heads: 32, num_experts_per_tok: 2, num_hidden_layers: 32, num_key_value_heads: 8, num_local_experts: 8, output_router_logits: false, rms_norm_eps: 1e-5, rope_theta: 1000000.0, router_aux_loss_coef: 0.02, sliding_window: null, tie_word_embeddings: false, torch_dtype: "bfloat16", transformers_version: "4.36.0.dev0", use_cache: true, vocab_size: 32000 }),
      ...shardedFiles(tensors, 19),
    },
  }, { parameters: parameterSum(tensors) }];
}

function llava(): [RepoContent, FixtureFacts] {
  const text: DecoderLayout = { layers: 32, hidden: 4096, intermediate: 11008, heads: 32, kvHeads: 32, vocab: 32064, tied: false, dtype: "F16", prefix: "language_model.model.", lmHead: "language_model.lm_head.weight" };
  const tensors = [
    ...decoderTensors(text),
    ...projectorTensors(1024, 4096, "F16"),
    ...clipVisionTensors({ layers: 24, hidden: 1024, intermediate: 4096, patch: 14, image: 336, dtype: "F16", prefix: "vision_tower.vision_model." }),
  ];
  return [{
    cardData: { language: ["en"], datasets: ["liuhaotian/LLaVA-Instruct-150K"], pipeline_tag: "image-text-to-text", license: "llama2", tags: ["vision", "image-text-to-text"] },
    body: "# LLaVA Model Card\n\n![image/png](https://cdn-uploads.huggingface.co/llava.png)\n\nLLaVA is an open-source chatbot trained by fine-tuning LLaMA/Vicuna on GPT-generated multimodal instruction-following data. It is an auto-regressive language model, based on the transformer architecture.\n",
    tags: ["safetensors", "llava", "image-to-text", "conversational"],
    files: {
      // The real config leaves most of text_config to LlamaConfig's defaults.
      "config.json": json({ architectures: ["LlavaForConditionalGeneration"], ignore_index: -100, image_token_index: 32000, model_type: "llava", pad_token_id: 32001, projector_hidden_act: "gelu", text_config: { _name_or_path: "lmsys/vicuna-7b-v1.5", architectures: ["LlamaForCausalLM"], max_position_embeddings: 4096, model_type: "llama", rms_norm_eps: 1e-5, torch_dtype: "float16", vocab_size: 32064 }, tie_word_embeddings: false, torch_dtype: "float16", transformers_version: "4.36.0.dev0", vision_config: { hidden_size: 1024, image_size: 336, intermediate_size: 4096, model_type: "clip_vision_model", num_attention_heads: 16, num_hidden_layers: 24, patch_size: 14, projection_dim: 768, vocab_size: 32000 }, vision_feature_layer: -2, vision_feature_select_strategy: "default", vocab_size: 32064 }),
      ...shardedFiles(tensors, 3),
    },
  }, { parameters: parameterSum(tensors) }];
}

function tinyLlamaGguf(): [RepoContent, FixtureFacts] {
  const layout = { layers: 22, hidden: 2048, intermediate: 5632, heads: 32, kvHeads: 4, vocab: 32000 };
  const tokens = ["<unk>", "<s>", "</s>", ...Array.from({ length: 256 }, (_, i) => `<0x${i.toString(16).toUpperCase().padStart(2, "0")}>`)];
  while (tokens.length < layout.vocab) tokens.push(`▁tok${tokens.length}`);
  const metadata = (fileType: number): Record<string, GgufValue> => ({
    "general.architecture": { type: "string", value: "llama" },
    "general.name": { type: "string", value: "tinyllama_tinyllama-1.1b-chat-v1.0" },
    "general.license": { type: "string", value: "apache-2.0" },
    "llama.context_length": { type: "u32", value: 2048 },
    "llama.embedding_length": { type: "u32", value: layout.hidden },
    "llama.block_count": { type: "u32", value: layout.layers },
    "llama.feed_forward_length": { type: "u32", value: layout.intermediate },
    "llama.rope.dimension_count": { type: "u32", value: 64 },
    "llama.attention.head_count": { type: "u32", value: layout.heads },
    "llama.attention.head_count_kv": { type: "u32", value: layout.kvHeads },
    "llama.attention.layer_norm_rms_epsilon": { type: "f32", value: 1e-5 },
    "general.file_type": { type: "u32", value: fileType },
    "tokenizer.ggml.model": { type: "string", value: "llama" },
    "tokenizer.ggml.tokens": { type: "strings", value: tokens },
    "tokenizer.ggml.scores": { type: "f32s", value: tokens.map((_, i) => -i) },
    "tokenizer.ggml.token_type": { type: "i32s", value: tokens.map((_, i) => (i < 3 ? 3 : i < 259 ? 6 : 1)) },
    "tokenizer.ggml.bos_token_id": { type: "u32", value: 1 },
    "tokenizer.ggml.eos_token_id": { type: "u32", value: 2 },
    "general.quantization_version": { type: "u32", value: 2 },
  });
  const variant = (weight: GgmlType, output: GgmlType, fileType: number) => ggufFile(metadata(fileType), llamaGgufTensors(layout, weight, output));
  const reference = llamaGgufTensors(layout, "Q8_0", "Q8_0");
  return [{
    cardData: { base_model: "TinyLlama/TinyLlama-1.1B-Chat-v1.0", inference: false, license: "apache-2.0", model_creator: "TinyLlama", model_name: "Tinyllama 1.1B Chat v1.0", model_type: "tinyllama", quantized_by: "TheBloke" },
    body: "# Tinyllama 1.1B Chat v1.0 - GGUF\n\n- Model creator: [TinyLlama](https://huggingface.co/TinyLlama)\n\n## Description\n\nThis repo contains GGUF format model files for TinyLlama's Tinyllama 1.1B Chat v1.0.\n",
    tags: ["gguf", "tinyllama", "base_model:TinyLlama/TinyLlama-1.1B-Chat-v1.0"],
    files: {
      "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf": variant("Q4_K", "Q6_K", 15),
      "tinyllama-1.1b-chat-v1.0.Q8_0.gguf": variant("Q8_0", "Q8_0", 7),
      "config.json": json({ model_type: "llama" }),
    },
  }, { parameters: reference.reduce((sum, t) => sum + t.dims.reduce((a, b) => a * b, 1), 0) }];
}

function nemotron70b(): [RepoContent, FixtureFacts] {
  const layout: DecoderLayout = { layers: 80, hidden: 8192, intermediate: 28672, heads: 64, kvHeads: 8, vocab: 128256, tied: false, dtype: "BF16" };
  const tensors = decoderTensors(layout);
  return [{
    cardData: { license: "llama3.1", language: ["en"], inference: false, fine_tuning: false, tags: ["nvidia", "llama3.1"], datasets: ["nvidia/HelpSteer2"], base_model: "meta-llama/Llama-3.1-70B-Instruct", pipeline_tag: "text-generation", library_name: "transformers" },
    body: "# Model Overview\n\n## Description:\n\nLlama-3.1-Nemotron-70B-Instruct is a large language model customized by NVIDIA to improve the helpfulness of LLM generated responses to user queries.\n",
    tags: ["safetensors", "llama", "conversational"],
    files: { "config.json": json(llamaConfig(layout)), LICENSE: LLAMA_31, ...shardedFiles(tensors, 30) },
  }, { parameters: parameterSum(tensors) }];
}

function tinyRandom(): [RepoContent, FixtureFacts] {
  const layout: DecoderLayout = { layers: 2, hidden: 16, intermediate: 64, heads: 4, kvHeads: 4, vocab: 32000, tied: false, dtype: "F32" };
  const tensors = decoderTensors(layout);
  return [{
    cardData: { library_name: "transformers", tags: [] },
    body: "# Model Card for tiny-random-LlamaForCausalLM\n\nA tiny randomly initialised Llama model for testing the transformers library: two layers, a hidden size of 16.\n",
    tags: ["safetensors", "llama", "text-generation"],
    files: {
      "config.json": json({ architectures: ["LlamaForCausalLM"], bos_token_id: 0, eos_token_id: 1, hidden_act: "silu", hidden_size: 16, initializer_range: 0.02, intermediate_size: 64, max_position_embeddings: 2048, model_type: "llama", num_attention_heads: 4, num_hidden_layers: 2, num_key_value_heads: 4, pad_token_id: -1, rms_norm_eps: 1e-6, tie_word_embeddings: false, torch_dtype: "float32", transformers_version: "4.28.0.dev0", use_cache: true, vocab_size: 32000 }),
      "model.safetensors": safetensorsFile(tensors),
    },
  }, { parameters: parameterSum(tensors) }];
}

function privateModel(): [RepoContent, FixtureFacts] {
  const [content, facts] = tinyRandom();
  return [{ ...content, cardData: { license: "mit", library_name: "transformers" }, body: "# Internal model\n\nAn organisation's private fine-tune.\n" }, facts];
}

type Builder = () => [RepoContent, FixtureFacts];
const catalog: [string, Builder, { gated?: FixtureRepo["gated"]; private?: boolean }][] = [
  ["Qwen/Qwen2.5-0.5B-Instruct", qwenSmall, {}],
  ["meta-llama/Llama-3.1-8B-Instruct", llamaGated, { gated: "manual" }],
  ["mistralai/Mixtral-8x7B-Instruct-v0.1", mixtral, {}],
  ["llava-hf/llava-1.5-7b-hf", llava, {}],
  ["TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF", tinyLlamaGguf, {}],
  ["nvidia/Llama-3.1-Nemotron-70B-Instruct-HF", nemotron70b, {}],
  ["hf-internal-testing/tiny-random-LlamaForCausalLM", tinyRandom, {}],
  ["acme-corp/internal-model", privateModel, { private: true }],
];

export const fixtureRepoIds = catalog.map(([id]) => id);

// Building the files (headers of thousands of tensors, a vocabulary) is the slow part; it is done
// once per process, and each stand-in gets fresh repos (refs, revisions) around the same files.
const built = new Map<string, [RepoContent, FixtureFacts]>();

/** Fresh copies of every fixture repo (commits made in one test do not leak into another). */
export function buildFixtureRepos(): { repos: Map<string, FixtureRepo>; facts: Map<string, FixtureFacts> } {
  const repos = new Map<string, FixtureRepo>();
  const facts = new Map<string, FixtureFacts>();
  for (const [id, build, options] of catalog) {
    if (!built.has(id)) built.set(id, build());
    const [content, fact] = built.get(id)!;
    repos.set(id.toLowerCase(), makeRepo(id, content, options));
    facts.set(id, fact);
  }
  return { repos, facts };
}
