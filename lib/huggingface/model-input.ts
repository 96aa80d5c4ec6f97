// A Hub snapshot as the registry's model record: the card gives the words and the license, the
// config the architecture, and the weight headers the exact parameter count.
import { detectLicense, type Detection } from "@/lib/licenses/detect";
import { estimateParameters } from "@/lib/models/architecture";
import { modelInputSchema, type ModelDto, type ModelInput } from "@/lib/models/schema";
import { cardLicense, catalogTags, describeFromCard } from "./card";
import type { HubSnapshot } from "./client";
import { parseConfig } from "./config";
import { metadataNumber, metadataString, type GgufHeader } from "./gguf";

const SLUG = /^[A-Za-z0-9][A-Za-z0-9._\-+]*$/;
const slugOrNull = (value: string | null | undefined) => (value && SLUG.test(value) && value.length <= 100 ? value : null);

// llama.cpp's architecture names and the transformers classes they come from.
const ggufClasses: Record<string, string> = {
  llama: "LlamaForCausalLM", mistral: "MistralForCausalLM", qwen2: "Qwen2ForCausalLM", qwen3: "Qwen3ForCausalLM",
  qwen2moe: "Qwen2MoeForCausalLM", qwen3moe: "Qwen3MoeForCausalLM", gemma: "GemmaForCausalLM", gemma2: "Gemma2ForCausalLM",
  gemma3: "Gemma3ForCausalLM", phi2: "PhiForCausalLM", phi3: "Phi3ForCausalLM", falcon: "FalconForCausalLM",
  starcoder2: "Starcoder2ForCausalLM", gpt2: "GPT2LMHeadModel", deepseek2: "DeepseekV2ForCausalLM",
};

/** Architecture facts from a GGUF header, for repos that ship no config.json. */
function ggufFacts(header: GgufHeader) {
  const arch = metadataString(header, "general.architecture");
  const key = (name: string) => (arch ? metadataNumber(header, `${arch}.${name}`) : null);
  const [layers, hidden, heads] = [key("block_count"), key("embedding_length"), key("attention.head_count")];
  const tokens = header.metadata["tokenizer.ggml.tokens"];
  const vocab = typeof tokens === "object" && tokens !== null && "length" in tokens ? tokens.length : null;
  const config = layers && hidden && heads && vocab
    ? {
        num_hidden_layers: layers, hidden_size: hidden, num_attention_heads: heads,
        num_key_value_heads: key("attention.head_count_kv") ?? heads,
        head_dim: key("attention.key_length") ?? hidden / heads,
        intermediate_size: key("feed_forward_length") ?? 4 * hidden, vocab_size: vocab,
        ...(key("expert_count") ? { num_experts: key("expert_count")!, num_experts_per_tok: key("expert_used_count") ?? undefined } : {}),
      }
    : null;
  return {
    architecture: arch ? (ggufClasses[arch] ?? null) : null,
    family: arch,
    contextLength: key("context_length"),
    config,
    license: metadataString(header, "general.license"),
  };
}

/** The license: the card's id, name and link, and the LICENSE file's text, through detection. */
export async function detectSnapshotLicense(snapshot: HubSnapshot): Promise<Detection & { declared: string | null }> {
  const card = cardLicense(snapshot.cardData);
  const ggufLicense = snapshot.weights?.gguf ? metadataString(snapshot.weights.gguf, "general.license") : null;
  const declared = card.id ?? slugOrNull(ggufLicense?.toLowerCase());
  const detection = await detectLicense({ id: declared, name: card.name, link: card.link, text: snapshot.license?.text ?? null });
  return { ...detection, declared };
}

/**
 * The model record for a snapshot, and how its license was detected (the license review keeps
 * that). `current` is the model being refreshed, if any: its name and the license restrictions a
 * reviewer may have written are kept.
 */
export async function toModelInput(snapshot: HubSnapshot, current: ModelDto | null): Promise<{ input: ModelInput; detection: Detection }> {
  const facts = parseConfig(snapshot.config);
  const gguf = snapshot.weights?.gguf ? ggufFacts(snapshot.weights.gguf) : null;
  const architectureConfig = facts.architectureConfig ?? gguf?.config ?? null;
  const exact = snapshot.weights?.parameters || null;
  const estimate = !exact && architectureConfig ? estimateParameters(architectureConfig) : null;
  const license = await detectSnapshotLicense(snapshot);
  const tags = catalogTags([...snapshot.tags, ...(snapshot.libraryName ? [snapshot.libraryName] : [])]);
  const candidate = {
    name: current?.name ?? snapshot.repoId,
    description: snapshot.readme ? describeFromCard(snapshot.readme) : "",
    provider: "huggingface",
    architecture: (facts.architecture ?? gguf?.architecture)?.slice(0, 200) ?? null,
    family: slugOrNull(facts.family ?? gguf?.family),
    parameter_count: estimate ? Math.round(estimate / 1e7) / 100 : null,
    parameters_exact: exact,
    context_length: facts.contextLength ?? gguf?.contextLength ?? null,
    license_type: license.license_type ?? (license.declared === "other" ? null : license.declared),
    license_restrictions: current?.license_restrictions ?? {},
    requirements: {},
    config: architectureConfig,
    task: slugOrNull(snapshot.pipelineTag),
    tags,
    source: {
      type: "huggingface", repo_id: snapshot.repoId, revision: snapshot.sha, ref: snapshot.ref,
      library: snapshot.libraryName, gated: snapshot.gated,
    },
  };
  const parsed = modelInputSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(`Hub import built an invalid model record: ${parsed.error.message}`);
  const { declared: _declared, ...detection } = license;
  return { input: parsed.data, detection };
}
