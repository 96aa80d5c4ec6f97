// Fills the models table with a large, realistic-looking catalog for the API benchmark: varied
// repo-style names (org-123/llama-3-8b-instruct-v42), families, architectures, providers,
// licenses, sizes, context lengths, tags and descriptions, so that text search and filters have
// realistic selectivity. Rows are generated in JS from a seeded PRNG (the same catalog every run)
// and inserted in multi-row batches (one INSERT ... SELECT FROM unnest(...) per batch); the
// table's own trigger fills search_vector exactly as it does for rows the API writes.
import type pg from "pg";
import { defaultRequirements, type ArchitectureConfig } from "@/lib/models/architecture";

/** [name stem, sizes in billions, context lengths, license id] */
type Line = [stem: string, sizes: number[], contexts: number[], license: string];

interface Family {
  family: string;
  architecture: string;
  task: string;
  weight: number;
  /** The publisher's own organisation on Hugging Face. */
  org: string;
  lines: Line[];
  /** Decoder LLM: gets a config.json-like config and chat/instruct variants. */
  llm: boolean;
}

const llm = (family: string, architecture: string, weight: number, org: string, lines: Line[]): Family => ({
  family, architecture, task: "text-generation", weight, org, lines, llm: true,
});
const other = (family: string, architecture: string, task: string, weight: number, org: string, lines: Line[]): Family => ({
  family, architecture, task, weight, org, lines, llm: false,
});

