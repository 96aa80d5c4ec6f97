// One unit system for stored benchmarks: latencies in milliseconds, rates per second. The tools
// write seconds (LLMPerf), milliseconds (vLLM) or whatever their `unit` field says (GenAI-Perf).

const toMs: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  "µs": 1e-3,
  ms: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
};

export function secondsToMs(seconds: number): number {
  return seconds * 1000;
}

/** A duration in `unit` as milliseconds; null when the unit is not a time unit we know. */
export function durationToMs(value: number, unit: string): number | null {
  const factor = ownFactor(toMs, unit.trim().toLowerCase());
  return factor === undefined ? null : value * factor;
}

const perSecond: Record<string, number> = { s: 1, sec: 1, second: 1, min: 1 / 60, minute: 1 / 60 };

/**
 * A rate such as "tokens/sec", "requests/min" or (older GenAI-Perf) "request per sec" as per
 * second; null for a unit we do not know.
 */
export function rateToPerSecond(value: number, unit: string): number | null {
  const per = /(?:\/|\bper\s+)([a-z]+?)s?$/.exec(unit.trim().toLowerCase())?.[1];
  const factor = per === undefined ? undefined : ownFactor(perSecond, per);
  return factor === undefined ? null : value * factor;
}

/** The table's own entry only: a unit named "constructor" must not find Object's and turn a figure into NaN. */
function ownFactor(table: Record<string, number>, unit: string): number | undefined {
  return Object.hasOwn(table, unit) ? table[unit] : undefined;
}
