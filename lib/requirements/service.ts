// A model's requirements for a workload: the calculator applied to the model's record.
import { gpuTypes } from "@/lib/hardware/gpus";
import { AppError } from "@/lib/http/errors";
import { GPU_MEMORY_UTILIZATION, REQUIREMENTS_CONTEXT_TOKENS, estimateParameters, weightsGb, type ArchitectureConfig } from "@/lib/models/architecture";
import type { ModelDto } from "@/lib/models/schema";
import { getModelOrThrow } from "@/lib/models/service";
import { cardsNeeded, contextSteps, fitOnGpu, kvBytesPerToken, memoryBreakdown, type ModelShape, type Workload } from "./calculator";
import type { RequirementsDto, RequirementsQuery } from "./schema";

/** The architecture block, when it has the numbers the KV cache needs. */
function architectureOf(model: ModelDto): ArchitectureConfig | null {
  const config = model.config as Partial<ArchitectureConfig> | null;
  const needed = ["num_hidden_layers", "hidden_size", "num_attention_heads", "vocab_size"] as const;
  return config && needed.every((key) => typeof config[key] === "number" && config[key]! > 0)
    ? ({ intermediate_size: 4 * config.hidden_size!, ...config } as ArchitectureConfig)
    : null;
}

function parametersOf(model: ModelDto, config: ArchitectureConfig | null): Pick<RequirementsDto, "parameters" | "parameters_source"> {
  if (model.parameters_exact) return { parameters: model.parameters_exact, parameters_source: "exact" };
  if (model.parameter_count) return { parameters: Math.round(model.parameter_count * 1e9), parameters_source: "reported" };
  if (config) return { parameters: estimateParameters(config), parameters_source: "estimated" };
  return { parameters: null, parameters_source: null };
}

export async function getRequirements(id: string, query: RequirementsQuery): Promise<RequirementsDto> {
  const model = await getModelOrThrow(id);
  const config = architectureOf(model);
  const contextLength = query.context_length ?? Math.min(REQUIREMENTS_CONTEXT_TOKENS, model.context_length ?? REQUIREMENTS_CONTEXT_TOKENS);
  if (model.context_length && contextLength > model.context_length) {
    throw new AppError("validation_failed", `context_length is over the model's maximum of ${model.context_length} tokens`, {
      fields: { context_length: [`At most ${model.context_length} for this model`] },
    });
  }
  const workload: Workload = { precision: query.precision, kvCacheDtype: query.kv_cache_dtype, contextLength, concurrency: query.concurrency };
  const { parameters, parameters_source } = parametersOf(model, config);
  const base = {
    model_id: model.id, precision: query.precision, kv_cache_dtype: query.kv_cache_dtype, context_length: contextLength,
    concurrency: query.concurrency, parameters, parameters_source, kv_cache_bytes_per_token: kvBytesPerToken(config, query.kv_cache_dtype),
    gpu_memory_utilization: GPU_MEMORY_UTILIZATION,
  };
  const notes: string[] = [];
  if (parameters === null) {
    notes.push("The parameter count is not known: import the model from the Hub, or add its parameter count or architecture.");
    return { ...base, weights_gb: null, memory: null, hardware: [], context_grid: [], notes };
  }
  if (!config) notes.push("The architecture is not known, so the KV cache is left out: add the model's config to include it.");
  if (parameters_source === "estimated") notes.push("The parameter count is estimated from the architecture.");
  const shape: ModelShape = { parameters, config, maxContext: model.context_length };
  return {
    ...base,
    weights_gb: weightsGb(parameters),
    memory: memoryBreakdown(shape, workload),
    hardware: gpuTypes.map((gpu) => fitOnGpu(shape, workload, gpu)),
    context_grid: contextSteps(model.context_length).map((tokens) => ({
      context_length: tokens,
      cards_needed: Object.fromEntries(gpuTypes.map((gpu) => [gpu.id, cardsNeeded(shape, { ...workload, contextLength: tokens }, gpu)])),
    })),
    notes,
  };
}
