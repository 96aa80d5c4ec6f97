import { describe, expect, it } from "vitest";
import { safetensors, safetensorsRaw } from "@/tests/fixtures/scans/builders";
import { chunksOf } from "./bytes";
import { scanSafetensors } from "./safetensors";

const scan = (data: Buffer, chunk = 5) => scanSafetensors(chunksOf(data, chunk));
const offsets = (header: Record<string, unknown>) => JSON.stringify(header);

describe("safetensors scanner", () => {
  it("takes the inventory of a valid file: tensors, dtypes, exact parameter count, metadata", async () => {
    const file = safetensors(
      [
        { name: "model.embed.weight", dtype: "BF16", shape: [32, 16] },
        { name: "model.norm.weight", dtype: "F32", shape: [16] },
        { name: "lm_head.bias", dtype: "F16", shape: [3, 5, 7] },
      ],
      { format: "pt" },
    );
    const result = await scan(file);
    expect(result.findings).toEqual([]);
    expect(result.summary).toMatchObject({
      tensors: 3,
      parameters: 32 * 16 + 16 + 105,
      dtypes: { BF16: { tensors: 1, parameters: 512 }, F32: { tensors: 1, parameters: 16 }, F16: { tensors: 1, parameters: 105 } },
      metadata: { format: "pt" },
      data_bytes: 1024 + 64 + 210,
    });
  });

  it("accepts a file with no tensors and a header padded with spaces", async () => {
    expect((await scan(safetensorsRaw(`{"__metadata__":{"a":"b"}}`, Buffer.alloc(0)))).findings).toEqual([]);
  });

  const ok = { dtype: "F32", shape: [2], data_offsets: [0, 8] };
  const broken: [string, Buffer, string, string][] = [
    ["a file under 8 bytes", Buffer.from([1, 2, 3]), "safetensors.too_small", "medium"],
    ["a header length over 100 MB", (() => { const b = Buffer.alloc(16); b.writeBigUInt64LE(100_000_001n); return b; })(), "safetensors.header_too_large", "high"],
    ["a header running past the end of the file", (() => { const b = Buffer.alloc(20); b.writeBigUInt64LE(64n); b.write("{}", 8); return b; })(), "safetensors.truncated", "medium"],
    ["a header that is not UTF-8", safetensorsRaw(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), Buffer.alloc(0)), "safetensors.header_not_utf8", "medium"],
    ["a header that is not JSON", safetensorsRaw(`{"a": {"dtype": "F32",`, Buffer.alloc(0)), "safetensors.header_not_json", "medium"],
    ["a header with a duplicate key", safetensorsRaw(`{"w":${JSON.stringify(ok)},"w":${JSON.stringify(ok)}}`, Buffer.alloc(8)), "safetensors.duplicate_key", "high"],
    ["an unknown dtype", safetensorsRaw(offsets({ w: { ...ok, dtype: "F128" } }), Buffer.alloc(8)), "safetensors.unknown_dtype", "medium"],
    ["offsets with a gap", safetensorsRaw(offsets({ a: ok, b: { ...ok, data_offsets: [12, 20] } }), Buffer.alloc(20)), "safetensors.offsets_not_contiguous", "high"],
    ["overlapping offsets", safetensorsRaw(offsets({ a: ok, b: { ...ok, data_offsets: [4, 12] } }), Buffer.alloc(12)), "safetensors.offsets_not_contiguous", "high"],
    ["offsets not starting at 0", safetensorsRaw(offsets({ a: { ...ok, data_offsets: [8, 16] } }), Buffer.alloc(16)), "safetensors.offsets_not_contiguous", "high"],
    ["a size that is not shape x dtype", safetensorsRaw(offsets({ a: { ...ok, shape: [3] } }), Buffer.alloc(8)), "safetensors.size_mismatch", "medium"],
    ["a shape whose product overflows 64 bits", safetensorsRaw(offsets({ a: { ...ok, shape: [2 ** 40, 2 ** 40, 2 ** 8], data_offsets: [0, 0] } }), Buffer.alloc(0)), "safetensors.size_mismatch", "medium"],
    ["data beyond the last tensor", safetensorsRaw(offsets({ a: ok }), Buffer.alloc(9)), "safetensors.trailing_data", "high"],
    ["data short of the last tensor", safetensorsRaw(offsets({ a: ok }), Buffer.alloc(7)), "safetensors.truncated", "medium"],
    ["metadata that is not strings", safetensorsRaw(offsets({ __metadata__: { n: 1 } }), Buffer.alloc(0)), "safetensors.bad_metadata", "medium"],
    ["a negative offset", safetensorsRaw(offsets({ a: { ...ok, data_offsets: [-8, 0] } }), Buffer.alloc(0)), "safetensors.bad_offsets", "medium"],
  ];

  it.each(broken)("rejects %s", async (_label, file, rule, severity) => {
    for (const chunk of [1, 7, 1 << 16]) {
      const result = await scan(file, chunk);
      expect(result.findings).toEqual([expect.objectContaining({ scanner: "safetensors", rule, severity })]);
      expect(result.covered).toBe(true);
    }
  });
});
