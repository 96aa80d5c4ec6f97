import { describe, expect, it } from "vitest";
import { durationToMs, rateToPerSecond, secondsToMs } from "./units";

describe("unit conversion", () => {
  it("turns seconds into milliseconds", () => {
    expect(secondsToMs(0.0932)).toBeCloseTo(93.2, 12);
    expect(secondsToMs(2)).toBe(2000);
  });

  it("reads time units by name", () => {
    expect(durationToMs(1, "ms")).toBe(1);
    expect(durationToMs(1.5, "s")).toBe(1500);
    expect(durationToMs(2, "sec")).toBe(2000);
    expect(durationToMs(3_000_000, "ns")).toBe(3);
    expect(durationToMs(4000, "us")).toBe(4);
    expect(durationToMs(1, "tokens")).toBeNull();
  });

  it("reads rates per second or per minute", () => {
    expect(rateToPerSecond(10, "tokens/sec")).toBe(10);
    expect(rateToPerSecond(10, "requests/s")).toBe(10);
    expect(rateToPerSecond(120, "requests/min")).toBe(2);
    expect(rateToPerSecond(3, "request per sec")).toBe(3);
    expect(rateToPerSecond(3, "tokens")).toBeNull();
  });

  it("knows no unit named after an object's own properties (found by fuzzing: it gave NaN)", () => {
    for (const unit of ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"]) {
      expect(durationToMs(1, unit), unit).toBeNull();
      expect(rateToPerSecond(1, `tokens/${unit}`), unit).toBeNull();
    }
  });
});
