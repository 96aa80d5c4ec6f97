// Counts failures per key in a sliding window, in this process's memory. Used to slow down
// password guessing per account and per address; a restart forgets the counts.
export interface Limiter {
  /** Seconds to wait before trying again, or 0 when the key may try now. */
  retryAfter(key: string): number;
  fail(key: string): void;
  reset(key: string): void;
}

export function createLimiter({ limit, windowMs, now = Date.now }: { limit: number; windowMs: number; now?: () => number }): Limiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => {
    const cutoff = now() - windowMs;
    const times = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length) failures.set(key, times);
    else failures.delete(key);
    return times;
  };
  return {
    retryAfter(key) {
      const times = recent(key);
      if (times.length < limit) return 0;
      return Math.max(1, Math.ceil((times[times.length - limit] + windowMs - now()) / 1000));
    },
    fail(key) {
      recent(key);
      failures.set(key, [...(failures.get(key) ?? []), now()]);
      if (failures.size > 100_000) failures.delete(failures.keys().next().value!);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
