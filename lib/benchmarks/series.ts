// A model's results as lines over concurrency: one series per configuration (hardware,
// precision, workload, engine), one point per concurrency, the best throughput run at each
// (the earlier run on a tie), as the leaderboard picks them.

export interface SeriesSource {
  seq: number;
  hardwareProfileId: string;
  precision: string;
  inputTokens: number;
  outputTokens: number;
  engine: string;
  concurrency: number;
  outputThroughputTps: number;
  ttftP50Ms: number | null;
  tpotP50Ms: number | null;
  demo: boolean;
}

export interface SeriesPoint {
  concurrency: number;
  output_throughput_tps: number;
  ttft_p50_ms: number | null;
  tpot_p50_ms: number | null;
  demo: boolean;
}

export interface Series {
  key: string;
  label: string;
  hardware_profile: string;
  precision: string;
  input_tokens: number;
  output_tokens: number;
  engine: string;
  points: SeriesPoint[];
}

export function toSeries(rows: SeriesSource[]): Series[] {
  const series = new Map<string, { label: string; first: SeriesSource; best: Map<number, SeriesSource> }>();
  for (const row of rows) {
    const key = [row.hardwareProfileId, row.precision, row.inputTokens, row.outputTokens, row.engine].join("|");
    const entry = series.get(key) ?? { label: `${row.hardwareProfileId} · ${row.precision} · ${row.inputTokens}→${row.outputTokens} · ${row.engine}`, first: row, best: new Map() };
    const current = entry.best.get(row.concurrency);
    const better = !current || row.outputThroughputTps > current.outputThroughputTps || (row.outputThroughputTps === current.outputThroughputTps && row.seq < current.seq);
    if (better) entry.best.set(row.concurrency, row);
    series.set(key, entry);
  }
  return [...series.entries()]
    .map(([key, { label, first, best }]) => ({
      key,
      label,
      hardware_profile: first.hardwareProfileId,
      precision: first.precision,
      input_tokens: first.inputTokens,
      output_tokens: first.outputTokens,
      engine: first.engine,
      points: [...best.values()]
        .sort((a, b) => a.concurrency - b.concurrency)
        .map((row) => ({ concurrency: row.concurrency, output_throughput_tps: row.outputThroughputTps, ttft_p50_ms: row.ttftP50Ms, tpot_p50_ms: row.tpotP50Ms, demo: row.demo })),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
