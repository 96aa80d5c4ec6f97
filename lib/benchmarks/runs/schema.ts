// zod schemas for the benchmark runner: what POST /api/v1/benchmarks/run takes, what a run's
// status looks like while it measures and after, and how runs are listed.
import { z } from "zod";
import { pageOf, pageParams } from "@/lib/http/pagination";
import { precisions, profileIdSchema } from "../schema";

export const runStatuses = ["queued", "running", "completed", "failed"] as const;

export const runSettingsSchema = z.strictObject({
  served_model: z.string().trim().min(1).max(200).optional().meta({ description: "The `model` sent in each request; the model's name when absent" }),
  engine: z.string().trim().toLowerCase().min(1).max(50).regex(/^[a-z0-9][a-z0-9._+-]*$/, "An engine name such as vllm, sglang, tgi"),
  engine_version: z.string().trim().min(1).max(50).nullish().transform((v) => v ?? null),
  precision: z.enum(precisions),
  concurrency: z.number().int().min(1).max(256).default(1),
  num_requests: z.number().int().min(1).max(10_000).default(32),
  input_tokens: z.number().int().min(1).max(131_072).default(256),
  output_tokens: z.number().int().min(1).max(16_384).default(128),
  ignore_eos: z.boolean().default(true).meta({ description: "Ask the server for exactly output_tokens tokens (vLLM/SGLang ignore_eos and min_tokens); turn off for servers that refuse unknown parameters" }),
  request_timeout_s: z.number().int().min(1).max(3600).default(300),
});

export const runInputSchema = z
  .strictObject({
    model_id: z.uuid("model_id is a model's id (a UUID)"),
    hardware_profile: profileIdSchema,
    endpoint_url: z.url({ protocol: /^https?$/, message: "An http(s) URL of an OpenAI-compatible chat completions endpoint" }).max(2000)
      .meta({ description: "e.g. http://vllm.internal:8000/v1/chat/completions; its host must be in BENCHMARK_ALLOWED_HOSTS" }),
    api_key: z.string().trim().min(1).max(4096).regex(/^[\x21-\x7e]+$/, "An API key is printable ASCII with no spaces").optional()
      .meta({ writeOnly: true, description: "Sent as `Authorization: Bearer <api_key>` to the endpoint only. Write-only: never returned, logged or stored readable (see settings.uses_api_key)" }),
    ...runSettingsSchema.shape,
  })
  .meta({ id: "BenchmarkRunInput" });

export type RunInput = z.output<typeof runInputSchema>;
export type RunSettings = z.output<typeof runSettingsSchema>;

export const runSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(runStatuses),
    model_id: z.uuid(),
    model_name: z.string(),
    hardware_profile: z.string(),
    endpoint_url: z.string(),
    settings: z.object({
      served_model: z.string(),
      engine: z.string(),
      engine_version: z.string().nullable(),
      precision: z.string(),
      concurrency: z.number().int(),
      num_requests: z.number().int(),
      input_tokens: z.number().int(),
      output_tokens: z.number().int(),
      ignore_eos: z.boolean(),
      request_timeout_s: z.number().int(),
      uses_api_key: z.boolean().meta({ description: "Whether the run was given an API key (the key itself is never shown)" }),
    }),
    progress: z.object({ requests_total: z.number().int(), requests_done: z.number().int(), requests_failed: z.number().int() }),
    benchmark_id: z.uuid().nullable().meta({ description: "The stored benchmark, once completed" }),
    error: z.string().nullable(),
    requested_by: z.string(),
    created_at: z.iso.datetime(),
    started_at: z.iso.datetime().nullable(),
    finished_at: z.iso.datetime().nullable(),
  })
  .meta({ id: "BenchmarkRun" });

export type RunDto = z.infer<typeof runSchema>;
export type StoredSettings = RunDto["settings"];

export const runSorts = ["created_at", "started_at", "finished_at"] as const;

/** Newest first unless told otherwise (runs not yet started or finished sort last). */
export const listRunsQuerySchema = z.strictObject({
  ...pageParams,
  sort: z.enum(runSorts).default("created_at"),
  status: z.enum(runStatuses).optional(),
  model_id: z.uuid().optional(),
});

export type ListRunsQuery = z.output<typeof listRunsQuerySchema>;

export const runPageSchema = pageOf(runSchema, "BenchmarkRunPage");
