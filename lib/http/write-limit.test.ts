// The token bucket behind WRITE_RATE_LIMIT, on a clock the test moves.
import { describe, expect, it } from "vitest";
import { createTokenBuckets } from "./write-limit";

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe("createTokenBuckets", () => {
  it("allows a burst of the limit, then says how long to wait", () => {
    const time = clock();
    const buckets = createTokenBuckets({ perMinute: 6, now: time.now });
    for (let i = 0; i < 6; i++) expect(buckets.take("a")).toBe(0);
    // One token comes back every 10 s.
    expect(buckets.take("a")).toBe(10);
    time.advance(4_000);
    expect(buckets.take("a")).toBe(6);
    time.advance(6_000);
    expect(buckets.take("a")).toBe(0);
    expect(buckets.take("a")).toBe(10);
  });

  it("keeps each key's bucket apart", () => {
    const buckets = createTokenBuckets({ perMinute: 1, now: clock().now });
    expect(buckets.take("a")).toBe(0);
    expect(buckets.take("a")).toBe(60);
    expect(buckets.take("b")).toBe(0);
  });

  it("refills to the limit and no further", () => {
    const time = clock();
    const buckets = createTokenBuckets({ perMinute: 3, now: time.now });
    for (let i = 0; i < 3; i++) buckets.take("a");
    time.advance(10 * 60_000);
    for (let i = 0; i < 3; i++) expect(buckets.take("a")).toBe(0);
    expect(buckets.take("a")).toBeGreaterThan(0);
  });

  it("forgets the key idle longest when it holds too many, never the one in use", () => {
    const buckets = createTokenBuckets({ perMinute: 1, now: clock().now, maxKeys: 2 });
    buckets.take("old");
    buckets.take("busy");
    buckets.take("busy");
    buckets.take("new");
    // "busy" was kept (still empty), "old" was forgotten (a fresh bucket).
    expect(buckets.take("busy")).toBeGreaterThan(0);
    expect(buckets.take("old")).toBe(0);
  });
});