const FAMILIES: Family[] = [
  llm("llama", "LlamaForCausalLM", 12, "meta-llama", [
    ["llama-2", [7, 13, 70], [4096], "llama2"],
    ["llama-3", [8, 70], [8192], "llama3"],
    ["llama-3.1", [8, 70, 405], [131072], "llama3.1"],
    ["llama-3.2", [1, 3], [131072], "llama3.2"],
    ["llama-3.3", [70], [131072], "llama3.3"],
    ["codellama", [7, 13, 34, 70], [16384], "llama2"],
    ["tinyllama", [1.1], [2048], "apache-2.0"],
  ]),
  llm("qwen2", "Qwen2ForCausalLM", 10, "Qwen", [
    ["qwen2", [0.5, 1.5, 7, 72], [32768], "apache-2.0"],
    ["qwen2.5", [0.5, 1.5, 3, 7, 14, 32, 72], [32768, 131072], "qwen"],
    ["qwen2.5-coder", [1.5, 7, 14, 32], [32768], "apache-2.0"],
    ["deepseek-r1-distill-qwen", [1.5, 7, 14, 32], [131072], "mit"],
  ]),
  llm("qwen3", "Qwen3ForCausalLM", 6, "Qwen", [["qwen3", [0.6, 1.7, 4, 8, 14, 32], [32768, 40960], "apache-2.0"]]),
  llm("mistral", "MistralForCausalLM", 8, "mistralai", [
    ["mistral", [7], [8192, 32768], "apache-2.0"],
    ["mistral-nemo", [12], [131072], "apache-2.0"],
    ["mistral-small", [22, 24], [32768], "mrl"],
    ["zephyr", [7], [32768], "mit"],
    ["openhermes-2.5-mistral", [7], [32768], "apache-2.0"],
  ]),
  llm("mixtral", "MixtralForCausalLM", 2, "mistralai", [
    ["mixtral-8x7b", [46.7], [32768], "apache-2.0"],
    ["mixtral-8x22b", [141], [65536], "apache-2.0"],
  ]),
  llm("gemma", "GemmaForCausalLM", 3, "google", [
    ["gemma", [2, 7], [8192], "gemma"],
    ["codegemma", [2, 7], [8192], "gemma"],
  ]),
  llm("gemma2", "Gemma2ForCausalLM", 4, "google", [["gemma-2", [2, 9, 27], [8192], "gemma"]]),
  llm("gemma3_text", "Gemma3ForCausalLM", 3, "google", [["gemma-3", [1, 4, 12, 27], [32768, 131072], "gemma"]]),
  llm("phi3", "Phi3ForCausalLM", 5, "microsoft", [
    ["phi-3-mini", [3.8], [4096, 131072], "mit"],
    ["phi-3-medium", [14], [4096, 131072], "mit"],
    ["phi-3.5-mini", [3.8], [131072], "mit"],
    ["phi-4", [14.7], [16384], "mit"],
  ]),
  llm("phi", "PhiForCausalLM", 2, "microsoft", [
    ["phi-2", [2.7], [2048], "mit"],
    ["phi-1_5", [1.4], [2048], "mit"],
  ]),
  llm("falcon", "FalconForCausalLM", 2, "tiiuae", [["falcon", [7, 40, 180], [2048], "apache-2.0"]]),
  llm("gpt_neox", "GPTNeoXForCausalLM", 3, "EleutherAI", [
    ["pythia", [0.07, 0.16, 0.41, 1, 1.4, 2.8, 6.9, 12], [2048], "apache-2.0"],
    ["gpt-neox", [20], [2048], "apache-2.0"],
  ]),
  llm("bloom", "BloomForCausalLM", 2, "bigscience", [
    ["bloom", [0.56, 1.1, 3, 7.1, 176], [2048], "bigscience-bloom-rail-1.0"],
    ["bloomz", [0.56, 1.1, 7.1], [2048], "bigscience-bloom-rail-1.0"],
  ]),
  llm("starcoder2", "Starcoder2ForCausalLM", 2, "bigcode", [["starcoder2", [3, 7, 15], [16384], "bigcode-openrail-m"]]),
  llm("olmo2", "Olmo2ForCausalLM", 1, "allenai", [["olmo-2", [1, 7, 13, 32], [4096], "apache-2.0"]]),
  llm("granite", "GraniteForCausalLM", 2, "ibm-granite", [
    ["granite-3.1", [2, 8], [131072], "apache-2.0"],
    ["granite-3.3", [2, 8], [131072], "apache-2.0"],
  ]),
  llm("deepseek_v2", "DeepseekV2ForCausalLM", 1, "deepseek-ai", [
    ["deepseek-coder-v2-lite", [15.7], [163840], "deepseek"],
    ["deepseek-v2-lite", [15.7], [32768], "deepseek"],
  ]),
  llm("gpt2", "GPT2LMHeadModel", 3, "openai-community", [
    ["gpt2", [0.124, 0.355, 0.774, 1.5], [1024], "mit"],
    ["distilgpt2", [0.082], [1024], "apache-2.0"],
  ]),
  llm("gptj", "GPTJForCausalLM", 1, "EleutherAI", [["gpt-j", [6], [2048], "apache-2.0"]]),
  llm("smollm3", "SmolLM3ForCausalLM", 1, "HuggingFaceTB", [["smollm3", [3], [65536], "apache-2.0"]]),
  other("bert", "BertModel", "feature-extraction", 6, "sentence-transformers", [
    ["bert-base-uncased", [0.11], [512], "apache-2.0"],
    ["bge-small-en-v1.5", [0.033], [512], "mit"],
    ["all-minilm-l6-v2", [0.023], [512], "apache-2.0"],
  ]),
  other("xlm-roberta", "XLMRobertaForSequenceClassification", "text-classification", 3, "FacebookAI", [
    ["xlm-roberta-base", [0.28], [512], "mit"],
    ["xlm-roberta-large", [0.56], [512], "mit"],
  ]),
  other("t5", "T5ForConditionalGeneration", "text2text-generation", 3, "google", [
    ["flan-t5", [0.08, 0.25, 0.78, 3, 11], [512], "apache-2.0"],
  ]),
  other("whisper", "WhisperForConditionalGeneration", "automatic-speech-recognition", 3, "openai", [
    ["whisper", [0.039, 0.074, 0.244, 0.769, 1.55], [448], "apache-2.0"],
  ]),
  other("clip", "CLIPModel", "zero-shot-image-classification", 2, "openai", [
    ["clip-vit-base-patch32", [0.15], [77], "mit"],
    ["clip-vit-large-patch14", [0.43], [77], "mit"],
  ]),
  other("stable-diffusion", "UNet2DConditionModel", "text-to-image", 2, "stabilityai", [
    ["stable-diffusion-v1-5", [0.86], [77], "creativeml-openrail-m"],
    ["sdxl-base-1.0", [2.6], [77], "openrail++"],
  ]),
  other("vit", "ViTForImageClassification", "image-classification", 2, "google", [
    ["vit-base-patch16-224", [0.086], [197], "apache-2.0"],
  ]),
];

