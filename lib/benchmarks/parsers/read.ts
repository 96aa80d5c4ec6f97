// Small readers for result files: they are untyped JSON, so every value is checked as it is read.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A finite number at `key` (numeric strings too, as LLMPerf writes some), else null. */
export function numberAt(object: JsonObject, key: string): number | null {
  const value = object[key];
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** The value at a dotted path such as "perf_analyzer.stimulus.concurrency". */
export function valueAtPath(object: JsonObject, path: string): unknown {
  let current: unknown = object;
  for (const part of path.split(".")) {
    if (!isObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** The first finite number among several dotted paths. */
export function firstNumber(object: JsonObject, paths: string[]): number | null {
  for (const path of paths) {
    const value = valueAtPath(object, path);
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return null;
}

/** A positive whole count (token lengths, concurrency), rounded from a mean; null otherwise. */
export function positiveWhole(value: number | null): number | null {
  if (value === null || !Number.isFinite(value) || value <= 0) return null;
  return Math.max(1, Math.round(value));
}
