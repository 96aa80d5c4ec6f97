// The scan corpus through the whole one-pass pipeline with a real clamd: each file gets the right
// verdict and the right finding. Nothing dangerous passes, nothing harmless is flagged dangerous,
// nothing unscanned reads as clean.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scanFile, type FileReport, type Verdict } from "@/lib/scans/pipeline";
import { chunksOf } from "@/lib/scans/scanners/bytes";
import type { ClamdOptions } from "@/lib/scans/scanners/clamd";
import { EICAR, gguf, llamaGguf, safetensors, safetensorsRaw, zeroBomb, zip } from "@/tests/fixtures/scans/builders";
import { pythonCorpus, pythonFile } from "@/tests/fixtures/scans/python-corpus";
import { CLAMAV_TESTFILES, ensureClamd } from "./support/clamd";

let clamd: ClamdOptions;
beforeAll(async () => {
  clamd = await ensureClamd();
  pythonCorpus();
}, 120_000);

const scan = (name: string, data: Buffer, options: Partial<ClamdOptions> = {}): Promise<FileReport> =>
  scanFile(chunksOf(data, 64 * 1024), { name, size: data.length, clamd: { ...clamd, ...options } });

type Case = [name: string, data: () => Buffer | Promise<Buffer>, verdict: Verdict, rule: string | null];

const ok = { dtype: "F32", shape: [2], data_offsets: [0, 8] };
const header = (h: Record<string, unknown>) => JSON.stringify(h);

const corpus: Case[] = [
  ["eicar.com", () => EICAR, "critical", "clamav.found"],
  ["eicar.zip", () => zip([{ name: "docs/eicar.com", data: EICAR, deflate: true }]), "critical", "clamav.found"],
  ["os_system.pkl", () => pythonFile("os_system.pkl"), "critical", "pickle.dangerous_import"],
  ["builtins_exec.pkl", () => pythonFile("builtins_exec.pkl"), "critical", "pickle.dangerous_import"],
  ["subprocess_popen.pkl", () => pythonFile("subprocess_popen.pkl"), "critical", "pickle.dangerous_import"],
  ["stack_global_memo.pkl", () => pythonFile("stack_global_memo.pkl"), "critical", "pickle.dangerous_import"],
  ["stack_global_memo_hand.pkl", () => pythonFile("stack_global_memo_hand.pkl"), "critical", "pickle.dangerous_import"],
  ["second_pickle.pkl", () => pythonFile("second_pickle.pkl"), "critical", "pickle.dangerous_import"],
  ["pytorch_model.bin", () => pythonFile("torch_zip_evil.pt"), "critical", "pickle.dangerous_import"],
  ["legacy_evil.pt", () => pythonFile("legacy_torch_evil.pt"), "critical", "pickle.dangerous_import"],
  ["objects.npy", () => pythonFile("array_object_evil.npy"), "critical", "pickle.dangerous_import"],
  ["model.joblib", () => pythonFile("model_evil.joblib"), "critical", "pickle.dangerous_import"],
  ["ordered_dict.pkl", () => pythonFile("ordered_dict.pkl"), "clean", null],
  ["state_dict.pkl", () => pythonFile("torch_state_dict.pkl"), "clean", null],
  ["clean_model.pt", () => pythonFile("torch_zip_clean.pt"), "clean", null],
  ["legacy_clean.pt", () => pythonFile("legacy_torch.pt"), "clean", null],
  ["clean.joblib", () => pythonFile("model_clean.joblib"), "clean", null],
  ["weights.npy", () => pythonFile("array_f4.npy"), "clean", null],
  ["model.safetensors", () => safetensors([{ name: "w", dtype: "BF16", shape: [64, 64] }, { name: "b", dtype: "F32", shape: [64] }], { format: "pt" }), "clean", null],
  ["tiny.safetensors", () => Buffer.from([1, 2, 3]), "medium", "safetensors.too_small"],
  ["huge-header.safetensors", () => { const b = Buffer.alloc(16); b.writeBigUInt64LE(200_000_000n); return b; }, "high", "safetensors.header_too_large"],
  ["short.safetensors", () => { const b = Buffer.alloc(20); b.writeBigUInt64LE(64n); return b; }, "medium", "safetensors.truncated"],
  ["latin1.safetensors", () => safetensorsRaw(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]), Buffer.alloc(0)), "medium", "safetensors.header_not_utf8"],
  ["notjson.safetensors", () => safetensorsRaw("{not json}", Buffer.alloc(0)), "medium", "safetensors.header_not_json"],
  ["dup.safetensors", () => safetensorsRaw(`{"w":${header(ok)},"w":${header(ok)}}`, Buffer.alloc(8)), "high", "safetensors.duplicate_key"],
  ["dtype.safetensors", () => safetensorsRaw(header({ w: { ...ok, dtype: "Q4" } }), Buffer.alloc(8)), "medium", "safetensors.unknown_dtype"],
  ["gap.safetensors", () => safetensorsRaw(header({ a: ok, b: { ...ok, data_offsets: [16, 24] } }), Buffer.alloc(24)), "high", "safetensors.offsets_not_contiguous"],
  ["overlap.safetensors", () => safetensorsRaw(header({ a: ok, b: { ...ok, data_offsets: [4, 12] } }), Buffer.alloc(12)), "high", "safetensors.offsets_not_contiguous"],
  ["size.safetensors", () => safetensorsRaw(header({ a: { ...ok, shape: [3] } }), Buffer.alloc(8)), "medium", "safetensors.size_mismatch"],
  ["overflow.safetensors", () => safetensorsRaw(header({ a: { ...ok, shape: [2 ** 50, 2 ** 50], data_offsets: [0, 0] } }), Buffer.alloc(0)), "medium", "safetensors.size_mismatch"],
  ["trailing.safetensors", () => safetensorsRaw(header({ a: ok }), Buffer.alloc(100)), "high", "safetensors.trailing_data"],
  ["cut.safetensors", () => safetensorsRaw(header({ a: ok }), Buffer.alloc(4)), "medium", "safetensors.truncated"],
  ["model.gguf", () => llamaGguf(), "clean", null],
  ["truncated.gguf", () => llamaGguf().subarray(0, 300), "medium", "gguf.truncated"],
  ["cut-data.gguf", () => { const g = gguf([], [{ name: "t", dims: [4096], type: 0, bytes: 16384 }]); return g.subarray(0, g.length - 1000); }, "medium", "gguf.truncated"],
  ["bomb.zip", async () => zip([await zeroBomb("zeros.bin", 64 * 1024 * 1024)]), "high", "archive.zip_bomb"],
  ["traversal.zip", () => zip([{ name: "../../x", data: Buffer.from("hello") }]), "high", "archive.path_traversal"],
  ["README.md", () => Buffer.from("# A model\n\nNothing to see.\n"), "clean", null],
];