const COMMUNITY_ORGS = [
  "TheBloke", "unsloth", "bartowski", "mlx-community", "lmstudio-community", "NousResearch",
  "teknium", "cognitivecomputations", "MaziyarPanahi", "QuantFactory", "mradermacher", "NeverSleep",
];
const LLM_VARIANTS = [
  "", "", "-instruct", "-instruct", "-chat", "-base", "-it", "-sft", "-dpo", "-code", "-math",
  "-gguf", "-awq", "-gptq", "-4bit", "-lora", "-merged", "-finetuned-alpaca", "-orpo", "-roleplay",
];
const OTHER_VARIANTS = ["", "", "-finetuned", "-onnx", "-distilled", "-multilingual", "-quantized"];
const DATASETS = [
  "UltraChat", "OpenHermes-2.5", "Alpaca", "Dolly-15k", "OpenOrca", "SlimOrca", "MetaMathQA",
  "CodeAlpaca", "ShareGPT", "Capybara", "internal support tickets", "legal contracts",
  "medical abstracts", "financial filings", "customer reviews",
];
const PURPOSES = [
  "chat assistants", "retrieval-augmented generation", "code completion", "summarisation",
  "structured data extraction", "question answering", "classification of support tickets",
  "translation between European languages", "function calling", "reasoning benchmarks",
];
const EXTRA_SENTENCES = [
  "Weights are stored as safetensors.",
  "Evaluated on MMLU, GSM8K and HumanEval before release.",
  "Intended for research and internal prototyping; review the license before production use.",
  "Quantized checkpoints trade a little accuracy for a much smaller memory footprint.",
  "Trained with a cosine learning-rate schedule on 8 nodes for three epochs.",
  "Supports a system prompt and multi-turn conversations.",
  "Known limitations: may hallucinate facts and struggles with long arithmetic.",
  "Merged from several community fine-tunes with a linear weight average.",
  "Tokenizer is unchanged from the base model.",
  "Use a temperature between 0.6 and 0.8 for best results.",
];
const LANGUAGES = ["en", "en", "en", "multilingual", "zh", "fr", "de", "es", "ja"];
const OPENAI_BASES = ["gpt-4o-mini-2024-07-18", "gpt-4o-2024-08-06", "gpt-4.1-mini-2025-04-14", "gpt-3.5-turbo-0125"];
const LICENSE_RESTRICTIONS: Record<string, Record<string, unknown>> = {
  llama2: { mau_limit: 700_000_000, acceptable_use_policy: true, attribution: "ship license and notice" },
  llama3: { mau_limit: 700_000_000, acceptable_use_policy: true, attribution: "Built with Meta Llama 3" },
  "llama3.1": { mau_limit: 700_000_000, acceptable_use_policy: true, attribution: "Built with Llama" },
  "llama3.2": { mau_limit: 700_000_000, acceptable_use_policy: true, attribution: "Built with Llama" },
  "llama3.3": { mau_limit: 700_000_000, acceptable_use_policy: true, attribution: "Built with Llama" },
  gemma: { acceptable_use_policy: true, prohibited_uses_flow_down: true },
  qwen: { mau_limit: 100_000_000 },
  mrl: { commercial_use: false },
  deepseek: { acceptable_use_policy: true },
  "bigscience-bloom-rail-1.0": { use_restrictions: true },
  "bigcode-openrail-m": { use_restrictions: true },
  "creativeml-openrail-m": { use_restrictions: true },
  "openrail++": { use_restrictions: true },
  proprietary: { commercial_use: true, redistribution: false },
};

/** mulberry32: small, fast, seeded. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof prng>;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1][0];
}

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function sizeLabel(billions: number): string {
  return billions < 1 ? `${Math.round(billions * 1000)}m` : `${billions}b`;
}

function display(stem: string): string {
  return stem.split("-").map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(" ");
}

/** A config.json-like architecture roughly matching the size. */
function llmConfig(billions: number, random: Random): ArchitectureConfig {
  const shapes: [number, number, number, number, number][] = [
    // [max billions, layers, hidden, heads, kv heads]
    [0.2, 12, 768, 12, 12],
    [0.8, 24, 1024, 16, 16],
    [2, 24, 2048, 16, 8],
    [4.5, 32, 3072, 32, 8],
    [10, 32, 4096, 32, 8],
    [20, 40, 5120, 40, 8],
    [40, 60, 6656, 52, 8],
    [100, 80, 8192, 64, 8],
    [Infinity, 126, 16384, 128, 8],
  ];
  const [, layers, hidden, heads, kv] = shapes.find(([max]) => billions <= max)!;
  return {
    num_hidden_layers: layers,
    hidden_size: hidden,
    intermediate_size: Math.round((hidden * 3.5) / 256) * 256,
    num_attention_heads: heads,
    num_key_value_heads: kv,
    vocab_size: pick(random, [32000, 32768, 50257, 128256, 151936, 256000]),
    tie_word_embeddings: billions < 4,
  };
}

