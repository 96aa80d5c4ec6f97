import { describe, expect, it } from "vitest";
import { ggufFile, llamaGgufTensors } from "@/scripts/hub-standin/gguf-file";
import type { VirtualFile } from "@/scripts/hub-standin/virtual-file";
import { GgufFormatError, metadataNumber, metadataString, readGgufHeader } from "./gguf";

const layout = { layers: 22, hidden: 2048, intermediate: 5632, heads: 32, kvHeads: 4, vocab: 32000 };
const tokens = Array.from({ length: layout.vocab }, (_, i) => `▁token${i}`);

function tinyLlama(): VirtualFile {
  return ggufFile(
    {
      "general.architecture": { type: "string", value: "llama" },
      "llama.context_length": { type: "u32", value: 2048 },
      "llama.block_count": { type: "u32", value: 22 },
      "tokenizer.ggml.tokens": { type: "strings", value: tokens },
      "tokenizer.ggml.scores": { type: "f32s", value: tokens.map((_, i) => -i) },
      "general.license": { type: "string", value: "apache-2.0" },
    },
    llamaGgufTensors(layout, "Q4_K", "Q6_K"),
  );
}

function reader(file: VirtualFile) {
  const reads: [number, number][] = [];
  return { reads, read: async (start: number, end: number) => (reads.push([start, end]), new Uint8Array(file.read(start, end))) };
}

describe("readGgufHeader", () => {
  it("counts every tensor's elements and reads the metadata after a large vocabulary", async () => {
    const file = tinyLlama();
    const { read, reads } = reader(file);
    const header = await readGgufHeader(read, file.size, 64 * 1024);
    expect(header.parameterCount).toBe(1_100_048_384);
    expect(header.tensorCount).toBe(2 + 22 * 9 + 1);
    expect(metadataString(header, "general.architecture")).toBe("llama");
    expect(metadataString(header, "general.license")).toBe("apache-2.0");
    expect(metadataNumber(header, "llama.context_length")).toBe(2048);
    expect(header.metadata["tokenizer.ggml.tokens"]).toEqual({ array: "string", length: 32000 });
    // Only the header was read, in a few growing reads, never the gigabyte of tensor data.
    const fetched = reads.reduce((sum, [start, end]) => sum + end - start, 0);
    expect(fetched).toBeLessThan(header.headerBytes * 2 + 64 * 1024);
    expect(file.size).toBeGreaterThan(500_000_000);
    expect(reads.length).toBeLessThanOrEqual(6);
  });

  it("keeps short arrays whole", async () => {
    const file = ggufFile({ "x.ids": { type: "i32s", value: [1, 2, 3] } }, []);
    const header = await readGgufHeader(reader(file).read, file.size);
    expect(header.metadata["x.ids"]).toEqual({ array: "i32", length: 3, values: [1, 2, 3] });
    expect(header.parameterCount).toBe(0);
  });

  it("refuses a file that is not GGUF, an unknown version and a header running past the end", async () => {
    const bytes = new Uint8Array(64);
    await expect(readGgufHeader(async (s, e) => bytes.subarray(s, e), 64)).rejects.toThrow(GgufFormatError);
    const file = tinyLlama();
    const head = new Uint8Array(file.read(0, 64));
    head[4] = 9;
    await expect(readGgufHeader(async (s, e) => head.subarray(s, e), 64)).rejects.toThrow(/version 9/);
    const truncated = 300_000;
    await expect(readGgufHeader(async (s, e) => new Uint8Array(file.read(s, Math.min(e, truncated))), truncated)).rejects.toThrow(/past the end/);
  });
});
