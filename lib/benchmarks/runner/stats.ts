// Summaries of per-request measurements, computed as vLLM's benchmark does (numpy's default
// linear interpolation between closest ranks), so runner results compare with imported ones.
import type { Distribution } from "../validation";

export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The p-th percentile (0..100) of already sorted values, interpolating linearly. */
export function percentileOfSorted(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = ((sorted.length - 1) * p) / 100;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export function summarize(values: number[]): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    mean: mean(sorted),
    p50: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
  };
}