interface Row {
  id: string;
  name: string;
  description: string;
  provider: "huggingface" | "openai" | "custom";
  architecture: string | null;
  family: string | null;
  parameterCount: number | null;
  parametersExact: string | null;
  contextLength: number | null;
  licenseType: string | null;
  licenseRestrictions: string;
  licenseStatus: string;
  requirements: string;
  config: string | null;
  task: string | null;
  tags: string;
  source: string;
  scanStatus: string;
  createdAt: string;
  updatedAt: string;
}

const NOW = Date.parse("2026-11-01T00:00:00Z");
const DAY = 86_400_000;

function makeRow(random: Random, names: Set<string>, index: number): Row {
  const provider = weighted(random, [["huggingface", 75], ["custom", 19], ["openai", 6]] as const);
  const licenseStatus = weighted(random, [["approved", 55], ["pending", 25], ["approved_with_conditions", 12], ["rejected", 8]] as const);
  const scanStatus = weighted(random, [["clean", 60], ["not_scanned", 22], ["queued", 4], ["scanning", 1], ["flagged", 3], ["error", 10]] as const);
  const created = NOW - Math.floor(random() * 3 * 365 * DAY);
  const updated = Math.min(NOW, created + Math.floor(random() * 200 * DAY));
  const base = {
    id: uuid(random),
    licenseStatus,
    scanStatus,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(updated).toISOString(),
  };

  if (provider === "openai") {
    const model = pick(random, OPENAI_BASES);
    const org = `org-${1 + Math.floor(random() * 4000)}`;
    let name = `ft:${model}:${org}::${uuid(random).slice(0, 8)}`;
    while (names.has(name)) name += `-${index}`;
    names.add(name);
    const purpose = pick(random, PURPOSES);
    return {
      ...base,
      name,
      description: `Fine-tune of ${model} by ${org} on ${pick(random, DATASETS)} for ${purpose}. Served through the OpenAI API.`,
      provider,
      architecture: null,
      family: model.split("-").slice(0, 2).join("-"),
      parameterCount: null,
      parametersExact: null,
      contextLength: 128000,
      licenseType: "proprietary",
      licenseRestrictions: JSON.stringify(LICENSE_RESTRICTIONS.proprietary),
      requirements: "{}",
      config: null,
      task: "text-generation",
      tags: JSON.stringify(["openai", "fine-tune", model.split("-").slice(0, 2).join("-")]),
      source: JSON.stringify({ type: "openai" }),
    };
  }

  const family = weighted(random, FAMILIES.map((f) => [f, f.weight] as const));
  const [stem, sizes, contexts, license] = pick(random, family.lines);
  const billions = pick(random, sizes);
  const variant = pick(random, family.llm ? LLM_VARIANTS : OTHER_VARIANTS);
  const orgKind = random();
  const org =
    orgKind < 0.15 ? family.org : orgKind < 0.4 ? pick(random, COMMUNITY_ORGS) : `org-${1 + Math.floor(random() * 4000)}`;
  const version = random() < 0.5 ? `-v${1 + Math.floor(random() * 60)}` : "";
  let name = `${org}/${stem}-${sizeLabel(billions)}${variant}${version}`;
  if (names.has(name)) name = `${name}-${index}`;
  names.add(name);

  const config = family.llm ? llmConfig(billions, random) : null;
  const exact = Math.round(billions * 1e9 * (0.97 + random() * 0.06));
  const knownSize = random() > 0.04;
  const parameterCount = knownSize ? Math.round(exact / 1e7) / 100 : null;
  const language = pick(random, LANGUAGES);
  const tags = new Set<string>([family.family, stem.split("-")[0], family.task]);
  if (variant) tags.add(variant.slice(1).split("-")[0]);
  if (["-gguf", "-awq", "-gptq", "-4bit"].includes(variant)) tags.add("quantized");
  if (variant === "-gguf") tags.add("llama.cpp");
  if (family.llm && random() < 0.5) tags.add("conversational");
  tags.add(language);
  tags.add(pick(random, ["transformers", "safetensors", "pytorch", "onnx"]));
  if (random() < 0.3) tags.add(pick(random, ["text-generation-inference", "endpoints_compatible", "autotrain", "trl", "peft"]));

  const kind = variant.includes("instruct") || variant === "-it" || variant === "-chat" ? "instruction-tuned" : variant ? `${variant.slice(1)}` : "base";
  const sizeText = billions < 1 ? `${Math.round(billions * 1000)}M` : `${billions}B`;
  const sentences = [
    `A ${sizeText}-parameter ${kind} ${display(stem)} model published by ${org}.`,
    random() < 0.7 ? `Fine-tuned on ${pick(random, DATASETS)} for ${pick(random, PURPOSES)}.` : `Suited to ${pick(random, PURPOSES)}.`,
  ];
  const extra = Math.floor(random() * 3);
  for (let k = 0; k < extra; k++) sentences.push(pick(random, EXTRA_SENTENCES));

  const licenseType = random() < 0.93 ? license : pick(random, ["other", "cc-by-nc-4.0", "apache-2.0", "mit"]);
  const source =
    provider === "huggingface"
      ? { type: "huggingface", repo_id: name, revision: random() < 0.3 ? "main" : null }
      : random() < 0.5
        ? { type: "url", url: `https://models.internal.example.com/${name}` }
        : { type: "custom" };
  return {
    ...base,
    name,
    description: sentences.join(" "),
    provider,
    architecture: family.architecture,
    family: family.family,
    parameterCount,
    parametersExact: knownSize && random() < 0.7 ? String(exact) : null,
    contextLength: pick(random, contexts),
    licenseType,
    licenseRestrictions: JSON.stringify(LICENSE_RESTRICTIONS[licenseType] ?? {}),
    requirements: JSON.stringify(parameterCount === null ? {} : defaultRequirements(exact, config ?? undefined)),
    config: config ? JSON.stringify(config) : null,
    task: family.task,
    tags: JSON.stringify([...tags]),
    source: JSON.stringify(source),
  };
}

