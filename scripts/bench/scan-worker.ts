// One measurement for npm run bench:scan, in a process of its own so its peak memory is the
// pipeline's: `scan-worker.ts pipeline FILE` runs the scan worker's one-pass pipeline (SHA-256,
// clamd INSTREAM and the format scanners) over FILE; `scan-worker.ts pickle FILE` runs the pickle
// walker alone. Prints one JSON line: seconds, bytes, verdict, peak RSS.
import { createReadStream, statSync } from "node:fs";
import { scanFile } from "@/lib/scans/pipeline";
import { PickleWalker } from "@/lib/scans/scanners/pickle";

const [mode, file] = process.argv.slice(2);
const size = statSync(file).size;
const started = process.hrtime.bigint();
let result: Record<string, unknown>;
if (mode === "pickle") {
  const walker = new PickleWalker();
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) walker.feed(chunk as Buffer);
  const report = walker.end();
  result = { complete: report.complete, opcodes: report.opcodes, imports: report.imports.length };
} else {
  const report = await scanFile(createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>, {
    name: file.split("/").pop()!,
    size,
    clamd: {
      host: process.env.CLAMAV_HOST ?? "127.0.0.1",
      port: Number(process.env.CLAMAV_PORT ?? 3310),
      maxStreamBytes: Number(process.env.CLAMAV_MAX_STREAM_BYTES ?? 2000 * 1024 * 1024),
    },
  });
  result = { verdict: report.verdict, format: report.format, findings: report.findings.map((f) => f.rule), scanners: report.scanners };
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ seconds, bytes: size, peakRssBytes: process.resourceUsage().maxRSS * 1024, ...result }));
