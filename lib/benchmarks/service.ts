// The rules for benchmarks: what must hold before one is stored (its model and hardware exist,
// its GPUs are the profile's, its metrics are consistent), imports of tools' result files, and
// the output mapping.
import { isUuid } from "@/lib/http/ids";
import { audited, type WriteContext } from "@/lib/audit/service";
import type { DbClient } from "@/lib/db/client";
import { findProfileById } from "@/lib/hardware/queries";
import { AppError, notFound } from "@/lib/http/errors";
import { toPage } from "@/lib/http/pagination";
import { costPerMillionTokens, perGpu } from "@/lib/leaderboard/metrics";
import { findModelById } from "@/lib/models/queries";
import { columnsToMetrics, metricsToColumns } from "./columns";
import { parseResultFile } from "./parsers/detect";
import { ResultFormatError, type ParsedResult } from "./parsers/result";
import { toSeries, type Series } from "./series";
import {
  countBenchmarks, countBenchmarksWhere, findBenchmarkById, findBenchmarks, findModelSeriesRows, insertBenchmark, insertBenchmarks,
  type BenchmarkRow,
} from "./queries";
import {
  configurationSchema,
  metricsSchema,
  type BenchmarkDto,
  type BenchmarkImport,
  type BenchmarkInput,
  type ListBenchmarksQuery,
} from "./schema";

export type BenchmarkSourceName = BenchmarkDto["source"];

export function toBenchmarkDto(row: BenchmarkRow): BenchmarkDto {
  const { gpuCount, hourlyPriceUsd } = row.hardwareProfile;
  return {
    id: row.id,
    model_id: row.modelId,
    model_name: row.model.name,
    hardware_profile: row.hardwareProfileId,
    metrics: columnsToMetrics(row),
    configuration: {
      engine: row.engine,
      engine_version: row.engineVersion,
      precision: row.precision,
      input_tokens: row.inputTokens,
      output_tokens: row.outputTokens,
      concurrency: row.concurrency,
      num_gpus: row.numGpus,
    },
    output_throughput_per_gpu: perGpu(row.outputThroughputTps, gpuCount),
    cost_per_million_tokens: costPerMillionTokens(hourlyPriceUsd, row.outputThroughputTps),
    source: row.source,
    demo: row.demo,
    created_at: row.createdAt.toISOString(),
  };
}

export async function listBenchmarks(query: ListBenchmarksQuery) {
  const skip = (query.page - 1) * query.page_size;
  const [rows, total] = await Promise.all([findBenchmarks(query, skip, query.page_size), countBenchmarks(query)]);
  return toPage(rows.map(toBenchmarkDto), total, query.page, query.page_size);
}

export async function getBenchmarkOrThrow(id: string, client?: DbClient): Promise<BenchmarkDto> {
  const row = isUuid(id) ? await findBenchmarkById(id, client) : null;
  if (!row) throw notFound("Benchmark");
  return toBenchmarkDto(row);
}

const invalid = (fields: Record<string, string[]>) =>
  new AppError("validation_failed", `Invalid body: check ${Object.keys(fields).join(", ")}`, { fields });

/** The model and profile must exist, and the run's GPU count must be the profile's. */
async function checkReferences(input: BenchmarkInput, client?: DbClient): Promise<number> {
  const [model, profile] = await Promise.all([findModelById(input.model_id, client), findProfileById(input.hardware_profile, client)]);
  const fields: Record<string, string[]> = {};
  if (!model) fields.model_id = ["No model has this id"];
  if (!profile) fields.hardware_profile = ["No such hardware profile: GET /api/v1/hardware-profiles lists them"];
  const numGpus = input.configuration.num_gpus ?? profile?.gpuCount;
  if (profile && numGpus !== profile.gpuCount) {
    fields["configuration.num_gpus"] = [`${profile.id} has ${profile.gpuCount} GPU(s): use the profile that matches the ${numGpus} the run used`];
  }
  if (Object.keys(fields).length) throw invalid(fields);
  return numGpus!;
}

export interface CreateOptions {
  source?: BenchmarkSourceName;
  demo?: boolean;
  /** A write that must commit with the benchmark (the runner marks its run completed). */
  alsoWrite?: (tx: DbClient, benchmark: BenchmarkDto) => Promise<void>;
}

