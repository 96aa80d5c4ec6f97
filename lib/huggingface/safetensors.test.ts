import { describe, expect, it } from "vitest";
import { decoderTensors, parameterSum } from "@/scripts/hub-standin/shapes";
import { bufferFile, safetensorsFile, type VirtualFile } from "@/scripts/hub-standin/virtual-file";
import { guessHeaderBytes, readSafetensorsHeader, SafetensorsFormatError, shardsOfIndex, summarizeHeader } from "./safetensors";

const qwen = decoderTensors({ layers: 24, hidden: 896, intermediate: 4864, heads: 14, kvHeads: 2, vocab: 151936, tied: true, qkvBias: true, dtype: "BF16" });

function reader(file: VirtualFile) {
  const reads: [number, number][] = [];
  return { reads, read: async (start: number, end: number) => (reads.push([start, end]), new Uint8Array(file.read(start, end))) };
}

function fileWithHeader(header: Record<string, unknown>, dataBytes: number): VirtualFile {
  const json = JSON.stringify(header);
  const bytes = Buffer.alloc(8 + json.length + dataBytes);
  bytes.writeBigUInt64LE(BigInt(json.length));
  bytes.write(json, 8);
  return bufferFile(bytes);
}

describe("readSafetensorsHeader", () => {
  it("sums every tensor's shape from the header alone, in one read when the guess covers it", async () => {
    const file = safetensorsFile(qwen);
    const { read, reads } = reader(file);
    const summary = await readSafetensorsHeader(read, file.size, "model.safetensors", guessHeaderBytes(qwen.map((t) => t.name)));
    expect(summary.parameters).toBe(494_032_768);
    expect(summary.parameters).toBe(parameterSum(qwen));
    expect(summary.tensors).toBe(qwen.length);
    expect(reads).toHaveLength(1);
    expect(reads[0][1]).toBeLessThan(summary.headerBytes * 1.5);
  });

  it("reads the rest of a header longer than the guess, and nothing past it", async () => {
    const file = safetensorsFile(qwen);
    const { read, reads } = reader(file);
    const summary = await readSafetensorsHeader(read, file.size, "model.safetensors", 1024);
    expect(reads).toEqual([[0, 1024], [1024, summary.headerBytes]]);
    expect(summary.parameters).toBe(494_032_768);
  });

  it("refuses headers that break the format's rules", async () => {
    const read = (file: VirtualFile) => readSafetensorsHeader(reader(file).read, file.size, "x.safetensors");
    const tensor = (offsets: [number, number], dtype = "F32", shape = [2]) => ({ dtype, shape, data_offsets: offsets });
    await expect(read(fileWithHeader({ a: tensor([0, 8]) }, 8))).resolves.toMatchObject({ parameters: 2 });
    await expect(read(fileWithHeader({ a: tensor([0, 8]), b: tensor([12, 20]) }, 20))).rejects.toThrow(/gap or overlap/);
    await expect(read(fileWithHeader({ a: tensor([0, 8]), b: tensor([4, 12]) }, 12))).rejects.toThrow(/gap or overlap/);
    await expect(read(fileWithHeader({ a: tensor([0, 6]) }, 6))).rejects.toThrow(/not the 8/);
    await expect(read(fileWithHeader({ a: tensor([0, 8], "Q9") }, 8))).rejects.toThrow(/unknown dtype/);
    await expect(read(fileWithHeader({ a: tensor([0, 8]) }, 16))).rejects.toThrow(/file is/);
    await expect(read(bufferFile(Buffer.from([1, 2, 3])))).rejects.toThrow(/under 8 bytes/);
    const huge = Buffer.alloc(16);
    huge.writeBigUInt64LE(2n ** 40n);
    await expect(read(bufferFile(huge))).rejects.toThrow(/100 MB/);
    const notJson = Buffer.alloc(12);
    notJson.writeBigUInt64LE(4n);
    notJson.write("{{{{", 8);
    await expect(read(bufferFile(notJson))).rejects.toThrow(SafetensorsFormatError);
  });

  it("counts sub-byte dtypes by their bits", () => {
    expect(summarizeHeader({ w: { dtype: "F4", shape: [4, 4], data_offsets: [0, 8] } }, 10, 26, "f4").parameters).toBe(16);
  });
});

describe("shardsOfIndex", () => {
  it("groups tensors by shard and refuses paths that leave the repo", () => {
    const shards = shardsOfIndex({ weight_map: { a: "model-1.safetensors", b: "model-2.safetensors", c: "model-1.safetensors" } }, "index");
    expect([...shards]).toEqual([["model-1.safetensors", ["a", "c"]], ["model-2.safetensors", ["b"]]]);
    expect(() => shardsOfIndex({ weight_map: { a: "../other/model.safetensors" } }, "index")).toThrow(/unsafe/);
    expect(() => shardsOfIndex({}, "index")).toThrow(/no weight_map/);
  });
});
