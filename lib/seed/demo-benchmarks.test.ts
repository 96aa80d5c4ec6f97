import { describe, expect, it } from "vitest";
import { metricsSchema } from "@/lib/benchmarks/schema";
import { demoBenchmarks } from "./demo-benchmarks";

const models = [
  { id: "00000000-0000-4000-8000-000000000001", name: "demo/8b", parameters: 8 },
  { id: "00000000-0000-4000-8000-000000000002", name: "demo/70b", parameters: 70.6 },
];

describe("demo benchmarks", () => {
  const rows = demoBenchmarks(models);

  it("are valid results, the same on every start", () => {
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) expect(metricsSchema.safeParse(row.metrics).success).toBe(true);
    expect(demoBenchmarks(models)).toEqual(rows);
  });

  it("leave out machines a model does not fit", () => {
    const big = rows.filter((row) => row.model_id === models[1].id);
    expect(big.some((row) => row.hardware_profile === "l4-24gb-x1")).toBe(false);
    expect(big.some((row) => row.hardware_profile === "h100-80gb-x1" && row.configuration.precision === "bf16")).toBe(false);
    expect(big.some((row) => row.hardware_profile === "h100-80gb-x4")).toBe(true);
  });

  it("have the shape of real serving: more concurrency, more throughput and a slower first token", () => {
    const series = rows
      .filter((row) => row.model_id === models[0].id && row.hardware_profile === "h100-80gb-x1" && row.configuration.precision === "bf16" && row.configuration.input_tokens === 1024)
      .sort((a, b) => a.configuration.concurrency - b.configuration.concurrency);
    const throughput = series.map((row) => row.metrics.output_throughput_tps);
    const ttft = series.map((row) => row.metrics.ttft_ms!.p50!);
    expect(throughput).toEqual([...throughput].sort((a, b) => a - b));
    expect(ttft).toEqual([...ttft].sort((a, b) => a - b));
    // An 8B model on one H100 at concurrency 1: tens of milliseconds to the first token, ~10 ms a token.
    expect(series[0].metrics.tpot_ms!.p50).toBeGreaterThan(4);
    expect(series[0].metrics.tpot_ms!.p50).toBeLessThan(20);
  });
});
