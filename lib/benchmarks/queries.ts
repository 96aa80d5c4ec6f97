// Prisma calls for benchmarks; nothing else touches the benchmarks table (the leaderboard's
// refresh reads it in SQL of its own, in lib/leaderboard/refresh.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import type { ListBenchmarksQuery } from "./schema";

export const benchmarkSelect = {
  id: true, seq: true, modelId: true, hardwareProfileId: true, engine: true, engineVersion: true, precision: true,
  inputTokens: true, outputTokens: true, concurrency: true, numGpus: true,
  ttftMeanMs: true, ttftP50Ms: true, ttftP90Ms: true, ttftP95Ms: true, ttftP99Ms: true,
  tpotMeanMs: true, tpotP50Ms: true, tpotP90Ms: true, tpotP95Ms: true, tpotP99Ms: true,
  itlMeanMs: true, itlP50Ms: true, itlP90Ms: true, itlP95Ms: true, itlP99Ms: true,
  e2eMeanMs: true, e2eP50Ms: true, e2eP90Ms: true, e2eP95Ms: true, e2eP99Ms: true,
  outputThroughputTps: true, totalThroughputTps: true, requestThroughputRps: true, errorRate: true,
  completedRequests: true, durationS: true, source: true, demo: true, createdAt: true,
  model: { select: { name: true } },
  hardwareProfile: { select: { gpuCount: true, hourlyPriceUsd: true } },
} satisfies Prisma.BenchmarkSelect;

export type BenchmarkRow = Prisma.BenchmarkGetPayload<{ select: typeof benchmarkSelect }>;

const sortFields: Record<NonNullable<ListBenchmarksQuery["sort"]>, keyof Prisma.BenchmarkOrderByWithRelationInput> = {
  created_at: "seq",
  output_throughput_tps: "outputThroughputTps",
  request_throughput_rps: "requestThroughputRps",
  ttft_p50_ms: "ttftP50Ms",
  ttft_p99_ms: "ttftP99Ms",
  tpot_p50_ms: "tpotP50Ms",
  itl_p50_ms: "itlP50Ms",
  e2e_latency_p99_ms: "e2eP99Ms",
  concurrency: "concurrency",
};

const latencySorts = new Set(["ttft_p50_ms", "ttft_p99_ms", "tpot_p50_ms", "itl_p50_ms", "e2e_latency_p99_ms"]);

export function benchmarkWhere(query: ListBenchmarksQuery): Prisma.BenchmarkWhereInput {
  return {
    modelId: query.model_id,
    hardwareProfileId: query.hardware_profile,
    engine: query.engine,
    precision: query.precision,
    inputTokens: query.input_tokens,
    outputTokens: query.output_tokens,
    concurrency: query.concurrency,
    source: query.source,
    demo: query.demo,
  };
}

/** Newest first by default; latencies ascend and rates descend unless `order` says otherwise. */
export function benchmarkOrder(query: ListBenchmarksQuery): Prisma.BenchmarkOrderByWithRelationInput[] {
  const sort = query.sort ?? "created_at";
  const order = query.order ?? (latencySorts.has(sort) ? "asc" : "desc");
  const field = sortFields[sort];
  // Missing metrics go last whichever way the list runs (Prisma allows `nulls` on nullable columns only).
  const required = field === "seq" || field === "concurrency" || field === "outputThroughputTps";
  const primary = required ? { [field]: order } : { [field]: { sort: order, nulls: "last" } };
  return [primary, { seq: "desc" }];
}

export async function findBenchmarks(query: ListBenchmarksQuery, skip: number, take: number): Promise<BenchmarkRow[]> {
  return (await db()).benchmark.findMany({ where: benchmarkWhere(query), orderBy: benchmarkOrder(query), skip, take, select: benchmarkSelect });
}

export async function countBenchmarks(query: ListBenchmarksQuery): Promise<number> {
  return (await db()).benchmark.count({ where: benchmarkWhere(query) });
}

export async function findBenchmarkById(id: string, client?: DbClient): Promise<BenchmarkRow | null> {
  return (client ?? (await db())).benchmark.findUnique({ where: { id }, select: benchmarkSelect });
}

export async function insertBenchmark(client: DbClient, data: Prisma.BenchmarkUncheckedCreateInput): Promise<BenchmarkRow> {
  return client.benchmark.create({ data, select: benchmarkSelect });
}

export async function insertBenchmarks(client: DbClient, data: Prisma.BenchmarkCreateManyInput[]): Promise<number> {
  return (await client.benchmark.createMany({ data })).count;
}

export async function countBenchmarksWhere(where: Prisma.BenchmarkWhereInput): Promise<number> {
  return (await db()).benchmark.count({ where });
}

/** A model's results for its charts: the newest few thousand, which is all a chart can show. */
export async function findModelSeriesRows(modelId: string, take = 5000) {
  return (await db()).benchmark.findMany({
    where: { modelId },
    orderBy: { seq: "desc" },
    take,
    select: {
      seq: true, hardwareProfileId: true, precision: true, inputTokens: true, outputTokens: true, engine: true,
      concurrency: true, outputThroughputTps: true, ttftP50Ms: true, tpotP50Ms: true, demo: true,
    },
  });
}
