import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { pythonCorpus, pythonFile } from "@/tests/fixtures/scans/python-corpus";
import { PickleWalker, pickleResult, type PickleLimits, type PickleWalkReport } from "./pickle";
import { classifyImport } from "./pickle-rules";

function walk(data: Buffer, chunkSize = data.length || 1, limits: Partial<PickleLimits> = {}): PickleWalkReport {
  const walker = new PickleWalker(limits);
  for (let i = 0; i < data.length; i += chunkSize) walker.feed(data.subarray(i, i + chunkSize));
  return walker.end();
}

/** Walks in one piece, in 1-byte pieces and in 7-byte pieces: the answer must not depend on chunking. */
function walkAll(data: Buffer, limits: Partial<PickleLimits> = {}): PickleWalkReport {
  const whole = walk(data, data.length || 1, limits);
  for (const size of [1, 7, 4096]) expect(walk(data, size, limits), `chunks of ${size}`).toEqual(whole);
  return whole;
}

const names = (report: PickleWalkReport) => report.imports.map((i) => `${i.module}.${i.name}:${i.safety}`).sort();
const python = (code: string) => execFileSync("python3", ["-c", code]);

beforeAll(() => void pythonCorpus(), 60_000);

describe("pickle walker on pickles made by Python's pickle module", () => {
  it.each([
    ["os_system.pkl", "posix.system"],
    ["os_system_p0.pkl", "posix.system"],
    ["builtins_exec.pkl", "builtins.exec"],
    ["subprocess_popen.pkl", "subprocess.Popen"],
    ["subprocess_popen_p5.pkl", "subprocess.Popen"],
    ["stack_global_memo.pkl", "posix.system"],
    ["stack_global_memo_hand.pkl", "posix.system"],
  ])("%s imports %s: dangerous, critical, called", (file, label) => {
    const report = walkAll(pythonFile(file));
    expect(report.complete).toBe(true);
    const imp = report.imports.find((i) => `${i.module}.${i.name}` === label);
    expect(imp).toMatchObject({ safety: "dangerous", severity: "critical", called: true });
    const result = pickleResult(report);
    expect(result.findings).toContainEqual(expect.objectContaining({ scanner: "pickle", severity: "critical", rule: "pickle.dangerous_import" }));
  });

  it("follows STACK_GLOBAL through BINGET and LONG_BINGET (memo indirection)", () => {
    const bytes = pythonFile("stack_global_memo.pkl");
    expect(bytes.includes(Buffer.from([0x68, 0x01]))).toBe(true); // BINGET 1 feeds the module name
    expect(names(walkAll(bytes))).toEqual(["posix.system:dangerous"]);
    expect(names(walkAll(pythonFile("stack_global_memo_hand.pkl")))).toEqual(["posix.system:dangerous"]);
  });

  it("counts a STACK_GLOBAL it cannot resolve as dangerous", () => {
    const report = walkAll(pythonFile("stack_global_unresolved.pkl"));
    expect(report.imports).toEqual([expect.objectContaining({ safety: "dangerous", severity: "critical" })]);
    expect(pickleResult(report).findings[0].rule).toBe("pickle.unresolved_import");
  });

  it("reads a second pickle hidden after a harmless one", () => {
    const report = walkAll(pythonFile("second_pickle.pkl"));
    expect(report.pickles).toBe(2);
    expect(names(report)).toEqual(["posix.system:dangerous"]);
  });

  it("finds nothing wrong in an OrderedDict or a torch state dict", () => {
    const ordered = walkAll(pythonFile("ordered_dict.pkl"));
    expect(names(ordered)).toEqual(["collections.OrderedDict:innocuous"]);
    expect(pickleResult(ordered).findings).toEqual([]);
    const state = walkAll(pythonFile("torch_state_dict.pkl"));
    expect(names(state)).toEqual([
      "collections.OrderedDict:innocuous", "torch.FloatStorage:innocuous", "torch.HalfStorage:innocuous", "torch._utils._rebuild_tensor_v2:innocuous",
    ]);
    expect(pickleResult(state).findings).toEqual([]);
  });

  it("reads a legacy torch file's five pickles and not the raw storages after them", () => {
    const clean = walkAll(pythonFile("legacy_torch.pt"));
    expect(clean.legacyTorch).toBe(true);
    expect(clean.pickles).toBe(5);
    expect(clean.trailingBytes).toBeGreaterThan(0);
    expect(names(clean).some((n) => n.startsWith("os."))).toBe(false);
    expect(pickleResult(clean).findings).toEqual([]);
    const evil = walkAll(pythonFile("legacy_torch_evil.pt"));
    expect(names(evil)).toContain("posix.system:dangerous");
  });

  it("skips joblib's raw arrays between opcodes and still sees what follows", () => {
    const clean = walkAll(pythonFile("model_clean.joblib"));
    expect(clean.joblibArrays).toBe(2);
    expect(clean.malformed).toBeUndefined();
    expect(clean.pickles).toBe(1);
    expect(names(clean)).toEqual(["joblib.numpy_pickle.NumpyArrayWrapper:innocuous", "numpy.dtype:innocuous", "numpy.ndarray:innocuous"]);
    expect(walkAll(pythonFile("model_clean_p2.joblib")).malformed).toBeUndefined();
    const evil = walkAll(pythonFile("model_evil.joblib"));
    expect(evil.joblibArrays).toBe(1);
    expect(names(evil)).toContain("posix.system:dangerous");
  });

  it("lists unknown imports as suspicious (low), and marks whether they were called", () => {
    const data = python(`
import pickle, sys, fractions
sys.stdout.buffer.write(pickle.dumps([fractions.Fraction, fractions.Fraction(1, 3)], protocol=4))`);
    const report = walkAll(data);
    expect(report.imports).toEqual([expect.objectContaining({ module: "fractions", name: "Fraction", safety: "suspicious", severity: "low", called: true, count: 1 })]);
    expect(pickleResult(report).findings).toEqual([expect.objectContaining({ severity: "low", rule: "pickle.suspicious_import" })]);
  });

  it("grades network access high and code execution critical", () => {
    expect(classifyImport("socket", "create_connection")).toMatchObject({ safety: "dangerous", severity: "high" });
    expect(classifyImport("requests.api", "get")).toMatchObject({ severity: "high" });
    expect(classifyImport("builtins", "eval")).toMatchObject({ severity: "critical" });
    expect(classifyImport("operator", "attrgetter")).toMatchObject({ severity: "critical" });
    expect(classifyImport("functools", "partial")).toMatchObject({ severity: "critical" });
    expect(classifyImport("keras.layers", "Lambda")).toMatchObject({ safety: "dangerous", severity: "medium" });
    expect(classifyImport("torch", "BFloat16Storage")).toMatchObject({ safety: "innocuous" });
    expect(classifyImport("numpy.core.multiarray", "_reconstruct")).toMatchObject({ safety: "innocuous" });
  });
});

