import { describe, expect, it } from "vitest";
import { paretoFront } from "./pareto";

const p = (throughput: number, latency: number, id = `${throughput}/${latency}`) => ({ throughput, latency, id });

describe("paretoFront", () => {
  it("keeps the points nothing beats on both throughput and latency, fastest first", () => {
    const points = [p(100, 50), p(300, 80), p(200, 90), p(500, 200), p(400, 250), p(50, 40)];
    expect(paretoFront(points).map((point) => point.id)).toEqual(["50/40", "100/50", "300/80", "500/200"]);
  });

  it("drops a point equal on one axis and worse on the other, and keeps one of identical points", () => {
    expect(paretoFront([p(100, 50, "a"), p(100, 60, "b"), p(90, 50, "c"), p(100, 50, "d")]).map((point) => point.id)).toEqual(["a"]);
  });

  it("handles nothing and one point", () => {
    expect(paretoFront([])).toEqual([]);
    expect(paretoFront([p(1, 1)])).toHaveLength(1);
  });
});