describe("the scan corpus, with a real clamd", () => {
  it.each(corpus.map(([name, make, verdict, rule]) => [name, verdict, rule ?? "no finding", make, rule] as const))("%s: %s, %s", async (name, verdict, _label, make, rule) => {
    const report = await scan(name, await make());
    expect(report.verdict, JSON.stringify(report.findings)).toBe(verdict);
    if (rule) expect(report.findings.map((f) => f.rule)).toContain(rule);
    else expect(report.findings).toEqual([]);
    if (verdict === "clean") expect(report.scanners.every((s) => s.covered)).toBe(true);
    expect(report.scanners.find((s) => s.scanner === "clamav")).toBeDefined();
  }, 120_000);

  it("detects EICAR with its signature name, alone and inside a zip", async () => {
    for (const [name, data] of [["eicar.com", EICAR], ["eicar.zip", zip([{ name: "eicar.com", data: EICAR }])]] as const) {
      const report = await scan(name, data);
      expect(report.findings).toContainEqual(expect.objectContaining({
        scanner: "clamav", severity: "critical", rule: "clamav.found", detail: { signature: expect.stringMatching(/^Eicar-Test-Signature/) },
      }));
    }
  });

  const testfiles = readdirSync(CLAMAV_TESTFILES).sort();
  it("finds every file of Debian's clamav-testfiles package", async () => {
    expect(testfiles.length).toBeGreaterThan(30);
    for (const file of testfiles) {
      const report = await scan(file, readFileSync(path.join(CLAMAV_TESTFILES, file)));
      expect(report.verdict, file).toBe("critical");
      expect(report.findings, file).toContainEqual(expect.objectContaining({ scanner: "clamav", rule: "clamav.found" }));
    }
  }, 120_000);

  it("reports a file larger than clamd takes as not covered by ClamAV, never clean", async () => {
    const data = safetensors([{ name: "w", dtype: "F32", shape: [1024, 1024] }]);
    for (const size of [undefined, data.length]) {
      const report = await scanFile(chunksOf(data, 65536), { name: "big.safetensors", size, clamd: { ...clamd, maxStreamBytes: 1024 * 1024 } });
      expect(report.scanners).toContainEqual(expect.objectContaining({ scanner: "clamav", covered: false }));
      expect(report.findings).toEqual([expect.objectContaining({ scanner: "clamav", rule: "clamav.not_covered", severity: "low" })]);
      expect(report.verdict).toBe("low");
    }
  });

  it("maps clamd's own 'size limit exceeded' reply to not covered", async () => {
    const { parseReply } = await import("@/lib/scans/scanners/clamd");
    expect(parseReply("INSTREAM size limit exceeded. ERROR\0")).toEqual({ kind: "not_covered", reason: expect.any(String) });
    expect(parseReply("stream: Heuristics.Limits.Exceeded.MaxFileSize FOUND\0")).toMatchObject({ kind: "not_covered" });
    expect(parseReply("stream: Win.Test.EICAR_HDB-1 FOUND\0")).toEqual({ kind: "found", signature: "Win.Test.EICAR_HDB-1" });
    expect(parseReply("stream: OK\0")).toEqual({ kind: "clean" });
  });
});
