// zod schemas for benchmarks: what automation posts or imports, the list query, and the output
// shape of api.md. Shared by route handlers, the portal's forms and the OpenAPI document.
import { z } from "zod";
import { pageOf, pageParams } from "@/lib/http/pagination";
import { checkMetrics, distributionNames, emptyToNull, type BenchmarkMetrics } from "./validation";

export const precisions = ["fp32", "bf16", "fp16", "fp8", "int8", "int4", "fp4"] as const;
export const benchmarkSources = ["api", "vllm", "llmperf", "genai_perf", "runner"] as const;
export const benchmarkSorts = [
  "created_at", "output_throughput_tps", "request_throughput_rps", "ttft_p50_ms", "ttft_p99_ms",
  "tpot_p50_ms", "itl_p50_ms", "e2e_latency_p99_ms", "concurrency",
] as const;

export const profileIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "A hardware profile id: lowercase letters, digits and - (e.g. h100-80gb-x1)");

const ms = z.number().finite().min(0, "Milliseconds are not negative");
const stat = ms.nullable().optional().transform((value) => value ?? null);

export const distributionSchema = z
  .strictObject({ mean: stat, p50: stat, p90: stat, p95: stat, p99: stat })
  .meta({ id: "LatencyDistribution", description: "Milliseconds; a percentile not measured is null" });

const rate = (description: string) => z.number().finite().min(0, "Rates are not negative").nullable().optional().transform((v) => v ?? null).meta({ description });
const optionalDistribution = distributionSchema.nullable().optional().transform((value) => emptyToNull(value ?? null));

export const metricsSchema = z
  .strictObject({
    ttft_ms: optionalDistribution.meta({ description: "Time to first token, ms" }),
    tpot_ms: optionalDistribution.meta({ description: "Time per output token after the first, ms" }),
    itl_ms: optionalDistribution.meta({ description: "Gaps between streamed tokens, ms" }),
    e2e_latency_ms: optionalDistribution.meta({ description: "Whole-request latency, ms" }),
    output_throughput_tps: z.number().finite().min(0, "Rates are not negative").meta({ description: "Output tokens per second, all requests" }),
    total_throughput_tps: rate("Input and output tokens per second"),
    request_throughput_rps: rate("Completed requests per second"),
    error_rate: z.number().min(0).max(1, "A fraction between 0 and 1").nullable().optional().transform((v) => v ?? null),
    completed_requests: z.number().int().min(0).nullable().optional().transform((v) => v ?? null),
    duration_s: rate("Wall time of the run, seconds"),
  })
  .superRefine((metrics, context) => {
    for (const [path, messages] of Object.entries(checkMetrics(metrics as BenchmarkMetrics))) {
      for (const message of messages) context.addIssue({ code: "custom", path: path.split("."), message });
    }
  })
  .meta({ id: "BenchmarkMetrics" });

const engineSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(50)
  .regex(/^[a-z0-9][a-z0-9._+-]*$/, "An engine name such as vllm, sglang, tgi, trt-llm");

const configurationFields = {
  engine: engineSchema,
  engine_version: z.string().trim().min(1).max(50).nullish().transform((v) => v ?? null),
  precision: z.enum(precisions),
  input_tokens: z.number().int().min(1).max(10_000_000),
  output_tokens: z.number().int().min(1).max(1_000_000),
  concurrency: z.number().int().min(1).max(100_000),
  num_gpus: z.number().int().min(1).max(1024).nullish().transform((v) => v ?? null).meta({ description: "Defaults to the hardware profile's GPU count, which it must equal" }),
};

export const configurationSchema = z.strictObject(configurationFields).meta({ id: "BenchmarkConfiguration" });
/** For imports: whatever the result file does not say (precision, always; sometimes more). */
export const partialConfigurationSchema = z
  .strictObject(Object.fromEntries(Object.entries(configurationFields).map(([k, s]) => [k, s.optional()])) as {
    [K in keyof typeof configurationFields]: z.ZodOptional<(typeof configurationFields)[K]>;
  })
  .meta({ id: "BenchmarkConfigurationPartial" });

export const benchmarkInputSchema = z
  .strictObject({
    model_id: z.uuid("model_id is a model's id (a UUID)"),
    hardware_profile: profileIdSchema,
    metrics: metricsSchema,
    configuration: configurationSchema,
  })
  .meta({ id: "BenchmarkInput" });

export const benchmarkImportSchema = z
  .strictObject({
    model_id: z.uuid("model_id is a model's id (a UUID)"),
    hardware_profile: profileIdSchema,
    result: z.record(z.string(), z.unknown()).meta({ description: "The result file exactly as vLLM bench serve, LLMPerf or GenAI-Perf wrote it" }),
    configuration: partialConfigurationSchema.optional(),
  })
  .meta({ id: "BenchmarkImport" });

export type BenchmarkInput = z.output<typeof benchmarkInputSchema>;
export type BenchmarkImport = z.output<typeof benchmarkImportSchema>;
export type Configuration = z.output<typeof configurationSchema>;
export type PartialConfiguration = z.output<typeof partialConfigurationSchema>;

const filterInt = (max: number) => z.coerce.number().int().min(1).max(max).optional();

export const listBenchmarksQuerySchema = z.strictObject({
  ...pageParams,
  sort: z.enum(benchmarkSorts).optional(),
  model_id: z.uuid().optional(),
  hardware_profile: profileIdSchema.optional(),
  engine: engineSchema.optional(),
  precision: z.enum(precisions).optional(),
  input_tokens: filterInt(10_000_000),
  output_tokens: filterInt(1_000_000),
  concurrency: filterInt(100_000),
  source: z.enum(benchmarkSources).optional(),
  demo: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
});

export type ListBenchmarksQuery = z.output<typeof listBenchmarksQuerySchema>;

const outputDistribution = z.object({ mean: z.number().nullable(), p50: z.number().nullable(), p90: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() });

export const benchmarkSchema = z
  .object({
    id: z.uuid(),
    model_id: z.uuid(),
    model_name: z.string(),
    hardware_profile: z.string(),
    metrics: z.object({
      ...Object.fromEntries(distributionNames.map((name) => [name, outputDistribution.nullable()])),
      output_throughput_tps: z.number(),
      total_throughput_tps: z.number().nullable(),
      request_throughput_rps: z.number().nullable(),
      error_rate: z.number().nullable(),
      completed_requests: z.number().int().nullable(),
      duration_s: z.number().nullable(),
    }),
    configuration: z.object({
      engine: z.string(),
      engine_version: z.string().nullable(),
      precision: z.string(),
      input_tokens: z.number().int(),
      output_tokens: z.number().int(),
      concurrency: z.number().int(),
      num_gpus: z.number().int(),
    }),
    output_throughput_per_gpu: z.number(),
    cost_per_million_tokens: z.number().nullable().meta({ description: "USD at the profile's current hourly price; null when it has none" }),
    source: z.enum(benchmarkSources),
    demo: z.boolean().meta({ description: "Illustrative demo data, not a measurement" }),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "Benchmark" });

export type BenchmarkDto = z.infer<typeof benchmarkSchema> & { metrics: BenchmarkMetrics };

export const benchmarkPageSchema = pageOf(benchmarkSchema, "BenchmarkPage");
