// Fuzzes every format scanner (safetensors, GGUF, pickle with its joblib/numpy/legacy-torch forms,
// zip/tar/gzip/zlib archives) through the one-pass pipeline, as production calls it: valid files,
// mutated and truncated, must each settle in time and in bounded memory with a well-formed report;
// no scanner may fail with an error of its own (a TypeError or RangeError reported as "a format
// scanner failed"); and a file a scanner could not read must never read as clean. FUZZ_RUNS and
// FUZZ_SEED (lib/testing/fuzz-settings.ts) set the cases per property and the seed.
import { deflateSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { describeMutations, mutate, mutatedInputs, type MutatedInput, type Mutation, type Seed } from "@/lib/testing/byte-mutations";
import { boundedCase } from "@/lib/testing/fuzz-limits";
import { fuzzSettings, logFuzzCases } from "@/lib/testing/fuzz-settings";
import { gguf, llamaGguf, safetensors, safetensorsRaw, tar, zip } from "@/tests/fixtures/scans/builders";
import { pythonCorpus, pythonFile } from "@/tests/fixtures/scans/python-corpus";
import { scanFile, type FileReport } from "../pipeline";
import { chunksOf } from "./bytes";
import { artifactFormats } from "./detect";
import { maxSeverity, scannerNames, severities } from "./types";

const settings = fuzzSettings();

interface FileSeed extends Seed {
  /** The file's name: detection reads its extension. */
  name: string;
}

const seed = (name: string, data: Buffer, label = name): FileSeed => ({ label, name, data });

function safetensorsSeeds(): FileSeed[] {
  return [
    seed("model.safetensors", safetensors([{ name: "w", dtype: "F32", shape: [4, 4] }, { name: "b", dtype: "F16", shape: [4] }], { format: "pt" })),
    seed("model.safetensors", safetensors([{ name: "e", dtype: "BF16", shape: [8, 8] }, { name: "i", dtype: "I64", shape: [3] }, { name: "m", dtype: "U8", shape: [5] }]), "mixed dtypes"),
    seed("empty.safetensors", safetensorsRaw("{}", Buffer.alloc(0))),
    seed("weights", safetensors([{ name: "w", dtype: "F32", shape: [2, 3] }]), "safetensors by content"),
  ];
}

function ggufSeeds(): FileSeed[] {
  return [
    seed("model.gguf", llamaGguf()),
    seed("v2.gguf", gguf(
      [
        ["general.architecture", { type: "string", value: "phi3" }],
        ["general.alignment", { type: "u32", value: 64 }],
        ["phi3.context_length", { type: "u64", value: 131072n }],
        ["phi3.rope.scale", { type: "f32", value: 1.5 }],
        ["phi3.use_parallel", { type: "bool", value: true }],
      ],
      [{ name: "a", dims: [32, 2], type: 1, bytes: 128 }, { name: "q", dims: [256], type: 12, bytes: 144 }],
      { alignment: 64, version: 2 },
    )),
    seed("empty.gguf", gguf([], [])),
  ];
}

function pickleSeeds(): FileSeed[] {
  return [
    "os_system.pkl", "os_system_p0.pkl", "builtins_exec.pkl", "subprocess_popen_p5.pkl", "stack_global_memo.pkl", "stack_global_unresolved.pkl",
    "second_pickle.pkl", "ordered_dict.pkl", "torch_state_dict.pkl", "legacy_torch.pt", "legacy_torch_evil.pt", "model_clean.joblib",
    "model_evil.joblib", "model_clean_p2.joblib", "array_object_clean.npy", "array_object_evil.npy", "array_f4.npy",
  ].map((file) => seed(file, pythonFile(file)));
}

function archiveSeeds(): FileSeed[] {
  const members = zip([
    { name: "model/model.safetensors", data: safetensors([{ name: "w", dtype: "F16", shape: [4, 4] }]), deflate: true },
    { name: "model/model.gguf", data: gguf([["general.architecture", { type: "string", value: "llama" }]], [{ name: "t", dims: [8], type: 0, bytes: 32 }]) },
    { name: "model/evil.pkl", data: pythonFile("builtins_exec.pkl"), deflate: true },
    { name: "model/readme.txt", data: Buffer.from("hello") },
  ]);
  const tarred = tar([{ name: "x/data.pkl", data: pythonFile("subprocess_popen_p5.pkl") }, { name: "x/readme.txt", data: Buffer.from("hi") }]);
  return [
    seed("pytorch_model.bin", pythonFile("torch_zip_clean.pt"), "torch zip (clean)"),
    seed("model.pt", pythonFile("torch_zip_evil.pt"), "torch zip (evil)"),
    seed("bundle.zip", members),
    seed("nested.zip", zip([{ name: "inner.zip", data: zip([{ name: "evil.pkl", data: pythonFile("os_system.pkl") }]), deflate: true }])),
    seed("model.tar", tarred),
    seed("model.tar.gz", gzipSync(tarred)),
    seed("weights.pkl.gz", gzipSync(pythonFile("os_system.pkl"))),
    seed("model.joblib", deflateSync(pythonFile("model_clean.joblib")), "zlib joblib"),
  ];
}

/** What zlib says of a corrupt stream: the only causes an archive.corrupt finding may carry. */
const ZLIB_MESSAGE = /(incorrect header check|unknown compression method|invalid window size|unknown header flags set|header crc mismatch|invalid block type|invalid stored block lengths|too many length or distance symbols|invalid code lengths set|invalid bit length repeat|invalid code -- missing end-of-block|invalid literal\/lengths set|invalid distances set|invalid literal\/length code|invalid distance code|invalid distance too far back|incorrect data check|incorrect length check|unexpected end of file)$/;

/** The report is well formed, no scanner failed on its own, and what was not read is not clean. */
function checkReport(input: MutatedInput<FileSeed>, report: FileReport): void {
  const context = describeMutations(input);
  expect(artifactFormats, context).toContain(report.format);
  expect(report.size, context).toBe(input.data.length);
  expect(report.sha256, context).toMatch(/^[0-9a-f]{64}$/);
  for (const f of report.findings) {
    expect(scannerNames, context).toContain(f.scanner);
    expect(severities, context).toContain(f.severity);
    expect(f.rule, context).toMatch(/^[a-z0-9_]+\.[a-z0-9_]+$/);
    expect(typeof f.message === "string" && f.message.length > 0, context).toBe(true);
    // The catch-all for an exception escaping a format scanner: always a bug in the scanner.
    expect(f.rule, `${context}: ${f.message}`).not.toBe("scanner.error");
    if (f.rule === "archive.corrupt" && /could not be (read|decompressed): /.test(f.message)) {
      expect(f.message, `${context}: a member's scanner failed`).toMatch(ZLIB_MESSAGE);
    }
  }
  expect(report.verdict, context).toBe(maxSeverity(report.findings.map((f) => f.severity)) ?? "clean");
  // A format scanner that did not read all it applies to must say so with a finding of its own.
  const formatFindings = report.findings.filter((f) => f.scanner !== "clamav");
  if (report.scanners.some((s) => s.scanner !== "clamav" && !s.covered)) expect(formatFindings.length, context).toBeGreaterThan(0);
  // A parse the scanner gave up on is a finding, never silence: a safetensors or GGUF run either
  // read the file (a summary) or refused it (a finding); a zip that yielded no member says why.
  for (const scanner of ["safetensors", "gguf"] as const) {
    if (!report.scanners.some((s) => s.scanner === scanner)) continue;
    const read = report.summaries.some((s) => s.scanner === scanner) || report.findings.some((f) => f.scanner === scanner);
    expect(read, `${context}: the ${scanner} scanner ran but reported neither a summary nor a finding`).toBe(true);
  }
}

/** One case: scanned as production scans a file, within the time and memory bounds, then checked. */
async function scanCase(input: MutatedInput<FileSeed>, chunk: number, sizeKnown: boolean): Promise<FileReport> {
  const outcome = await boundedCase(describeMutations(input), () =>
    scanFile(chunksOf(input.data, chunk), { name: input.seed.name, clamd: null, ...(sizeKnown ? { size: input.data.length } : {}) }),
  );
  if (!outcome.ok) throw new Error(`${describeMutations(input)}: the scan threw ${String(outcome.error)}`);
  checkReport(input, outcome.value);
  return outcome.value;
}

async function fuzzScans(parser: string, makeSeeds: () => FileSeed[]): Promise<void> {
  let cases = 0;
  const property = fc.asyncProperty(mutatedInputs(makeSeeds()), fc.constantFrom(1, 3, 64, 511, 4096, 65536), fc.boolean(), async (input, chunk, sizeKnown) => {
    cases++;
    await scanCase(input, chunk, sizeKnown);
  });
  try {
    await fc.assert(property, { numRuns: settings.numRuns, seed: settings.seed });
  } finally {
    logFuzzCases(parser, cases, settings.seed);
  }
}

const U32_LENGTHS = [0x7fffffffn, 0x80000000n, 0xffffffffn];
const U64_LENGTHS = [2n ** 32n, 2n ** 40n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n];

function withInteger(data: Buffer, at: number, width: 4 | 8, value: bigint): Buffer {
  const out = Buffer.from(data);
  if (width === 4) out.writeUInt32LE(Number(value), at);
  else out.writeBigUInt64LE(value, at);
  return out;
}

/** Small files whose length or count fields declare sizes no file here has: each must be refused or skipped, never allocated. */
function hugeDeclarations(): FileSeed[] {
  const out: FileSeed[] = [];
  const add = (name: string, field: string, data: Buffer, at: number, width: 4 | 8) => {
    for (const value of width === 4 ? U32_LENGTHS : U64_LENGTHS) out.push(seed(name, withInteger(data, at, width, value), `${name}: ${field} = ${value}`));
  };
  add("model.safetensors", "header length", safetensorsRaw("{}", Buffer.alloc(0)), 0, 8);
  // GGUF: tensor count at 8, key-value count at 16, the first key's length at 24; the "k" array's
  // item count at 41 and its first string's length at 49.
  const g = gguf([["k", { type: "strings", value: ["a", "b"] }]], []);
  for (const [field, at] of [["tensor count", 8], ["metadata count", 16], ["key length", 24], ["array count", 41], ["string length", 49]] as const) add("model.gguf", field, g, at, 8);
  // Pickle operands after PROTO 4: BINUNICODE8, BINBYTES8 and BYTEARRAY8 lengths, BINUNICODE and
  // LONG4 lengths, LONG_BINPUT and LONG_BINGET memo indices.
  const op = (code: number, width: 4 | 8) => Buffer.concat([Buffer.from([0x80, 0x04, code]), Buffer.alloc(width), Buffer.from("abc.")]);
  for (const [field, code, width] of [["BINUNICODE8", 0x8d, 8], ["BINBYTES8", 0x8e, 8], ["BYTEARRAY8", 0x96, 8], ["BINUNICODE", 0x58, 4], ["LONG4", 0x8b, 4]] as const) add("model.pkl", `${field} length`, op(code, width), 3, width);
  const memo = (code: number) => Buffer.concat([Buffer.from([0x80, 0x04, 0x4e, code]), Buffer.alloc(4), Buffer.from(".")]);
  add("model.pkl", "LONG_BINPUT index", memo(0x72), 4, 4);
  add("model.pkl", "LONG_BINGET index", memo(0x6a), 4, 4);
  // Zip: a stored member's compressed and uncompressed sizes (0xffffffff means "in the zip64 field").
  const z = zip([{ name: "data.pkl", data: pythonFile("os_system.pkl") }]);
  add("model.zip", "compressed size", z, 18, 4);
  add("model.zip", "uncompressed size", z, 22, 4);
  // Tar: a member's size in base-256, as tar writes sizes past 8 GiB.
  const t = tar([{ name: "data.pkl", data: pythonFile("os_system.pkl") }]);
  for (const value of U64_LENGTHS) {
    const header = Buffer.from(t);
    header.fill(0, 124, 136);
    header[124] = 0x80;
    header.writeBigUInt64BE(value, 128);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
    header.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
    out.push(seed("model.tar", header, `model.tar: member size = ${value}`));
  }
  return out;
}

interface Regression {
  bug: string;
  seeds: () => FileSeed[];
  label: string;
  mutations: Mutation[];
  chunk: number;
  sizeKnown: boolean;
}

/** Inputs fuzzing found that broke a scanner, kept as found (each failed before its fix). */
const regressions: Regression[] = [
  {
    bug: "a zero-length read with nothing buffered threw a TypeError (ByteReader.take, bytes.ts): a zip member with no extra field, read 1 byte at a time",
    seeds: archiveSeeds, label: "torch zip (clean)", mutations: [{ kind: "byte", at: 4, value: 0 }], chunk: 1, sizeKnown: false,
  },
  {
    bug: "a deflated member cut short by the end of the archive read as \"could not be read: Premature close\" instead of truncated (throughZlib, streams.ts)",
    seeds: archiveSeeds, label: "bundle.zip", mutations: [{ kind: "insertLength", at: 9, width: 4, value: 0n }, { kind: "flip", at: 4, bit: 0 }], chunk: 1, sizeKnown: false,
  },
  {
    bug: "a .npy cut inside its header length threw a RangeError reading it (scanNumpy, content.ts)",
    seeds: pickleSeeds, label: "array_object_evil.npy", mutations: [{ kind: "truncate", at: 162659253 }, { kind: "delete", at: 718341519, length: 1 }], chunk: 1, sizeKnown: false,
  },
];

beforeAll(() => void pythonCorpus(), 60_000);

const timeout = 60_000 + settings.numRuns * 2_000;

describe("scanners under fuzzing: mutated and truncated valid files", () => {
  it("safetensors", () => fuzzScans("safetensors", safetensorsSeeds), timeout);
  it("GGUF", () => fuzzScans("gguf", ggufSeeds), timeout);
  it("pickle (plain, legacy torch, joblib, numpy)", () => fuzzScans("pickle", pickleSeeds), timeout);
  it("archives (zip, PyTorch zip, tar, gzip, zlib, nested)", () => fuzzScans("archive", archiveSeeds), timeout);
});

describe("inputs fuzzing found, kept as regression cases", () => {
  it.each(regressions.map((r) => [r.bug, r] as const))("%s", async (_bug, r) => {
    const seed = r.seeds().find((s) => s.label === r.label);
    if (!seed) throw new Error(`no seed labelled ${r.label}`);
    await scanCase(mutate(seed, r.mutations), r.chunk, r.sizeKnown);
  });
});

describe("declared sizes no file here has: refused or skipped, never allocated", () => {
  it.each(hugeDeclarations().map((s) => [s.label, s] as const))("%s", async (_label, file) => {
    for (const sizeKnown of [true, false]) {
      const report = await scanCase(mutate(file, []), 65536, sizeKnown);
      expect(report.findings.filter((f) => f.scanner !== "clamav"), `size ${sizeKnown ? "known" : "unknown"}`).not.toEqual([]);
    }
  });
});
