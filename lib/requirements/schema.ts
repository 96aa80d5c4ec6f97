// zod schemas for the requirements calculator: its query and the breakdown it answers with.
import { z } from "zod";
import { REQUIREMENTS_CONTEXT_TOKENS } from "@/lib/models/architecture";
import { kvCacheDtypes, precisions } from "./calculator";

export const requirementsQuerySchema = z.strictObject({
  precision: z.enum(precisions).default("bf16"),
  kv_cache_dtype: z.enum(kvCacheDtypes).default("bf16"),
  context_length: z.coerce.number().int().min(1).max(100_000_000).optional()
    .meta({ description: `Tokens per sequence; default ${REQUIREMENTS_CONTEXT_TOKENS} (or the model's maximum when shorter)` }),
  concurrency: z.coerce.number().int().min(1).max(4096).default(1).meta({ description: "Sequences served at once" }),
});
export type RequirementsQuery = z.output<typeof requirementsQuerySchema>;

const gb = z.number().meta({ description: "GB (10^9 bytes)" });

export const gpuFitSchema = z.object({
  gpu_type: z.string().meta({ example: "h100-80gb" }),
  name: z.string(),
  memory_gb: z.number(),
  fits_one_card: z.boolean(),
  cards_needed: z.number().int().nullable().meta({ description: "Fewest cards with tensor parallelism; null when more than 64" }),
  memory_per_card_gb: z.number().nullable(),
  max_context_one_card: z.number().int().nullable().meta({ description: "Longest context per sequence that fits one card at this concurrency" }),
  max_context: z.number().int().nullable().meta({ description: "The same on cards_needed cards" }),
});

export const requirementsSchema = z
  .object({
    model_id: z.uuid(),
    precision: z.enum(precisions),
    kv_cache_dtype: z.enum(kvCacheDtypes),
    context_length: z.number().int(),
    concurrency: z.number().int(),
    parameters: z.number().nullable(),
    parameters_source: z.enum(["exact", "reported", "estimated"]).nullable(),
    weights_gb: z.object({ bf16: gb, fp8: gb, int8: gb, int4: gb }).nullable(),
    kv_cache_bytes_per_token: z.number().int().nullable(),
    memory: z.object({ weights_gb: gb, kv_cache_gb: gb.nullable(), overhead_gb: gb, total_gb: gb, min_gpu_memory_gb: gb }).nullable(),
    gpu_memory_utilization: z.number(),
    hardware: z.array(gpuFitSchema),
    context_grid: z.array(z.object({ context_length: z.number().int(), cards_needed: z.record(z.string(), z.number().int().nullable()) }))
      .meta({ description: "Cards needed per GPU type at each context length from 4K to the model's maximum" }),
    notes: z.array(z.string()),
  })
  .meta({ id: "Requirements" });
export type RequirementsDto = z.infer<typeof requirementsSchema>;
