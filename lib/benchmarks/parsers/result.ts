// What every result-file parser produces: metrics in our units, and whatever of the workload the
// file itself records (the rest comes from the request's `configuration`).
import type { BenchmarkMetrics } from "../validation";

export const resultTools = ["vllm", "llmperf", "genai_perf"] as const;
export type ResultTool = (typeof resultTools)[number];

export interface FileConfiguration {
  engine?: string;
  engine_version?: string;
  input_tokens?: number;
  output_tokens?: number;
  concurrency?: number;
}

export interface ParsedResult {
  tool: ResultTool;
  metrics: BenchmarkMetrics;
  configuration: FileConfiguration;
}

/** A file that is none of the formats, or one of them with a required figure missing. */
export class ResultFormatError extends Error {
  constructor(message: string, readonly tool: ResultTool | null = null) {
    super(message);
    this.name = "ResultFormatError";
  }
}

/** Drops the keys whose value is null or undefined, so a partial configuration merges cleanly. */
export function definedOnly(configuration: Record<string, string | number | null | undefined>): FileConfiguration {
  return Object.fromEntries(Object.entries(configuration).filter(([, value]) => value !== null && value !== undefined)) as FileConfiguration;
}
