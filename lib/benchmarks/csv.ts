// Benchmarks as CSV (GET /api/v1/benchmarks with Accept: text/csv): every row the filters
// match, in the list's order, streamed in batches so a large export never sits in memory.
import { countBenchmarks, findBenchmarks } from "./queries";
import type { ListBenchmarksQuery } from "./schema";
import { toBenchmarkDto } from "./service";
import type { BenchmarkDto } from "./schema";

const BATCH = 2000;
/** An export stops here; X-Export-Truncated says so. Narrow the filters for more. */
export const MAX_CSV_ROWS = 200_000;

const stats = ["mean", "p50", "p90", "p95", "p99"] as const;
const distributions = ["ttft_ms", "tpot_ms", "itl_ms", "e2e_latency_ms"] as const;

const columns: [string, (b: BenchmarkDto) => string | number | boolean | null][] = [
  ["id", (b) => b.id],
  ["model_id", (b) => b.model_id],
  ["model_name", (b) => b.model_name],
  ["hardware_profile", (b) => b.hardware_profile],
  ["engine", (b) => b.configuration.engine],
  ["engine_version", (b) => b.configuration.engine_version],
  ["precision", (b) => b.configuration.precision],
  ["input_tokens", (b) => b.configuration.input_tokens],
  ["output_tokens", (b) => b.configuration.output_tokens],
  ["concurrency", (b) => b.configuration.concurrency],
  ["num_gpus", (b) => b.configuration.num_gpus],
  ...distributions.flatMap((name) =>
    stats.map((stat) => [`${name.replace(/_ms$/, "")}_${stat}_ms`, (b: BenchmarkDto) => b.metrics[name]?.[stat] ?? null] as [string, (b: BenchmarkDto) => number | null]),
  ),
  ["output_throughput_tps", (b) => b.metrics.output_throughput_tps],
  ["total_throughput_tps", (b) => b.metrics.total_throughput_tps],
  ["request_throughput_rps", (b) => b.metrics.request_throughput_rps],
  ["error_rate", (b) => b.metrics.error_rate],
  ["completed_requests", (b) => b.metrics.completed_requests],
  ["duration_s", (b) => b.metrics.duration_s],
  ["output_throughput_per_gpu", (b) => b.output_throughput_per_gpu],
  ["cost_per_million_tokens", (b) => b.cost_per_million_tokens],
  ["source", (b) => b.source],
  ["demo", (b) => b.demo],
  ["created_at", (b) => b.created_at],
];

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  // Quote what would break the row, and defuse spreadsheet formulas in text fields.
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvHeader = columns.map(([name]) => name).join(",") + "\r\n";

export function csvRow(benchmark: BenchmarkDto): string {
  return columns.map(([, read]) => csvField(read(benchmark))).join(",") + "\r\n";
}

export function benchmarksCsv(query: ListBenchmarksQuery, total: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const limit = Math.min(total, MAX_CSV_ROWS);
  let offset = 0;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvHeader));
        return;
      }
      if (offset >= limit) return controller.close();
      const rows = await findBenchmarks(query, offset, Math.min(BATCH, limit - offset));
      offset += rows.length;
      if (rows.length === 0) return controller.close();
      controller.enqueue(encoder.encode(rows.map((row) => csvRow(toBenchmarkDto(row))).join("")));
    },
  });
}

/** The export of every benchmark the query's filters match (its paging is ignored). */
export async function exportBenchmarks(query: ListBenchmarksQuery): Promise<{ stream: ReadableStream<Uint8Array>; total: number; truncated: boolean }> {
  const total = await countBenchmarks(query);
  return { stream: benchmarksCsv(query, total), total, truncated: total > MAX_CSV_ROWS };
}