const INSERT = `INSERT INTO models (id, name, description, provider, architecture, family, parameter_count,
    parameters_exact, context_length, license_type, license_restrictions, license_status, requirements,
    config, task, tags, source, scan_status, created_at, updated_at)
  SELECT id, name, description, provider::"Provider", architecture, family, parameter_count,
    parameters_exact, context_length, license_type, license_restrictions::jsonb,
    license_status::"LicenseStatus", requirements::jsonb, config::jsonb, task,
    ARRAY(SELECT jsonb_array_elements_text(tags::jsonb)), source::jsonb, scan_status::"ScanStatus",
    created_at, updated_at
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[],
    $8::int8[], $9::int4[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
    $16::text[], $17::text[], $18::text[], $19::timestamptz[], $20::timestamptz[])
    AS t(id, name, description, provider, architecture, family, parameter_count, parameters_exact,
      context_length, license_type, license_restrictions, license_status, requirements, config, task,
      tags, source, scan_status, created_at, updated_at)`;

const COLUMNS: (keyof Row)[] = [
  "id", "name", "description", "provider", "architecture", "family", "parameterCount", "parametersExact",
  "contextLength", "licenseType", "licenseRestrictions", "licenseStatus", "requirements", "config", "task",
  "tags", "source", "scanStatus", "createdAt", "updatedAt",
];

/** Inserts `count` generated models (batches of `batchSize`), then VACUUM ANALYZE. */
export async function fillModels(
  client: pg.ClientBase,
  count: number,
  options: { seed?: number; batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<void> {
  const random = prng(options.seed ?? 20261127);
  const batchSize = options.batchSize ?? 5000;
  const names = new Set<string>();
  for (let done = 0; done < count; ) {
    const n = Math.min(batchSize, count - done);
    const rows = Array.from({ length: n }, (_, k) => makeRow(random, names, done + k));
    await client.query(INSERT, COLUMNS.map((column) => rows.map((row) => row[column])));
    done += n;
    options.onProgress?.(done);
  }
  await client.query("VACUUM ANALYZE models");
}
