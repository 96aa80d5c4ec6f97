import { describe, expect, it } from "vitest";
import { toSeries, type SeriesSource } from "./series";

let seq = 0;
const row = (overrides: Partial<SeriesSource>): SeriesSource => ({
  seq: ++seq, hardwareProfileId: "h100-80gb-x1", precision: "bf16", inputTokens: 1024, outputTokens: 256, engine: "vllm",
  concurrency: 1, outputThroughputTps: 100, ttftP50Ms: 50, tpotP50Ms: 10, demo: false, ...overrides,
});

describe("toSeries", () => {
  it("draws one line per configuration, a point per concurrency in order, the best run at each", () => {
    const series = toSeries([
      row({ concurrency: 8, outputThroughputTps: 700 }),
      row({ concurrency: 1, outputThroughputTps: 100 }),
      row({ concurrency: 8, outputThroughputTps: 900, ttftP50Ms: 80 }),
      row({ precision: "fp8", concurrency: 1, outputThroughputTps: 150 }),
    ]);
    expect(series.map((s) => s.label)).toEqual(["h100-80gb-x1 · bf16 · 1024→256 · vllm", "h100-80gb-x1 · fp8 · 1024→256 · vllm"]);
    expect(series[0].points.map((p) => [p.concurrency, p.output_throughput_tps, p.ttft_p50_ms])).toEqual([[1, 100, 50], [8, 900, 80]]);
  });

  it("keeps the earlier run on a tie", () => {
    const first = row({ concurrency: 4, outputThroughputTps: 500, ttftP50Ms: 40 });
    const second = row({ concurrency: 4, outputThroughputTps: 500, ttftP50Ms: 99 });
    expect(toSeries([second, first])[0].points[0].ttft_p50_ms).toBe(40);
  });
});
