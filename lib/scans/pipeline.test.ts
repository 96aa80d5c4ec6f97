// The one-pass file scan without clamd (the integration tests run it with a real clamd): format
// detection, archives, limits, coverage and the verdict.
import { createHash } from "node:crypto";
import { deflateRawSync, gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { crc32, gguf, llamaGguf, safetensors, tar, zip } from "@/tests/fixtures/scans/builders";
import { pythonCorpus, pythonFile } from "@/tests/fixtures/scans/python-corpus";
import { scanFile, overallVerdict, type FileReport } from "./pipeline";
import { chunksOf } from "./scanners/bytes";
import type { ContentLimits } from "./scanners/content";

beforeAll(() => void pythonCorpus(), 60_000);

const scan = (name: string, data: Buffer, options: { chunk?: number; limits?: Partial<ContentLimits>; size?: number } = {}): Promise<FileReport> =>
  scanFile(chunksOf(data, options.chunk ?? 4096), { name, clamd: null, limits: options.limits, size: options.size });
const rules = (report: FileReport) => report.findings.filter((f) => f.scanner !== "clamav").map((f) => f.rule);
const coverage = (report: FileReport) => Object.fromEntries(report.scanners.map((s) => [s.scanner, s.covered]));

describe("one pass over a file", () => {
  it("hashes every byte and reports the size, while the format scanner reads the same chunks", async () => {
    const data = safetensors([{ name: "w", dtype: "F32", shape: [1000, 10] }]);
    const report = await scan("model.safetensors", data, { chunk: 777 });
    expect(report.sha256).toBe(createHash("sha256").update(data).digest("hex"));
    expect(report.size).toBe(data.length);
    expect(report.format).toBe("safetensors");
    expect(report.summaries).toEqual([expect.objectContaining({ scanner: "safetensors", parameters: 10_000 })]);
  });

  it("is never clean when ClamAV did not cover the file", async () => {
    const report = await scan("model.safetensors", safetensors([{ name: "w", dtype: "F32", shape: [4] }]));
    expect(coverage(report)).toMatchObject({ clamav: false, safetensors: true });
    expect(report.findings).toEqual([expect.objectContaining({ scanner: "clamav", rule: "clamav.not_covered", severity: "low" })]);
    expect(report.verdict).toBe("low");
  });

  it("flags a size or SHA-256 that differs from the recorded one", async () => {
    const data = Buffer.from("hello");
    const report = await scanFile(chunksOf(data), { name: "a.txt", clamd: null, size: 6, expectedSha256: "0".repeat(64) });
    expect(rules(report)).toEqual(["integrity.size_mismatch", "integrity.sha256_mismatch"]);
    expect(report.verdict).toBe("high");
  });

  it("combines verdicts: the highest severity, clean only when all are clean", () => {
    expect(overallVerdict(["clean", "clean"])).toBe("clean");
    expect(overallVerdict(["clean", "low", "critical", "medium"])).toBe("critical");
    expect(overallVerdict([])).toBe("clean");
  });
});

describe("pickles in their containers", () => {
  it.each([
    ["torch_zip_evil.pt", "pytorch_zip", "posix.system"],
    ["legacy_torch_evil.pt", "pytorch_legacy", "posix.system"],
    ["array_object_evil.npy", "numpy", "posix.system"],
    ["model_evil.joblib", "joblib", "posix.system"],
    ["second_pickle.pkl", "pickle", "posix.system"],
  ])("%s (%s): finds %s and is critical", async (file, format, label) => {
    const report = await scan(file, pythonFile(file));
    expect(report.format).toBe(format);
    expect(report.imports.map((i) => `${i.module}.${i.name}`)).toContain(label);
    expect(report.verdict).toBe("critical");
  });

  it.each([
    ["torch_zip_clean.pt", "pytorch_zip"],
    ["legacy_torch.pt", "pytorch_legacy"],
    ["torch_state_dict.pkl", "pickle"],
    ["ordered_dict.pkl", "pickle"],
    ["array_object_clean.npy", "numpy"],
    ["array_f4.npy", "numpy"],
    ["model_clean.joblib", "joblib"],
  ])("%s (%s): nothing found by the format scanners", async (file, format) => {
    const report = await scan(file, pythonFile(file));
    expect(report.format).toBe(format);
    expect(rules(report)).toEqual([]);
    expect(report.scanners.filter((s) => s.scanner !== "clamav").every((s) => s.covered)).toBe(true);
  });

  it("reads data.pkl inside a PyTorch zip and says where the import was", async () => {
    const report = await scan("pytorch_model.bin", pythonFile("torch_zip_evil.pt"));
    expect(report.imports).toContainEqual(expect.objectContaining({ module: "posix", name: "system", safety: "dangerous", where: "archive/data.pkl" }));
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: "pickle.dangerous_import", detail: expect.objectContaining({ member: "archive/data.pkl" }) }));
  });

  it("walks a pickle in a gzip file and a zlib-compressed joblib file", async () => {
    const evil = pythonFile("os_system.pkl");
    expect((await scan("weights.pkl.gz", gzipSync(evil))).verdict).toBe("critical");
    const { deflateSync } = await import("node:zlib");
    expect((await scan("model.joblib", deflateSync(pythonFile("model_evil.joblib")))).verdict).toBe("critical");
  });

  it("walks a .npy of objects whatever the header's key order or quotes (numpy reads it as a Python literal)", async () => {
    const npy = (header: string) => {
      const text = Buffer.from(`${header}\n`, "latin1");
      const length = Buffer.alloc(2);
      length.writeUInt16LE(text.length);
      return Buffer.concat([Buffer.from("\x93NUMPY\x01\x00", "latin1"), length, text, pythonFile("os_system.pkl")]);
    };
    for (const header of [`{"descr": "|O", "fortran_order": False, "shape": (1,)}`, `{'shape': (1,), 'fortran_order': False, 'descr': '|O'}`, `{'descr': [('a', '<f4'), ('b', 'O')], 'fortran_order': False, 'shape': (1,)}`]) {
      const report = await scan("objects.npy", npy(header));
      expect(report.format, header).toBe("numpy");
      expect(report.verdict, header).toBe("critical");
    }
  });

  it("walks a .pkl whatever opcode it starts with (Python loads any)", async () => {
    // SHORT_BINUNICODE "os", SHORT_BINUNICODE "system", STACK_GLOBAL, "id", TUPLE1, REDUCE, STOP
    const pickle = Buffer.concat([Buffer.from([0x8c, 2]), Buffer.from("os"), Buffer.from([0x8c, 6]), Buffer.from("system"), Buffer.from([0x93, 0x8c, 2]), Buffer.from("id"), Buffer.from([0x85, 0x52, 0x2e])]);
    const report = await scan("payload.pkl", pickle);
    expect(report.format).toBe("pickle");
    expect(rules(report)).toContain("pickle.dangerous_import");
  });

  it("walks a pickle named .safetensors as a pickle, and refuses it as safetensors", async () => {
    const report = await scan("model.safetensors", pythonFile("os_system.pkl"));
    expect(rules(report)).toContain("pickle.dangerous_import");
    expect(report.findings.some((f) => f.scanner === "safetensors")).toBe(true);
  });
});

