import { describe, expect, it } from "vitest";
import { gguf, llamaGguf } from "@/tests/fixtures/scans/builders";
import { chunksOf } from "./bytes";
import { scanGguf } from "./gguf";

const scan = (data: Buffer, chunk = 13, size: number | undefined = data.length) => scanGguf(chunksOf(data, chunk), { size });

describe("GGUF scanner", () => {
  it("reads architecture, name, license, context length and quantization from a valid file", async () => {
    const file = llamaGguf();
    for (const chunk of [1, 13, 1 << 16]) {
      const result = await scan(file, chunk);
      expect(result.findings).toEqual([]);
      expect(result.summary).toMatchObject({
        version: 3, tensors: 2, parameters: 64 * 4 + 64, architecture: "llama", name: "Tiny Llama Test",
        license: "apache-2.0", context_length: 4096, quantization: "Q8_0", tensor_types: { Q8_0: 1, F32: 1 },
      });
    }
  });

  it("names the commonest tensor type when general.file_type is missing", async () => {
    const file = gguf([["general.architecture", { type: "string", value: "qwen2" }]], [
      { name: "a", dims: [256, 2], type: 12, bytes: 2 * 144 }, { name: "b", dims: [256], type: 12, bytes: 144 }, { name: "c", dims: [8], type: 0, bytes: 32 },
    ]);
    expect((await scan(file)).summary).toMatchObject({ quantization: "Q4_K", context_length: null });
  });

  it("reports a file cut inside its header or its tensor data as truncated", async () => {
    const file = llamaGguf();
    for (const cut of [3, 30, 200, file.length - 10]) {
      const result = await scan(file.subarray(0, cut), 13, cut);
      expect(result.findings, `cut at ${cut}`).toEqual([expect.objectContaining({ scanner: "gguf", rule: "gguf.truncated", severity: "medium" })]);
    }
  });

  it("refuses counts and lengths that run past the file or would allocate absurd amounts", async () => {
    const header = (tensors: bigint, kvs: bigint, rest: Buffer = Buffer.alloc(0)) => {
      const b = Buffer.alloc(24);
      b.write("GGUF", 0);
      b.writeUInt32LE(3, 4);
      b.writeBigUInt64LE(tensors, 8);
      b.writeBigUInt64LE(kvs, 16);
      return Buffer.concat([b, rest]);
    };
    expect((await scan(header(10n ** 12n, 0n))).findings[0]).toMatchObject({ rule: "gguf.absurd_count", severity: "high" });
    expect((await scan(header(0n, 2n ** 40n))).findings[0]).toMatchObject({ rule: "gguf.absurd_count", severity: "high" });
    const key = Buffer.alloc(8);
    key.writeBigUInt64LE(50_000_000n); // a 50 MB key in a 40-byte file
    expect((await scan(header(0n, 1n, key))).findings[0]).toMatchObject({ rule: "gguf.length_past_end", severity: "high" });
    const array = Buffer.concat([Buffer.from([1, 0, 0, 0, 0, 0, 0, 0]), Buffer.from("k"), Buffer.from([9, 0, 0, 0, 4, 0, 0, 0]), Buffer.from([0xe8, 0x03, 0, 0, 0, 0, 0, 0])]);
    expect((await scan(header(0n, 1n, array))).findings[0]).toMatchObject({ rule: "gguf.length_past_end", severity: "high" });
  });

  it("refuses a wrong magic, an unknown version, a misaligned or unknown tensor", async () => {
    expect((await scan(Buffer.from("GGML0000000000000000000000"))).findings[0]).toMatchObject({ rule: "gguf.bad_magic" });
    const v9 = llamaGguf();
    v9.writeUInt32LE(9, 4);
    expect((await scan(v9)).findings[0]).toMatchObject({ rule: "gguf.unsupported_version" });
    const unknown = gguf([], [{ name: "x", dims: [4], type: 77, bytes: 16 }]);
    expect((await scan(unknown)).findings[0]).toMatchObject({ rule: "gguf.unknown_tensor_type" });
    const notBlocks = gguf([], [{ name: "x", dims: [10], type: 8, bytes: 34 }]);
    expect((await scan(notBlocks)).findings[0]).toMatchObject({ rule: "gguf.bad_tensor" });
  });
});
