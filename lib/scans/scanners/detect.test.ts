import { describe, expect, it } from "vitest";
import { gguf, safetensors, tar, zip } from "@/tests/fixtures/scans/builders";
import { detectFormat, scannersFor } from "./detect";

describe("format detection", () => {
  it("goes by the bytes first, then by the name", () => {
    expect(detectFormat("x.bin", gguf([], []))).toBe("gguf");
    expect(detectFormat("model.safetensors", safetensors([{ name: "w", dtype: "F32", shape: [2] }]))).toBe("safetensors");
    expect(detectFormat("weights", safetensors([{ name: "w", dtype: "F32", shape: [2] }]))).toBe("safetensors");
    expect(detectFormat("pytorch_model.bin", zip([{ name: "a/data.pkl", data: Buffer.from([0x80, 2, 0x2e]) }]))).toBe("pytorch_zip");
    expect(detectFormat("bundle.zip", zip([]))).toBe("zip");
    expect(detectFormat("model.tar", tar([{ name: "a", data: Buffer.from("a") }]))).toBe("tar");
    expect(detectFormat("model.safetensors", Buffer.from([0x80, 0x04, 0x95]))).toBe("pickle");
    expect(detectFormat("model.joblib", Buffer.from([0x80, 0x04, 0x95]))).toBe("joblib");
    expect(detectFormat("old.pkl", Buffer.from("cos\nsystem\n"))).toBe("pickle");
    expect(detectFormat("README.md", Buffer.from("# hi"))).toBe("other");
    expect(detectFormat("config.json", Buffer.from("{}"))).toBe("other");
  });

  it("adds the scanner a file's name promises", () => {
    expect(scannersFor("pickle", "model.safetensors").sort()).toEqual(["pickle", "safetensors"]);
    expect(scannersFor("other", "notes.txt")).toEqual([]);
    expect(scannersFor("pytorch_zip", "a.pt")).toEqual(["archive"]);
  });
});
