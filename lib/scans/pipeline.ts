// Scans one file in one pass: every chunk read goes to the SHA-256 hash, to clamd (INSTREAM) and to
// the format scanners that apply, so the file is read once and never held whole. Plain module: no
// Next.js, no Prisma.
import { createHash } from "node:crypto";
import { Channel } from "./scanners/bytes";
import { ClamdStream, type ClamdOptions, type ClamdVerdict } from "./scanners/clamd";
import { newContentContext, scanContent, type ContentLimits } from "./scanners/content";
import type { ArtifactFormat } from "./scanners/detect";
import {
  finding, maxSeverity, type Coverage, type Finding, type PickleImport, type ScannerName, type ScannerResult, type Severity,
} from "./scanners/types";

export type Verdict = "clean" | Severity;

export interface FileScanOptions {
  /** The file's name (its path in the model); detection reads its extension. */
  name: string;
  /** The size the file should have, when known (a Hub file's, an upload's). */
  size?: number;
  /** null when no clamd is configured: the file is then not covered by ClamAV. */
  clamd: ClamdOptions | null;
  limits?: Partial<ContentLimits>;
  /** The SHA-256 recorded for the file (at upload, or by the Hub's LFS pointer). */
  expectedSha256?: string | null;
  /** Called after each chunk with the bytes read so far. */
  onProgress?: (bytes: number) => void;
}

export interface FileReport {
  format: ArtifactFormat;
  size: number;
  sha256: string;
  verdict: Verdict;
  scanners: Coverage[];
  findings: Finding[];
  imports: PickleImport[];
  /** What the format scanners learnt (tensor inventory, GGUF metadata, archive members...). */
  summaries: ({ scanner: ScannerName } & Record<string, unknown>)[];
}

export async function scanFile(source: AsyncIterable<Uint8Array>, options: FileScanOptions): Promise<FileReport> {
  // Connect first: an unreachable clamd fails the scan (to be retried) before any byte is read.
  const clamd = options.clamd && !(options.size !== undefined && options.size > options.clamd.maxStreamBytes) ? await ClamdStream.open(options.clamd) : null;
  const hash = createHash("sha256");
  const channel = new Channel(4);
  const context = newContentContext(options.limits);
  let format: ArtifactFormat = "other";
  let contentError: Error | null = null;
  // When the format scanners finish or fail, pushes are dropped: hashing and ClamAV still see every byte.
  const content = scanContent(options.name, channel, options.size, context).then(
    (detected) => {
      format = detected;
      channel.abandon();
    },
    (error: Error) => {
      contentError = error;
      channel.abandon();
    },
  );
  let bytes = 0;
  try {
    for await (const raw of source) {
      const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      hash.update(chunk);
      bytes += chunk.length;
      if (clamd) await Promise.all([clamd.write(chunk), channel.push(chunk)]);
      else await channel.push(chunk);
      options.onProgress?.(bytes);
    }
  } catch (error) {
    clamd?.abort();
    channel.close(error as Error);
    await content;
    throw error;
  }
  channel.close();
  await content;
  const clamav: ClamdVerdict = clamd
    ? await clamd.end()
    : { kind: "not_covered", reason: options.clamd ? `the file is larger than the ${options.clamd.maxStreamBytes} bytes clamd is configured to scan` : "no clamd is configured" };
  return report(options, format, bytes, hash.digest("hex"), clamav, context.results, contentError);
}

function report(options: FileScanOptions, format: ArtifactFormat, size: number, sha256: string, clamav: ClamdVerdict, results: ScannerResult[], contentError: Error | null): FileReport {
  const findings: Finding[] = [];
  const scanners: Coverage[] = [];
  if (clamav.kind === "found") {
    findings.push(finding("clamav", "critical", "clamav.found", `ClamAV detected ${clamav.signature}`, { signature: clamav.signature }));
    scanners.push({ scanner: "clamav", covered: true });
  } else if (clamav.kind === "not_covered") {
    findings.push(finding("clamav", "low", "clamav.not_covered", `Not scanned by ClamAV: ${clamav.reason}`, { reason: clamav.reason }));
    scanners.push({ scanner: "clamav", covered: false, reason: clamav.reason });
  } else scanners.push({ scanner: "clamav", covered: true });

  const byScanner = new Map<ScannerName, ScannerResult[]>();
  for (const result of results) byScanner.set(result.scanner, [...(byScanner.get(result.scanner) ?? []), result]);
  const imports: PickleImport[] = [];
  const summaries: FileReport["summaries"] = [];
  for (const [scanner, list] of byScanner) {
    const uncovered = list.find((r) => !r.covered);
    scanners.push({ scanner, covered: !uncovered, ...(uncovered ? { reason: uncovered.reason ?? "not fully scanned" } : {}) });
    for (const result of list) {
      findings.push(...result.findings);
      imports.push(...(result.imports ?? []));
      if (result.summary) summaries.push({ scanner, ...result.summary });
    }
  }
  if (contentError) {
    findings.push(finding("archive", "medium", "scanner.error", `A format scanner failed: ${contentError.message}`, {}));
    scanners.push({ scanner: "archive", covered: false, reason: "a format scanner failed" });
  }
  if (options.size !== undefined && options.size !== size) {
    findings.push(finding("integrity", "high", "integrity.size_mismatch", `The file has ${size} bytes; ${options.size} were recorded for it`, { expected: options.size, actual: size }));
  }
  if (options.expectedSha256 && options.expectedSha256.toLowerCase() !== sha256) {
    findings.push(finding("integrity", "high", "integrity.sha256_mismatch", "The file's SHA-256 differs from the one recorded for it", { expected: options.expectedSha256, actual: sha256 }));
  }
  // Never clean without full coverage: a gap with no finding of its own still counts.
  if (scanners.some((s) => !s.covered) && !findings.length) {
    findings.push(finding("archive", "low", "coverage.incomplete", "Some of the file was not scanned", {}));
  }
  const verdict: Verdict = maxSeverity(findings.map((f) => f.severity)) ?? "clean";
  return { format, size, sha256, verdict, scanners, findings, imports, summaries };
}

/** The verdict over several files: the highest severity, "clean" only when every file is clean. */
export function overallVerdict(verdicts: Verdict[]): Verdict {
  return maxSeverity(verdicts.map((v) => (v === "clean" ? null : v))) ?? "clean";
}
