import { describe, expect, it } from "vitest";
import { diffFields } from "./changes";

describe("diffFields", () => {
  it("lists changed fields with before and after, ignoring timestamps", () => {
    expect(diffFields({ a: 1, b: [1], c: "x", updated_at: "t1" }, { a: 1, b: [2], d: true, updated_at: "t2" })).toEqual({
      b: { before: [1], after: [2] }, c: { before: "x", after: null }, d: { before: null, after: true },
    });
    expect(diffFields(null, { name: "m" })).toEqual({ name: { before: null, after: "m" } });
  });
});
