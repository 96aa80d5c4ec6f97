// Zip and tar archives, read as streams: each member is handed to `scanMember` as a stream (inflated
// when deflated) while the archive's limits are watched: total uncompressed size, compression
// ratio, member count, nesting depth. Member names that escape their folder are refused.
import { createInflateRaw } from "node:zlib";
import { crc32 } from "node:zlib";
import { ByteReader, TruncatedError } from "./bytes";
import { Budget, escapesFolder, LimitError, metered, throughZlib } from "./streams";
import { finding, type Finding, type ScannerResult } from "./types";

/** Scans one member: its name in the archive, its path from the file (for reports), its bytes. */
export type MemberScanner = (name: string, path: string, stream: AsyncIterable<Buffer>, size: number | undefined) => Promise<void>;

export interface ArchiveOptions {
  budget: Budget;
  /** Path of this archive inside the file ("" for the file itself), for findings. */
  where: string;
  scanMember: MemberScanner;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;

interface Outcome {
  findings: Finding[];
  covered: boolean;
  reason?: string;
  members: number;
}

function memberPath(where: string, name: string): string {
  return where ? `${where}!/${name}` : name;
}

function checkName(name: string, where: string, findings: Finding[]): void {
  if (escapesFolder(name)) {
    findings.push(finding("archive", "high", "archive.path_traversal", `The member "${name}" would be written outside the folder it is extracted into; it is refused`, { member: memberPath(where, name) }));
  }
}

/** Ends the archive scan on a limit: a bomb is a finding and the rest is not covered. */
function limitReached(error: LimitError, outcome: Outcome, where: string, name: string): void {
  const severity = error.rule === "archive.zip_bomb" ? "high" : "medium";
  outcome.findings.push(finding("archive", severity, error.rule, error.message, { ...error.detail, member: memberPath(where, name) }));
  outcome.covered = false;
  outcome.reason = error.message;
}

export async function scanZip(source: AsyncIterable<Uint8Array>, options: ArchiveOptions): Promise<ScannerResult> {
  const reader = new ByteReader(source);
  const outcome: Outcome = { findings: [], covered: true, members: 0 };
  const { budget, where } = options;
  const stopCovering = (reason: string, severity: "low" | "medium", rule: string, detail: Record<string, unknown> = {}) => {
    outcome.covered = false;
    outcome.reason ??= reason;
    outcome.findings.push(finding("archive", severity, rule, reason, { ...detail, ...(where ? { archive: where } : {}) }));
  };
  // Each local header met, by offset: a loader finds members through the central directory.
  const locals = new Map<number, LocalHeader>();
  let directoryReached = false;
  try {
    for (;;) {
      if (!(await reader.fill(4))) break;
      const signature = (await reader.peek(4)).readUInt32LE(0);
      if (signature === CENTRAL || signature === END || signature === END64) {
        directoryReached = true;
        break;
      }
      if (signature !== LOCAL) {
        stopCovering(`Unexpected bytes at offset ${reader.position} where a zip member should start`, "medium", "archive.malformed", { offset: reader.position });
        break;
      }
      const offset = reader.position;
      const header = await reader.read(30);
      const flags = header.readUInt16LE(6);
      const method = header.readUInt16LE(8);
      const crc = header.readUInt32LE(14);
      let compressed = header.readUInt32LE(18);
      let size = header.readUInt32LE(22);
      const name = (await reader.read(header.readUInt16LE(26))).toString(flags & 0x800 ? "utf8" : "latin1");
      const extra = await reader.read(header.readUInt16LE(28));
      if (compressed === 0xffffffff || size === 0xffffffff) {
        const zip64 = readZip64(extra, size === 0xffffffff, compressed === 0xffffffff);
        if (!zip64) {
          stopCovering(`The member "${name}" claims zip64 sizes but carries none`, "medium", "archive.malformed", { member: memberPath(where, name) });
          break;
        }
        size = zip64.size ?? size;
        compressed = zip64.compressed ?? compressed;
      }
      locals.set(offset, { method, compressed });
      if (++budget.members > budget.limits.maxMembers) {
        stopCovering(`The archive has more than ${budget.limits.maxMembers} members`, "medium", "archive.too_many_members", { limit: budget.limits.maxMembers });
        break;
      }
      outcome.members++;
      checkName(name, where, outcome.findings);
      if (flags & 0x08) {
        // Sizes after the data: a stored member's end cannot be found without the central directory.
        stopCovering(`The member "${name}" puts its sizes after its data, which a stream cannot follow; the rest of the archive was not scanned`, "medium", "archive.unsupported_member", { member: memberPath(where, name) });
        break;
      }
      if (flags & 0x01) {
        outcome.findings.push(finding("archive", "medium", "archive.encrypted", `The member "${name}" is encrypted and cannot be scanned`, { member: memberPath(where, name) }));
        outcome.covered = false;
        outcome.reason ??= "an encrypted member";
        await skipExactly(reader, compressed);
        continue;
      }
      if (method !== 0 && method !== 8) {
        outcome.findings.push(finding("archive", "medium", "archive.unsupported_compression", `The member "${name}" uses compression method ${method}, which the scanner cannot read`, { member: memberPath(where, name), method }));
        outcome.covered = false;
        outcome.reason ??= `compression method ${method}`;
        await skipExactly(reader, compressed);
        continue;
      }
      if (name.endsWith("/") && compressed === 0) continue;
      let fed = 0;
      let sum = 0;
      let produced = 0;
      let finished = false;
      const body = reader.slice(compressed);
      const counted = (async function* () {
        for await (const chunk of body) {
          fed += chunk.length;
          yield chunk;
        }
      })();
      const inflated = method === 8 ? throughZlib(counted, createInflateRaw()) : counted;
      const checked = (async function* () {
        for await (const chunk of metered(inflated, budget, () => fed, `The member "${name}"`)) {
          sum = crc32(chunk, sum);
          produced += chunk.length;
          yield chunk;
        }
        finished = true;
      })();
      try {
        await options.scanMember(name, memberPath(where, name), checked, size);
        for await (const _ of checked) void _; // whatever the member's scanner left
      } catch (error) {
        if (error instanceof LimitError) {
          limitReached(error, outcome, where, name);
          break;
        }
        if (error instanceof TruncatedError) throw error;
        outcome.findings.push(finding("archive", "medium", "archive.corrupt", `The member "${name}" could not be read: ${(error as Error).message}`, { member: memberPath(where, name) }));
        outcome.covered = false;
        outcome.reason ??= "a corrupt member";
        await skipExactly(reader, compressed - fed);
        continue;
      }
      // A member's scanner that stopped early closed the stream: step over what it left.
      await skipExactly(reader, compressed - fed);
      if (finished && (produced !== size || sum !== crc)) {
        outcome.findings.push(finding("archive", "medium", "archive.crc_mismatch", `The member "${name}" does not match its recorded size or CRC`, { member: memberPath(where, name), size, produced }));
      }
    }
    if (directoryReached) {
      const gap = await checkDirectory(reader, locals);
      if (gap) stopCovering(gap.message, "medium", "archive.unscanned_member", gap.detail);
    }
    await reader.drain();
  } catch (error) {
    if (!(error instanceof TruncatedError)) throw error;
    stopCovering(`The archive ends in the middle of a member`, "medium", "archive.truncated");
    await reader.drain();
  }
  return { scanner: "archive", covered: outcome.covered, ...(outcome.reason ? { reason: outcome.reason } : {}), findings: outcome.findings, summary: { kind: "zip", members: outcome.members, ...(where ? { archive: where } : {}) } };
}

interface LocalHeader {
  method: number;
  compressed: number;
}

/**
 * Reads the central directory that follows the members and checks each record against the local
 * header at its offset. A loader (Python's zipfile, so torch.load) finds members through these
 * records: one pointing where the stream met no member, or reading it with another size or
 * compression, would be extracted unscanned. Returns the gap, if any, for a finding.
 */
async function checkDirectory(reader: ByteReader, locals: Map<number, LocalHeader>): Promise<{ message: string; detail: Record<string, unknown> } | null> {
  const start = reader.position;
  let first: { name: string; problem: string } | null = null;
  let count = 0;
  try {
    while ((await reader.fill(4)) && (await reader.peek(4)).readUInt32LE(0) === CENTRAL) {
      const record = await reader.read(46);
      const flags = record.readUInt16LE(8);
      const method = record.readUInt16LE(10);
      const size = record.readUInt32LE(24);
      let compressed = record.readUInt32LE(20);
      let offset = record.readUInt32LE(42);
      const name = (await reader.read(record.readUInt16LE(28))).toString(flags & 0x800 ? "utf8" : "latin1");
      const extra = await reader.read(record.readUInt16LE(30));
      await skipExactly(reader, record.readUInt16LE(32));
      if (compressed === 0xffffffff || offset === 0xffffffff) {
        const zip64 = readZip64(extra, size === 0xffffffff, compressed === 0xffffffff, offset === 0xffffffff);
        compressed = zip64?.compressed ?? compressed;
        offset = zip64?.offset ?? offset;
      }
      const local = locals.get(offset);
      const problem = !local
        ? `the central directory lists it at offset ${offset}, where the stream met no member`
        : local.method !== method || local.compressed !== compressed
          ? `the central directory reads it with method ${method} and ${compressed} bytes, its local header with method ${local.method} and ${local.compressed} bytes`
          : null;
      if (problem) {
        first ??= { name, problem };
        count++;
      }
    }
  } catch (error) {
    if (!(error instanceof TruncatedError)) throw error;
    // A broken local header that looks like a directory record, or a file cut inside its directory.
    return {
      message: `The central directory at offset ${start} runs past the end of the file: it is broken or is no directory, and members a loader finds through it may not have been scanned`,
      detail: { offset: start },
    };
  }
  if (!first) return null;
  return {
    message: `The member "${first.name}" was not scanned as a loader would read it: ${first.problem}${count > 1 ? ` (and ${count - 1} more members)` : ""}`,
    detail: { member: first.name, members: count },
  };
}

async function skipExactly(reader: ByteReader, n: number): Promise<void> {
  if (n > 0 && (await reader.skip(n)) < n) throw new TruncatedError(n, reader.position);
}

/** The zip64 extra field's sizes and offset: each is there only when its 32-bit field is 0xffffffff. */
function readZip64(extra: Buffer, wantSize: boolean, wantCompressed: boolean, wantOffset = false): { size?: number; compressed?: number; offset?: number } | null {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const length = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let at = i + 4;
      const out: { size?: number; compressed?: number; offset?: number } = {};
      for (const [field, wanted] of [["size", wantSize], ["compressed", wantCompressed], ["offset", wantOffset]] as const) {
        if (!wanted) continue;
        if (at + 8 > extra.length) return null;
        out[field] = Number(extra.readBigUInt64LE(at));
        at += 8;
      }
      return out;
    }
    i += 4 + length;
  }
  return null;
}

