import { describe, expect, it } from "vitest";
import { createLimiter } from "./rate-limit";

describe("createLimiter", () => {
  it("blocks after the limit within the window, says how long to wait, and forgets old failures", () => {
    let clock = 0;
    const limiter = createLimiter({ limit: 3, windowMs: 60_000, now: () => clock });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("a")).toBe(0);
      limiter.fail("a");
      clock += 1000;
    }
    expect(limiter.retryAfter("a")).toBe(57);
    expect(limiter.retryAfter("b")).toBe(0);
    clock = 60_001;
    expect(limiter.retryAfter("a")).toBe(0);
    limiter.fail("a");
    limiter.reset("a");
    expect(limiter.retryAfter("a")).toBe(0);
  });
});
