// Bounds every fuzz case must stay within: it settles within a time limit (a parser stuck on a
// promise that never settles fails the case instead of hanging the run; one that settles late
// fails on its measured time), and the memory it leaves in use, and the process's peak, stay
// under limits (a parser must not allocate what a header declares before checking it). A loop
// that never yields cannot be interrupted from the same thread: it would stall the test file, and
// the run would never finish (CI's time limit is what ends it).

/** Generous for a loaded 2-core machine; fuzz inputs are at most tens of kilobytes. */
export const CASE_TIME_LIMIT_MS = 2_000;
/** Heap and buffers still in use just after a case, over what was in use before it. */
export const CASE_MEMORY_LIMIT_BYTES = 64 * 1024 ** 2;
/** Growth of the process's peak resident memory during a case (catches what was freed before the end). */
export const CASE_PEAK_LIMIT_BYTES = 256 * 1024 ** 2;

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function inUse(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** The process's peak resident memory so far, in bytes (only ever grows). */
function peakResidentBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

/**
 * Runs one case. Resolves with what the work returned or threw; rejects (failing the property)
 * when it does not settle in time or leaves too much memory in use.
 */
export async function boundedCase<T>(what: string, work: () => Promise<T>, limitMs = CASE_TIME_LIMIT_MS): Promise<Settled<T>> {
  const before = inUse();
  const peakBefore = peakResidentBytes();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), limitMs)));
  const settled = work().then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error }),
  );
  const outcome = await Promise.race([settled, timeout]);
  clearTimeout(timer);
  if (outcome === "timeout") throw new Error(`${what}: did not settle within ${limitMs} ms (a hang)`);
  const elapsed = performance.now() - started;
  if (elapsed > limitMs) throw new Error(`${what}: took ${Math.round(elapsed)} ms, over the ${limitMs} ms limit`);
  const grown = inUse() - before;
  if (grown > CASE_MEMORY_LIMIT_BYTES) throw new Error(`${what}: left ${mib(grown)} more in use, over the ${mib(CASE_MEMORY_LIMIT_BYTES)} limit`);
  const peak = peakResidentBytes() - peakBefore;
  if (peak > CASE_PEAK_LIMIT_BYTES) throw new Error(`${what}: the peak resident memory grew by ${mib(peak)}, over the ${mib(CASE_PEAK_LIMIT_BYTES)} limit`);
  return outcome;
}