/** A tar stream (ustar, pax and GNU long names). */
export async function scanTar(source: AsyncIterable<Uint8Array>, options: ArchiveOptions): Promise<ScannerResult> {
  const reader = new ByteReader(source);
  const outcome: Outcome = { findings: [], covered: true, members: 0 };
  const { budget, where } = options;
  let longName: string | null = null;
  let paxPath: string | null = null;
  try {
    for (;;) {
      if (!(await reader.fill(512))) break;
      const header = await reader.read(512);
      if (header.every((b) => b === 0)) break;
      let sum = 0;
      for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
      if (readOctal(header, 148, 8) !== sum) {
        outcome.covered = false;
        outcome.reason = "a tar header with a bad checksum";
        outcome.findings.push(finding("archive", "medium", "archive.malformed", `A tar header at offset ${reader.position - 512} has a bad checksum`, { offset: reader.position - 512 }));
        break;
      }
      const size = readSize(header);
      const type = String.fromCharCode(header[156] || 0x30);
      const padded = Math.ceil(size / 512) * 512;
      if (type === "L" || type === "x") {
        const data = (await reader.read(size)).toString("utf8");
        await reader.read(padded - size);
        if (type === "L") longName = data.replace(/\0.*$/s, "");
        else paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data)?.[1] ?? null;
        continue;
      }
      const prefix = header.subarray(257, 262).toString("latin1") === "ustar" ? cString(header, 345, 155) : "";
      const name = longName ?? paxPath ?? (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
      longName = paxPath = null;
      if (++budget.members > budget.limits.maxMembers) {
        outcome.covered = false;
        outcome.reason = `more than ${budget.limits.maxMembers} members`;
        outcome.findings.push(finding("archive", "medium", "archive.too_many_members", `The archive has more than ${budget.limits.maxMembers} members`, {}));
        break;
      }
      outcome.members++;
      checkName(name, where, outcome.findings);
      if (type === "1" || type === "2") {
        const target = cString(header, 157, 100);
        if (escapesFolder(target) || (type === "2" && escapesFolder(`${name}/../${target}`))) {
          outcome.findings.push(finding("archive", "high", "archive.path_traversal", `The link "${name}" points outside the archive's folder (${target})`, { member: memberPath(where, name), target }));
        }
      }
      if (type !== "0" && type !== "7" && size === 0) continue;
      let consumed = 0;
      const body = (async function* () {
        for await (const chunk of metered(reader.slice(size), budget, () => Infinity, `The member "${name}"`)) {
          consumed += chunk.length;
          yield chunk;
        }
      })();
      try {
        await options.scanMember(name, memberPath(where, name), body, size);
        for await (const _ of body) void _;
      } catch (error) {
        if (error instanceof LimitError) {
          limitReached(error, outcome, where, name);
          break;
        }
        throw error;
      }
      await skipExactly(reader, size - consumed + padded - size);
    }
    await reader.drain();
  } catch (error) {
    if (!(error instanceof TruncatedError)) throw error;
    outcome.covered = false;
    outcome.reason = "the archive ends in the middle of a member";
    outcome.findings.push(finding("archive", "medium", "archive.truncated", "The archive ends in the middle of a member", {}));
    await reader.drain();
  }
  return { scanner: "archive", covered: outcome.covered, ...(outcome.reason ? { reason: outcome.reason } : {}), findings: outcome.findings, summary: { kind: "tar", members: outcome.members, ...(where ? { archive: where } : {}) } };
}

function cString(buf: Buffer, start: number, length: number): string {
  const slice = buf.subarray(start, start + length);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul < 0 ? slice.length : nul).toString("utf8");
}

function readOctal(buf: Buffer, start: number, length: number): number {
  const text = cString(buf, start, length).trim();
  return text ? Number.parseInt(text, 8) : 0;
}

function readSize(header: Buffer): number {
  if (header[124] & 0x80) {
    // base-256 for sizes over 8 GiB
    let value = 0n;
    for (let i = 125; i < 136; i++) value = (value << 8n) | BigInt(header[i]);
    return Number(value);
  }
  return readOctal(header, 124, 12);
}