/** A checked benchmark as the row to store. */
function benchmarkRow(input: BenchmarkInput, numGpus: number, source: BenchmarkSourceName, demo: boolean) {
  const { configuration } = input;
  return {
    modelId: input.model_id,
    hardwareProfileId: input.hardware_profile,
    engine: configuration.engine,
    engineVersion: configuration.engine_version,
    precision: configuration.precision,
    inputTokens: configuration.input_tokens,
    outputTokens: configuration.output_tokens,
    concurrency: configuration.concurrency,
    numGpus,
    ...metricsToColumns(input.metrics),
    source,
    demo,
  };
}

export async function createBenchmark(input: BenchmarkInput, context: WriteContext, options: CreateOptions = {}): Promise<BenchmarkDto> {
  const numGpus = await checkReferences(input);
  return audited(context, async (tx) => {
    const row = await insertBenchmark(tx, benchmarkRow(input, numGpus, options.source ?? "api", options.demo ?? false));
    const benchmark = toBenchmarkDto(row);
    await options.alsoWrite?.(tx, benchmark);
    return { result: benchmark, action: "benchmark.created", resourceType: "benchmark", resourceId: benchmark.id, after: benchmark };
  });
}

/** A result file as the tool wrote it, recognised by its shape and converted to our units; a 422 when it is none. */
export function parseImportedResult(result: BenchmarkImport["result"]): ParsedResult {
  try {
    return parseResultFile(result);
  } catch (error) {
    if (error instanceof ResultFormatError) throw invalid({ result: [error.message] });
    throw error;
  }
}

/**
 * The benchmark an import stores: the parsed file completed with the request's configuration
 * (which wins over what the file says), checked as any posted benchmark is; a 422 names what is
 * wrong or missing. Nothing here touches the database.
 */
export function importedBenchmark(input: BenchmarkImport, parsed: ParsedResult): BenchmarkInput {
  const configuration = configurationSchema.safeParse({ ...parsed.configuration, ...input.configuration });
  if (!configuration.success) {
    throw invalid(Object.fromEntries(configuration.error.issues.map((issue) => {
      const field = issue.path.join(".");
      const missing = !(field in { ...parsed.configuration, ...input.configuration });
      return [`configuration.${field}`, [missing ? `The ${parsed.tool} result does not say: send it in configuration` : issue.message]];
    })));
  }
  const metrics = metricsSchema.safeParse(parsed.metrics);
  if (!metrics.success) {
    throw invalid(Object.fromEntries(metrics.error.issues.map((issue) => [`result (metrics.${issue.path.join(".")})`, [issue.message]])));
  }
  return { model_id: input.model_id, hardware_profile: input.hardware_profile, metrics: metrics.data, configuration: configuration.data };
}

export async function importBenchmark(input: BenchmarkImport, context: WriteContext): Promise<BenchmarkDto> {
  const parsed = parseImportedResult(input.result);
  return createBenchmark(importedBenchmark(input, parsed), context, { source: parsed.tool });
}

/**
 * The demo start-up's illustrative rows, flagged demo in one transaction with one audit record
 * (hundreds of "benchmark.created" events would bury the log). Checked like any other result.
 */
export async function loadDemoBenchmarks(inputs: BenchmarkInput[], context: WriteContext): Promise<number> {
  if ((await countBenchmarksWhere({ demo: true })) > 0) return 0;
  const rows = inputs.map((input) => {
    const checked = { ...input, metrics: metricsSchema.parse(input.metrics), configuration: configurationSchema.parse(input.configuration) };
    return benchmarkRow(checked, checked.configuration.num_gpus ?? 1, "api", true);
  });
  return audited(context, async (tx) => {
    const count = await insertBenchmarks(tx, rows);
    return { result: count, action: "benchmark.demo_loaded", resourceType: "benchmark", resourceId: null, after: { demo_rows: count } };
  });
}

export async function getModelSeries(modelId: string): Promise<Series[]> {
  return toSeries((await findModelSeriesRows(modelId)).map((row) => ({ ...row, seq: Number(row.seq) })));
}
