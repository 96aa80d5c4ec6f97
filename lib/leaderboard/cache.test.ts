import { describe, expect, it } from "vitest";
import { AnswerCache } from "./cache";

describe("AnswerCache", () => {
  it("answers fresh, then stale, then not at all, and drops the oldest beyond its size", () => {
    let now = 0;
    const cache = new AnswerCache<number>(1000, 5000, 2, () => now);
    cache.set("a", 1);
    expect(cache.lookup("a")).toEqual({ value: 1, fresh: true });
    now = 1000;
    expect(cache.lookup("a")).toEqual({ value: 1, fresh: false });
    now = 5000;
    expect(cache.lookup("a")).toBeUndefined();
    cache.set("b", 2);
    cache.set("c", 3);
    cache.set("d", 4);
    expect([cache.lookup("b"), cache.lookup("c")?.value, cache.lookup("d")?.value]).toEqual([undefined, 3, 4]);
    cache.delete("c");
    expect(cache.lookup("c")).toBeUndefined();
    cache.clear();
    expect(cache.lookup("d")).toBeUndefined();
  });
});
