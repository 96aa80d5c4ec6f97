// Writes per caller: a token bucket per actor (a token, a signed-in user, the bootstrap token, or
// an anonymous client's address) holding WRITE_RATE_LIMIT writes, refilled at that many a minute.
// route() asks before anything else is done for a write; past the limit the answer is 429 with
// Retry-After. Kept in this process's memory (a restart forgets it; several instances each count).
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { clientAddress } from "./client-address";
import { AppError } from "./errors";
import type { RequestHead } from "./request-head";
import { processWide } from "@/lib/process-wide";

export interface TokenBuckets {
  /** Takes one token from `key`'s bucket: 0 when there was one, else the seconds until there is. */
  take(key: string): number;
}

export function createTokenBuckets({ perMinute, now = Date.now, maxKeys = 100_000 }: { perMinute: number; now?: () => number; maxKeys?: number }): TokenBuckets {
  const refillPerMs = perMinute / 60_000;
  // Most recently used last, so when the map is full the key idle longest is forgotten.
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: perMinute, at };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (at - bucket.at) * refillPerMs);
      bucket.at = at;
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
    },
  };
}

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);
// One set of buckets per process, whichever copy of this module counts (lib/process-wide.ts).
const limiter = processWide<{ writes?: TokenBuckets }>("write limits", () => ({}));

/**
 * Throws 429 when `actor` has used up its writes. The `system` actor (the server's own jobs) is
 * exempt: it never arrives over HTTP. The bootstrap token is limited like any other credential:
 * it is the most powerful one, and a runaway script holding it should slow down too.
 */
export function limitWrites(actor: Actor, request: RequestHead): void {
  if (readMethods.has(request.method) || env.WRITE_RATE_LIMIT === 0 || actor.type === "system") return;
  limiter.writes ??= createTokenBuckets({ perMinute: env.WRITE_RATE_LIMIT });
  const wait = limiter.writes.take(writerKey(actor, request));
  if (wait === 0) return;
  throw new AppError(
    "rate_limited",
    `Too many writes: at most ${env.WRITE_RATE_LIMIT} a minute for each caller; try again in ${wait} s`,
    { retry_after: wait, limit_per_minute: env.WRITE_RATE_LIMIT },
    { "Retry-After": String(wait) },
  );
}

function writerKey(actor: Actor, request: RequestHead): string {
  switch (actor.type) {
    case "token": return `token:${actor.tokenId}`;
    case "user": return `user:${actor.userId}`;
    case "bootstrap": return "bootstrap";
    default: return `address:${clientAddress(request.headers)}`;
  }
}
