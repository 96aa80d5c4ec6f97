// The fuzz bounds themselves: a case that hangs, runs long or keeps a large allocation fails.
import { describe, expect, it } from "vitest";
import { boundedCase, CASE_MEMORY_LIMIT_BYTES } from "./fuzz-limits";

describe("boundedCase", () => {
  it("passes on what the work returned or threw", async () => {
    expect(await boundedCase("ok", async () => 1)).toEqual({ ok: true, value: 1 });
    const error = new Error("refused");
    expect(await boundedCase("refused", () => Promise.reject(error))).toEqual({ ok: false, error });
  });

  it("fails a case that never settles, or that settles after the limit", async () => {
    await expect(boundedCase("hang", () => new Promise(() => {}), 200)).rejects.toThrow(/hang: did not settle within 200 ms/);
    const busy = async () => {
      const start = Date.now();
      while (Date.now() - start < 300);
    };
    await expect(boundedCase("busy", busy, 200)).rejects.toThrow(/busy: took \d+ ms, over the 200 ms limit/);
  });

  it("fails a case that keeps more memory than the limit", async () => {
    const kept: Buffer[] = [];
    await expect(boundedCase("greedy", async () => void kept.push(Buffer.alloc(CASE_MEMORY_LIMIT_BYTES + 16 * 1024 ** 2, 1)))).rejects.toThrow(/greedy: left .* MiB more in use/);
    expect(kept).toHaveLength(1);
  });
});
