// npm run bench:scan: the artifact scan pipeline's throughput against clamd alone.
//
//   1. starts clamd (scripts/clamd.sh, idempotent);
//   2. builds, streamed to BENCH_SCAN_DIR (a temp folder): a 1 GiB safetensors file, a 500 MiB
//      PyTorch zip checkpoint (data.pkl from Python's pickle module, stored tensor storages), and a
//      200 MB pickle, model-like (arrays as bytes, a vocabulary) and a dense worst case;
//   3. scans each checkpoint through the whole one-pass pipeline (SHA-256 + clamd INSTREAM + format
//      scanner, exactly as a scan worker runs it) in a process of its own, and streams the same
//      file to clamd alone with `clamdscan --stream` (the floor); BENCH_SCAN_RUNS runs each (3),
//      alternating, and keeps each one's best;
//   4. prints MB/s for both, their ratio, the worker's peak memory, and the pickle walker's own speed,
//      against the targets (pipeline >= 80% of clamd alone; peak < 300 MB; pickle >= 200 MB/s), and
//      writes bench-results/scan.json. Exit code 1 when a target is missed. The files are removed.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";

const root = path.resolve(import.meta.dirname, "../..");
const MiB = 1024 * 1024;
const runs = Math.max(1, Number(process.env.BENCH_SCAN_RUNS ?? 3));
const port = process.env.CLAMAV_PORT ?? "3310";
const dir = mkdtempSync(path.join(process.env.BENCH_SCAN_DIR ?? os.tmpdir(), "budmodel-bench-scan-"));
const log = (message: string) => console.log(`[bench:scan] ${message}`);
const TARGET_RATIO = 0.8;
const TARGET_RSS = 300 * 1000 * 1000;
const TARGET_PICKLE = 200;

process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

// A random block repeated: weights look random to a scanner, and no file is ever held in memory.
const block = randomBytes(4 * MiB);
function writeBlocks(fd: number, bytes: number, crc = 0): number {
  for (let left = bytes; left > 0; ) {
    const part = block.subarray(0, Math.min(block.length, left));
    writeSync(fd, part);
    crc = crc32(part, crc);
    left -= part.length;
  }
  return crc;
}

function buildSafetensors(file: string, bytes: number): void {
  const tensors = 64;
  const perTensor = bytes / tensors;
  const header: Record<string, unknown> = { __metadata__: { format: "pt" } };
  for (let i = 0; i < tensors; i++) header[`model.layers.${i}.weight`] = { dtype: "BF16", shape: [perTensor / 2 / 4096, 4096], data_offsets: [i * perTensor, (i + 1) * perTensor] };
  let text = JSON.stringify(header);
  text += " ".repeat((8 - (text.length % 8)) % 8);
  const fd = openSync(file, "w");
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(text.length));
  writeSync(fd, length);
  writeSync(fd, text);
  writeBlocks(fd, bytes);
  closeSync(fd);
}

