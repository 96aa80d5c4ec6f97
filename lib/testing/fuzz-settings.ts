// How many cases property-based tests try, and from which seed: small and fixed by default so CI
// runs are quick and repeatable; FUZZ_RUNS and FUZZ_SEED turn a run into a long benchmark or
// replay a failure. Test tooling, not the app: it reads the environment itself (lib/env.ts is the
// app's), and only the two variables it owns.
export interface FuzzSettings {
  /** Cases per property. */
  numRuns: number;
  seed: number;
}

export const DEFAULT_FUZZ_RUNS = 25;
export const DEFAULT_FUZZ_SEED = 20_240_901;

function integerFrom(name: string, fallback: number, min: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, not "${raw}"`);
  return value;
}

export function fuzzSettings(): FuzzSettings {
  return {
    numRuns: integerFrom("FUZZ_RUNS", DEFAULT_FUZZ_RUNS, 1),
    seed: integerFrom("FUZZ_SEED", DEFAULT_FUZZ_SEED, -(2 ** 31)),
  };
}

/** The one line a fuzz run's totals are read from: `fuzz: <parser> <N> cases, seed <S>`. */
export function logFuzzCases(parser: string, cases: number, seed: number): void {
  console.log(`fuzz: ${parser} ${cases} cases, seed ${seed}`);
}
