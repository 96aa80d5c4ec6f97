// The benchmark endpoints: what the route handlers and the OpenAPI document are built from.
import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { readImportBody } from "./import-body";
import { listRunsQuerySchema, runInputSchema, runPageSchema, runSchema } from "./runs/schema";
import { benchmarkImportSchema, benchmarkInputSchema, benchmarkPageSchema, benchmarkSchema, listBenchmarksQuerySchema } from "./schema";

export const listBenchmarksEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/benchmarks", tag: "Benchmarks", role: "viewer",
  summary: "List benchmark results with filters and paging; Accept: text/csv exports every matching row as CSV",
  query: listBenchmarksQuerySchema,
  success: { status: 200, description: "A page of benchmarks (or, as text/csv, all that match)", schema: benchmarkPageSchema, contentTypes: ["application/json", "text/csv"] },
});

export const createBenchmarkEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/benchmarks", tag: "Benchmarks", role: "engineer",
  summary: "Submit a benchmark result (latencies in ms, rates per second)",
  body: benchmarkInputSchema,
  success: { status: 201, description: "The stored benchmark; Location names it", schema: benchmarkSchema },
  errors: [413],
});

export const getBenchmarkEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/benchmarks/{id}", tag: "Benchmarks", role: "viewer",
  summary: "Get a benchmark result",
  success: { status: 200, description: "The benchmark", schema: benchmarkSchema },
  errors: [404],
});

export const importBenchmarkEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/benchmarks/import", tag: "Benchmarks", role: "engineer",
  summary: "Import a vLLM bench serve, LLMPerf or GenAI-Perf result file as the tool wrote it (JSON body, or multipart with a `file` field)",
  body: benchmarkImportSchema,
  readBody: readImportBody,
  multipart: z.object({
    file: z.string().meta({ format: "binary", description: "The result file" }),
    model_id: z.uuid(),
    hardware_profile: z.string(),
    configuration: z.string().optional().meta({ description: "JSON of the configuration fields the file does not give; or send them as fields (precision, engine, ...)" }),
  }),
  success: { status: 201, description: "The stored benchmark, in the API's units; Location names it", schema: benchmarkSchema },
  errors: [413],
});

export const runBenchmarkEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/benchmarks/run", tag: "Benchmarks", role: "engineer",
  summary: "Measure an OpenAI-compatible chat completions endpoint (a host in BENCHMARK_ALLOWED_HOSTS) as a job",
  body: runInputSchema,
  success: { status: 202, description: "The queued run; Location is where its progress is", schema: runSchema },
});

export const getRunEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/benchmarks/runs/{id}", tag: "Benchmarks", role: "engineer",
  summary: "A benchmark run's status and progress, and its benchmark once completed",
  success: { status: 200, description: "The run", schema: runSchema },
  errors: [404],
});

export const listRunsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/benchmarks/runs", tag: "Benchmarks", role: "engineer",
  summary: "Benchmark runs, newest first, with their status and progress (never their API keys)",
  query: listRunsQuerySchema,
  success: { status: 200, description: "A page of runs", schema: runPageSchema },
});

export const benchmarkEndpoints = [
  listBenchmarksEndpoint, createBenchmarkEndpoint, getBenchmarkEndpoint, importBenchmarkEndpoint, runBenchmarkEndpoint, listRunsEndpoint, getRunEndpoint,
];