/** A PyTorch zip checkpoint (stored members, as torch.save writes them), built on disk. */
function buildTorchZip(file: string, bytes: number): void {
  const tensors = 50;
  const perTensor = Math.floor(bytes / tensors);
  const pickleFile = path.join(dir, "data.pkl");
  execFileSync("python3", [path.join(root, "scripts/bench/make_pickles.py"), "torch-data", String(tensors), String(perTensor / 2), pickleFile]);
  const members: { name: string; size: number; write: (fd: number) => number }[] = [
    { name: "archive/data.pkl", size: statSync(pickleFile).size, write: (fd) => { const data = readFileSync(pickleFile); writeSync(fd, data); return crc32(data); } },
    { name: "archive/byteorder", size: 6, write: (fd) => { writeSync(fd, "little"); return crc32(Buffer.from("little")); } },
    ...Array.from({ length: tensors }, (_, i) => ({ name: `archive/data/${i}`, size: perTensor, write: (fd: number) => writeBlocks(fd, perTensor) })),
    { name: "archive/version", size: 2, write: (fd) => { writeSync(fd, "3\n"); return crc32(Buffer.from("3\n")); } },
  ];
  const fd = openSync(file, "w");
  const central: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const name = Buffer.from(member.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(member.size, 18);
    local.writeUInt32LE(member.size, 22);
    local.writeUInt16LE(name.length, 26);
    writeSync(fd, local);
    writeSync(fd, name);
    const crc = member.write(fd);
    writeSync(fd, (() => { const b = Buffer.alloc(4); b.writeUInt32LE(crc); return b; })(), 0, 4, offset + 14);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(member.size, 20);
    record.writeUInt32LE(member.size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += 30 + name.length + member.size;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeSync(fd, Buffer.concat([directory, end]), 0, directory.length + 22, offset);
  closeSync(fd);
}

interface WorkerResult { seconds: number; bytes: number; peakRssBytes: number; verdict?: string; findings?: string[]; complete?: boolean; opcodes?: number }

function runWorker(mode: "pipeline" | "pickle", file: string): WorkerResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/bench/scan-worker.ts"), mode, file], {
    cwd: root, encoding: "utf8", env: { ...process.env, CLAMAV_PORT: port }, maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`scan-worker ${mode} ${file} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!);
}

function clamdAlone(file: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync("clamdscan", [`--config-file=/tmp/budmodel-clamd-${port}/clamd.conf`, "--stream", "--no-summary", file], { encoding: "utf8" });
  if (result.status !== 0 && result.status !== 1) throw new Error(`clamdscan failed: ${result.stdout}${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const mbps = (bytes: number, seconds: number) => bytes / 1e6 / seconds;

async function main(): Promise<number> {
  log(`${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}, node ${process.version}, ${runs} runs each`);
  execFileSync("bash", [path.join(root, "scripts/clamd.sh"), "start"], { cwd: root, stdio: "inherit", env: { ...process.env, CLAMD_PORT: port } });
  const files = [
    { label: "safetensors 1 GiB", file: path.join(dir, "model.safetensors"), build: (f: string) => buildSafetensors(f, 1024 * MiB) },
    { label: "PyTorch zip 500 MiB", file: path.join(dir, "pytorch_model.bin"), build: (f: string) => buildTorchZip(f, 500 * MiB) },
  ];
  for (const f of files) {
    const started = Date.now();
    f.build(f.file);
    log(`built ${f.label}: ${statSync(f.file).size.toLocaleString("en")} bytes (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  clamdAlone(files[0].file.replace("model.safetensors", "data.pkl")); // warm clamd up

  const rows = [];
  for (const f of files) {
    const pipeline: WorkerResult[] = [];
    const alone: number[] = [];
    for (let run = 0; run < runs; run++) {
      alone.push(clamdAlone(f.file));
      pipeline.push(runWorker("pipeline", f.file));
      log(`${f.label} run ${run + 1}: clamd alone ${alone[run].toFixed(2)} s, pipeline ${pipeline[run].seconds.toFixed(2)} s (${pipeline[run].verdict}), peak RSS ${(pipeline[run].peakRssBytes / 1e6).toFixed(0)} MB`);
    }
    const bytes = statSync(f.file).size;
    const best = pipeline.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    const bestAlone = Math.min(...alone);
    rows.push({
      label: f.label, bytes, pipelineSeconds: best.seconds, clamdSeconds: bestAlone,
      pipelineMBps: mbps(bytes, best.seconds), clamdMBps: mbps(bytes, bestAlone), ratio: bestAlone / best.seconds,
      peakRssBytes: Math.max(...pipeline.map((p) => p.peakRssBytes)), verdict: best.verdict, findings: best.findings,
      runs: { pipeline: pipeline.map((p) => p.seconds), clamd: alone },
    });
  }

  const pickles = [];
  for (const kind of ["model", "dense"] as const) {
    const file = path.join(dir, `${kind}.pkl`);
    execFileSync("python3", [path.join(root, "scripts/bench/make_pickles.py"), kind, "200", file]);
    const results = Array.from({ length: runs }, () => runWorker("pickle", file));
    const best = results.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    pickles.push({ kind, bytes: best.bytes, seconds: best.seconds, MBps: mbps(best.bytes, best.seconds), opcodes: best.opcodes, complete: best.complete, peakRssBytes: best.peakRssBytes });
    rmSync(file);
  }

  console.log("\nThe one-pass pipeline (SHA-256 + clamd INSTREAM + format scanner) against clamd alone (clamdscan --stream):\n");
  const table = [["file", "size MB", "pipeline MB/s", "clamd alone MB/s", "ratio", "worker peak RSS MB", "verdict"]];
  for (const r of rows) table.push([r.label, (r.bytes / 1e6).toFixed(0), r.pipelineMBps.toFixed(1), r.clamdMBps.toFixed(1), `${(r.ratio * 100).toFixed(0)}%`, (r.peakRssBytes / 1e6).toFixed(0), String(r.verdict)]);
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const [i, row] of table.entries()) {
    console.log(row.map((cell, c) => (c ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
  console.log("\nThe pickle walker alone, on 200 MB pickles made by Python's pickle module:\n");
  for (const p of pickles) {
    console.log(`  ${p.kind.padEnd(6)} ${(p.bytes / 1e6).toFixed(0)} MB: ${p.MBps.toFixed(0)} MB/s (${p.opcodes?.toLocaleString("en")} opcodes, ${p.complete ? "complete" : "incomplete"}, peak RSS ${(p.peakRssBytes / 1e6).toFixed(0)} MB)`);
  }
  console.log("  (model: arrays as bytes plus a 50,000-word vocabulary, as model pickles are; dense: 3 million tiny records, a worst case)\n");

  const verdicts = [
    ...rows.map((r) => ({ target: `${r.label}: pipeline >= ${TARGET_RATIO * 100}% of clamd alone`, value: `${(r.ratio * 100).toFixed(0)}%`, ok: r.ratio >= TARGET_RATIO })),
    ...rows.map((r) => ({ target: `${r.label}: worker peak memory < 300 MB`, value: `${(r.peakRssBytes / 1e6).toFixed(0)} MB`, ok: r.peakRssBytes < TARGET_RSS })),
    { target: "pickle walker >= 200 MB/s on the 200 MB model pickle", value: `${pickles[0].MBps.toFixed(0)} MB/s`, ok: pickles[0].MBps >= TARGET_PICKLE },
  ];
  for (const v of verdicts) console.log(`${v.ok ? "PASS" : "MISS"}  ${v.target}: ${v.value}`);
  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  writeFileSync(path.join(root, "bench-results/scan.json"), JSON.stringify({
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadAverageAtEnd: os.loadavg() },
    runs, files: rows, pickles, verdicts,
  }, null, 2));
  log("results written to bench-results/scan.json");
  return verdicts.every((v) => v.ok) ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(2);
});