describe("pickle walker limits and malformed input", () => {
  it("stops at the opcode limit and says the file was not fully scanned", () => {
    const data = python(`import pickle, sys; sys.stdout.buffer.write(pickle.dumps(list(range(5000)), protocol=2))`);
    const report = walk(data, 4096, { maxOpcodes: 1000 });
    expect(report.complete).toBe(false);
    expect(report.reason).toMatch(/1000 opcodes/);
    expect(pickleResult(report).findings).toContainEqual(expect.objectContaining({ rule: "pickle.not_fully_scanned", severity: "medium" }));
  });

  it("stops at the memo limit", () => {
    const data = python(`import pickle, sys; sys.stdout.buffer.write(pickle.dumps([str(i) for i in range(3000)], protocol=4))`);
    expect(walk(data, 4096, { maxMemo: 1000 })).toMatchObject({ complete: false, reason: expect.stringMatching(/memo/) });
  });

  it("stops at the nesting limit on a deep MARK tower without running out of stack", () => {
    const data = Buffer.concat([Buffer.from([0x80, 0x02]), Buffer.alloc(1_000_000, 0x28)]);
    expect(walk(data, 65536)).toMatchObject({ complete: false, reason: expect.stringMatching(/nesting/) });
  });

  it("handles a huge bytes operand without holding it", () => {
    const head = Buffer.alloc(11);
    head[0] = 0x80; head[1] = 0x04; head[2] = 0x8e; // PROTO 4, BINBYTES8
    head.writeBigUInt64LE(200_000_000n, 3);
    const walker = new PickleWalker();
    walker.feed(head.subarray(0, 11));
    const block = Buffer.alloc(1 << 20, 0x63); // 'c' bytes: would be GLOBALs if read as opcodes
    for (let sent = 0; sent < 200_000_000; sent += block.length) walker.feed(block.subarray(0, Math.min(block.length, 200_000_000 - sent)));
    walker.feed(Buffer.from([0x2e]));
    const report = walker.end();
    expect(report).toMatchObject({ complete: true, pickles: 1, imports: [] });
    expect(report.malformed).toBeUndefined();
  });

  it("reports a stream cut inside a pickle as malformed, keeping the imports seen before", () => {
    const data = pythonFile("os_system.pkl");
    const report = walkAll(data.subarray(0, data.length - 2));
    expect(report.malformed).toMatch(/ends inside a pickle/);
    expect(names(report)).toEqual(["posix.system:dangerous"]);
  });

  it("does not treat data that is not a pickle as one", () => {
    const report = walkAll(Buffer.from("{\"hello\": 1}"));
    expect(report).toMatchObject({ pickles: 0, imports: [], complete: true });
  });
});