describe("archives", () => {
  it("scans zip members as streams, stored and deflated", async () => {
    const archive = zip([
      { name: "model/model.safetensors", data: safetensors([{ name: "w", dtype: "F16", shape: [8, 8] }]), deflate: true },
      { name: "model/model.gguf", data: llamaGguf() },
      { name: "model/evil.pkl", data: pythonFile("builtins_exec.pkl"), deflate: true },
    ]);
    const report = await scan("bundle.zip", archive, { chunk: 100 });
    expect(report.format).toBe("zip");
    expect(report.summaries).toEqual(expect.arrayContaining([
      expect.objectContaining({ scanner: "safetensors", parameters: 64, member: "model/model.safetensors" }),
      expect.objectContaining({ scanner: "gguf", architecture: "llama", member: "model/model.gguf" }),
      expect.objectContaining({ scanner: "archive", kind: "zip", members: 3 }),
    ]));
    expect(report.imports).toContainEqual(expect.objectContaining({ module: "builtins", name: "exec", where: "model/evil.pkl" }));
    expect(report.verdict).toBe("critical");
  });

  it("scans tar and tar.gz members", async () => {
    const archive = tar([{ name: "x/data.pkl", data: pythonFile("subprocess_popen.pkl") }, { name: "x/readme.txt", data: Buffer.from("hi") }]);
    expect((await scan("model.tar", archive)).imports).toContainEqual(expect.objectContaining({ module: "subprocess", name: "Popen", where: "x/data.pkl" }));
    expect((await scan("model.tar.gz", gzipSync(archive))).verdict).toBe("critical");
  });

  it("refuses member names that escape their folder", async () => {
    for (const name of ["../../x", "/etc/passwd", "a/../../x", "..\\..\\x"]) {
      const report = await scan("a.zip", zip([{ name, data: Buffer.from("x") }]));
      expect(report.findings, name).toContainEqual(expect.objectContaining({ scanner: "archive", rule: "archive.path_traversal", severity: "high" }));
    }
    const fine = await scan("a.zip", zip([{ name: "a/./b/../c", data: Buffer.from("x") }]));
    expect(rules(fine)).toEqual([]);
    const tarred = await scan("a.tar", tar([{ name: "../../x", data: Buffer.from("x") }]));
    expect(rules(tarred)).toContain("archive.path_traversal");
  });

  it("stops a zip bomb on its compression ratio, and does not call it covered", async () => {
    // 1 GiB of zeros, compressed once and repeated as the member's stream would be.
    const piece = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
    const report = await scan("bomb.zip", zip([{ name: "zeros.bin", data: Buffer.alloc(0), raw: { compressed: piece, size: 64 * 1024 * 1024 } }]), { chunk: 65536 });
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: "archive.zip_bomb", severity: "high" }));
    expect(coverage(report).archive).toBe(false);
  });

  it("stops at the total uncompressed size and at the nesting depth", async () => {
    const data = Buffer.alloc(300_000, 1);
    const report = await scan("big.zip", zip([{ name: "a.bin", data }, { name: "b.bin", data }]), { limits: { archive: { maxTotalBytes: 400_000, maxRatio: 100, minRatioBytes: 1 << 24, maxDepth: 3, maxMembers: 10 } } });
    expect(rules(report)).toContain("archive.too_large");
    expect(coverage(report).archive).toBe(false);
    let nested = zip([{ name: "evil.pkl", data: pythonFile("os_system.pkl") }]);
    for (let i = 0; i < 4; i++) nested = zip([{ name: `level${i}.zip`, data: nested }]);
    const deep = await scan("deep.zip", nested);
    expect(rules(deep)).toContain("archive.too_deep");
    expect(deep.verdict).not.toBe("clean");
    let shallow = zip([{ name: "evil.pkl", data: pythonFile("os_system.pkl") }]);
    shallow = zip([{ name: "inner.zip", data: shallow }]);
    expect((await scan("two.zip", shallow)).imports).toContainEqual(expect.objectContaining({ where: "inner.zip!/evil.pkl" }));
  });

  it("reports a member the central directory lists but the stream never met, or met with other sizes", async () => {
    // Python's zipfile (so torch.load) finds data.pkl through the central directory even when the
    // local header before it is broken; the stream stops at what looks like the directory.
    const archive = zip([{ name: "readme.txt", data: Buffer.from("hello") }, { name: "notes.txt", data: Buffer.from("hi") }, { name: "archive/data.pkl", data: pythonFile("os_system.pkl") }]);
    const hidden = Buffer.from(archive);
    hidden.writeUInt32LE(0x02014b50, 30 + "readme.txt".length + 5);
    const broken = await scan("model.pt", hidden);
    expect(rules(broken)).toContain("archive.unscanned_member");
    expect(coverage(broken).archive).toBe(false);
    // readme.txt's local header grown, with a matching CRC, to swallow data.pkl: the stream reads the
    // pickle as the readme's text, while a loader finds data.pkl through the directory.
    const swallowed = Buffer.from(archive);
    const start = 30 + "readme.txt".length;
    const span = 5 + 30 + "notes.txt".length + 2 + 30 + "archive/data.pkl".length + pythonFile("os_system.pkl").length;
    swallowed.writeUInt32LE(crc32(swallowed.subarray(start, start + span)), 14);
    swallowed.writeUInt32LE(span, 18);
    swallowed.writeUInt32LE(span, 22);
    const report = await scan("model.pt", swallowed);
    expect(rules(report)).toEqual(["archive.unscanned_member"]);
    expect(report.findings.find((f) => f.rule === "archive.unscanned_member")?.message).toMatch(/"readme.txt" .* method 0 and 5 bytes, its local header with method 0 and \d+ bytes \(and 2 more members\)/);
    expect(rules(await scan("model.pt", archive))).toEqual(["pickle.dangerous_import"]);
  });

  it("reports a truncated zip as not fully scanned", async () => {
    const archive = zip([{ name: "a.bin", data: Buffer.alloc(5000, 7) }]);
    const report = await scan("cut.zip", archive.subarray(0, 2000));
    expect(rules(report)).toContain("archive.truncated");
    expect(coverage(report).archive).toBe(false);
  });

  it("reads GGUF sizes against the file's size", async () => {
    const file = gguf([["general.architecture", { type: "string", value: "phi3" }], ["phi3.context_length", { type: "u32", value: 131072 }]], [{ name: "t", dims: [32], type: 0, bytes: 128 }]);
    const report = await scan("phi.gguf", file, { size: file.length });
    expect(report.summaries[0]).toMatchObject({ architecture: "phi3", context_length: 131072 });
  });
});
