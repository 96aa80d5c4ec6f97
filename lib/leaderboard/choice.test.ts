import { describe, expect, it } from "vitest";
import { chooseBucket, parseWorkload, type BucketSummary } from "./choice";

const b = (hardware_profile: string, precision: string, input_tokens: number, output_tokens: number, concurrency: number, models: number): BucketSummary =>
  ({ hardware_profile, precision, input_tokens, output_tokens, concurrency, models });

// Fullest first, as the leaderboard lists them.
const buckets = [
  b("h100-80gb-x1", "bf16", 1024, 256, 16, 9),
  b("h100-80gb-x1", "bf16", 1024, 256, 64, 7),
  b("l4-24gb-x1", "bf16", 512, 128, 1, 5),
  b("h100-80gb-x1", "fp8", 1024, 256, 16, 4),
  b("h100-80gb-x1", "bf16", 4096, 512, 16, 3),
  b("l4-24gb-x1", "int4", 512, 128, 4, 2),
];

describe("chooseBucket", () => {
  it("shows the fullest bucket when nothing is asked for", () => {
    const choice = chooseBucket(buckets, {});
    expect(choice.bucket).toEqual({ hardware_profile: "h100-80gb-x1", precision: "bf16", input_tokens: 1024, output_tokens: 256, concurrency: 16 });
    expect(choice.relaxed).toEqual([]);
  });

  it("takes what is asked for, and offers each picker only what exists under the pickers above it", () => {
    const choice = chooseBucket(buckets, { hardware_profile: "l4-24gb-x1", precision: "int4", input_tokens: 512, output_tokens: 128, concurrency: 4 });
    expect(choice.bucket).toEqual({ hardware_profile: "l4-24gb-x1", precision: "int4", input_tokens: 512, output_tokens: 128, concurrency: 4 });
    expect(choice.options).toEqual({ hardware_profile: ["h100-80gb-x1", "l4-24gb-x1"], precision: ["bf16", "int4"], workload: ["512:128"], concurrency: [4] });
  });

  it("lets a value that does not exist under the others give way, and says which", () => {
    const choice = chooseBucket(buckets, { hardware_profile: "l4-24gb-x1", precision: "bf16", input_tokens: 512, output_tokens: 128, concurrency: 64 });
    expect(choice.bucket?.concurrency).toBe(1);
    expect(choice.relaxed).toEqual(["concurrency"]);
    const unknownProfile = chooseBucket(buckets, { hardware_profile: "tpu-v5", precision: "fp8" });
    expect(unknownProfile.bucket).toMatchObject({ hardware_profile: "h100-80gb-x1", precision: "fp8", concurrency: 16 });
    expect(unknownProfile.relaxed).toEqual(["hardware_profile"]);
  });

  it("offers concurrencies in order and answers null when there are no buckets", () => {
    expect(chooseBucket(buckets, { precision: "bf16", input_tokens: 1024, output_tokens: 256 }).options.concurrency).toEqual([16, 64]);
    expect(chooseBucket([], {}).bucket).toBeNull();
  });
});

describe("parseWorkload", () => {
  it("reads input:output token counts", () => {
    expect(parseWorkload("1024:256")).toEqual({ input_tokens: 1024, output_tokens: 256 });
    expect(parseWorkload("1024")).toBeNull();
    expect(parseWorkload(undefined)).toBeNull();
  });
});
