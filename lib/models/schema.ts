// zod schemas for models: request input, list query and the output shape of api.md. Shared by
// route handlers, portal forms and the OpenAPI document.
import { z } from "zod";
import { pageParams, pageOf } from "@/lib/http/pagination";
import { gpuTypes } from "@/lib/hardware/gpus";

export const providers = ["huggingface", "openai", "custom"] as const;
export const scanStatuses = ["not_scanned", "queued", "scanning", "clean", "flagged", "error"] as const;
export const licenseStatuses = ["pending", "approved", "approved_with_conditions", "rejected"] as const;
const gpuTypeIds = gpuTypes.map((gpu) => gpu.id) as [string, ...string[]];
export const modelSorts = ["relevance", "name", "parameter_count", "context_length", "created_at", "updated_at"] as const;

const jsonObject = z.record(z.string(), z.unknown());

const modelName = z
  .string()
  .trim()
  .min(1, "Name is required")
  .max(200, "Name is at most 200 characters")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._\-/:+ ]*$/u, "Use letters, digits and . _ - / : + (e.g. org/Model-7B-Instruct)");

const slug = (label: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(100, `${label} is at most 100 characters`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._\-+]*$/, `${label}: letters, digits and . _ - +`);

export const modelSourceSchema = z
  .object({
    type: z.enum(["huggingface", "openai", "custom", "url"]),
    repo_id: z.string().max(200).nullish(),
    revision: z.string().max(100).nullish(),
    url: z.url().max(2000).nullish(),
    // Hub imports: the ref that was asked for (sync follows it), the library and the gating.
    ref: z.string().max(200).nullish(),
    library: z.string().max(100).nullish(),
    gated: z.union([z.boolean(), z.enum(["auto", "manual"])]).nullish(),
  })
  .strict();

const modelFields = {
  name: modelName,
  description: z.string().max(20_000, "Description is at most 20,000 characters").default(""),
  provider: z.enum(providers).default("custom"),
  architecture: z.string().trim().min(1).max(200).nullish(),
  family: slug("Family").nullish(),
  parameter_count: z
    .number()
    .positive("Parameter count must be positive")
    .max(100_000, "Parameter count is in billions: at most 100,000")
    .nullish(),
  parameters_exact: z
    .number()
    .int("The exact parameter count is a whole number")
    .positive("The exact parameter count must be positive")
    .max(Number.MAX_SAFE_INTEGER, "The exact parameter count is too large")
    .nullish(),
  context_length: z
    .number()
    .int("Context length is a whole number of tokens")
    .positive("Context length must be a positive number of tokens")
    .max(1_000_000_000, "Context length is at most 1,000,000,000 tokens")
    .nullish(),
  license_type: slug("License id").nullish(),
  license_restrictions: jsonObject.default({}),
  requirements: jsonObject.default({}),
  config: jsonObject.nullish().meta({ description: "Architecture hyper-parameters from config.json (layers, hidden size, heads, ...)" }),
  task: slug("Task").nullish(),
  tags: z.array(z.string().trim().min(1).max(50)).max(50, "At most 50 tags").default([]),
  source: modelSourceSchema.default({ type: "custom" }),
};

/** POST and PUT: the whole editable record (read-only fields are refused as unknown). */
export const modelInputSchema = z.strictObject(modelFields).meta({ id: "ModelInput" });
/** PATCH: any subset of the editable fields, at least one. */
export const modelPatchSchema = z
  .strictObject(
    Object.fromEntries(
      Object.entries(modelFields).map(([key, schema]) => [key, unwrapDefault(schema).optional()]),
    ) as { [K in keyof typeof modelFields]: z.ZodOptional<z.ZodType<z.output<(typeof modelFields)[K]>, z.input<(typeof modelFields)[K]>>> },
  )
  .refine((value) => Object.keys(value).length > 0, "Send at least one field to change")
  .meta({ id: "ModelPatch" });

function unwrapDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}

export type ModelInput = z.output<typeof modelInputSchema>;
export type ModelPatch = z.output<typeof modelPatchSchema>;

const booleanParam = z.enum(["true", "false"]).transform((value) => value === "true");
const filterText = z.string().trim().min(1).max(200);

export const listModelsQuerySchema = z
  .strictObject({
    ...pageParams,
    sort: z.enum(modelSorts).optional(),
    q: z.string().trim().max(200).optional(),
    provider: z.enum(providers).optional(),
    architecture: filterText.optional(),
    license_type: filterText.optional(),
    license_status: z.enum(licenseStatuses).optional(),
    scan_status: z.enum(scanStatuses).optional(),
    task: filterText.optional(),
    min_params: z.coerce.number().min(0).max(100_000).optional(),
    max_params: z.coerce.number().min(0).max(100_000).optional(),
    min_context: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
    commercial_use: booleanParam.optional(),
    fits_on: z.enum(gpuTypeIds).optional().meta({ description: "A GPU type id: models whose default requirements (bf16, 8K context) fit on one card" }),
  })
  .refine((q) => q.min_params === undefined || q.max_params === undefined || q.min_params <= q.max_params, {
    message: "min_params must not exceed max_params",
    path: ["min_params"],
  });

export type ListModelsQuery = z.output<typeof listModelsQuerySchema>;

export const modelSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    provider: z.enum(providers),
    architecture: z.string().nullable(),
    family: z.string().nullable(),
    parameter_count: z.number().nullable().meta({ description: "Parameters in billions" }),
    parameters_exact: z.number().int().nullable(),
    context_length: z.number().int().nullable(),
    license_type: z.string().nullable(),
    license_restrictions: jsonObject,
    license_status: z.enum(licenseStatuses),
    requirements: jsonObject,
    config: jsonObject.nullable(),
    task: z.string().nullable(),
    tags: z.array(z.string()),
    source: jsonObject,
    scan_status: z.enum(scanStatuses),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Model" });

export type ModelDto = z.infer<typeof modelSchema>;

export const modelPageSchema = pageOf(modelSchema, "ModelPage");
