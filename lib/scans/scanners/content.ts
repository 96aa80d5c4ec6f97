// Routes a byte stream (a file, or a member inside an archive) to the format scanners that apply,
// by its first bytes and its name, and collects what they report. Archives recurse through here
// for their members, up to the depth limit.
import { createGunzip, createInflate } from "node:zlib";
import { scanTar, scanZip } from "./archive";
import { detectFormat, DETECT_BYTES, scannersFor, type ArtifactFormat } from "./detect";
import { scanGguf, type GgufLimits } from "./gguf";
import { PickleWalker, pickleResult, type PickleLimits } from "./pickle";
import { scanSafetensors } from "./safetensors";
import { Budget, defaultArchiveLimits, LimitError, metered, peek, throughZlib, type ArchiveLimits } from "./streams";
import { finding, type ScannerResult } from "./types";

export interface ContentLimits {
  archive: ArchiveLimits;
  pickle: Partial<PickleLimits>;
  gguf: Partial<GgufLimits>;
}

export const defaultContentLimits: ContentLimits = { archive: defaultArchiveLimits, pickle: {}, gguf: {} };

export interface ContentContext {
  limits: ContentLimits;
  budget: Budget;
  results: ScannerResult[];
}

export function newContentContext(limits: Partial<ContentLimits> = {}): ContentContext {
  const merged = { ...defaultContentLimits, ...limits };
  return { limits: merged, budget: new Budget(merged.archive), results: [] };
}

/** Which names hold pickles a loader reads: PyTorch's data.pkl (inside a zip) and any .pkl or .pickle. */
const PICKLE_MEMBER = /(^|\/)(data\.pkl|[^/]*\.(pkl|pickle))$/i;

async function drain(stream: AsyncIterable<Buffer>): Promise<void> {
  for await (const _ of stream) void _;
}

/**
 * Scans one stream. `where` is its path inside the file ("" for the file itself) and `depth` how
 * many archives it sits in. Returns the detected format; results go into the context.
 */
export async function scanContent(name: string, source: AsyncIterable<Buffer>, size: number | undefined, context: ContentContext, where = "", depth = 0): Promise<ArtifactFormat> {
  const { head, stream } = await peek(source, DETECT_BYTES);
  let format = detectFormat(name, head);
  // A file a loader unpickles by its name is walked as a pickle whatever its first byte: Python
  // loads any opcode there, not only those a pickle writer starts with.
  if (format === "other" && PICKLE_MEMBER.test(name) && head.length) format = "pickle";
  const scanners = scannersFor(format, name);
  const at = where || undefined;
  const push = (result: ScannerResult) => context.results.push(at ? withWhere(result, at) : result);

  if (scanners.includes("archive") && depth >= context.limits.archive.maxDepth) {
    push({
      scanner: "archive", covered: false, reason: `archives nested deeper than ${context.limits.archive.maxDepth}`,
      findings: [finding("archive", "medium", "archive.too_deep", `An archive nested ${depth + 1} levels deep was not opened (the limit is ${context.limits.archive.maxDepth})`, { ...(at ? { member: at } : {}) })],
    });
    await drain(stream);
    return format;
  }

  switch (format) {
    case "zip": case "pytorch_zip": case "numpy_zip": case "keras": {
      const memberScanner = (member: string, path: string, body: AsyncIterable<Buffer>, memberSize: number | undefined) =>
        scanContent(member, body, memberSize, context, path, depth + 1).then(() => undefined);
      push(await scanZip(stream, { budget: context.budget, where, scanMember: memberScanner }));
      return format;
    }
    case "tar": {
      const memberScanner = (member: string, path: string, body: AsyncIterable<Buffer>, memberSize: number | undefined) =>
        scanContent(member, body, memberSize, context, path, depth + 1).then(() => undefined);
      push(await scanTar(stream, { budget: context.budget, where, scanMember: memberScanner }));
      return format;
    }
    case "gzip": case "zlib": {
      // Decompress and look again: a .tar.gz, a compressed joblib file, a gzipped pickle.
      let compressed = 0;
      const inner = metered(throughZlib(stream, format === "gzip" ? createGunzip() : createInflate(), (n) => (compressed += n)), context.budget, () => compressed, name);
      const innerName = name.replace(/\.(gz|tgz|z)$/i, (ext) => (ext.toLowerCase() === ".tgz" ? ".tar" : ""));
      try {
        await scanContent(innerName, inner, undefined, context, where ? `${where}!/(${format})` : "", depth + 1);
        push({ scanner: "archive", covered: true, findings: [], summary: { kind: format } });
      } catch (error) {
        if (!(error instanceof LimitError)) {
          push({ scanner: "archive", covered: false, reason: `the ${format} stream is corrupt`, findings: [finding("archive", "medium", "archive.corrupt", `The ${format} stream could not be decompressed: ${(error as Error).message}`, {})] });
        } else {
          push({ scanner: "archive", covered: false, reason: error.message, findings: [finding("archive", error.rule === "archive.zip_bomb" ? "high" : "medium", error.rule, error.message, error.detail)] });
        }
        await drain(stream);
      }
      return format;
    }
    case "numpy":
      await scanNumpy(stream, context, push);
      return format;
  }
  const runs: Promise<ScannerResult>[] = [];
  // Several scanners over one stream (a .safetensors name with pickle bytes): each gets every chunk.
  const tee = scanners.length > 1 ? teeStream(stream, scanners.length) : [stream];
  scanners.forEach((scanner, i) => {
    const body = tee[i];
    if (scanner === "safetensors") runs.push(scanSafetensors(body));
    else if (scanner === "gguf") runs.push(scanGguf(body, { size, limits: context.limits.gguf }));
    else if (scanner === "pickle") runs.push(walkPickles(body, context.limits.pickle, at));
  });
  if (!runs.length) await drain(stream);
  for (const result of await Promise.all(runs)) push(result);
  return format;
}

async function walkPickles(stream: AsyncIterable<Buffer>, limits: Partial<PickleLimits>, where?: string): Promise<ScannerResult> {
  const walker = new PickleWalker(limits);
  for await (const chunk of stream) walker.feed(chunk);
  return pickleResult(walker.end(), where);
}

/** Longest .npy header read; a longer one cannot be checked for an object dtype and is not covered. */
const MAX_NUMPY_HEADER = 1 << 20;

/**
 * A .npy header (a Python dict literal) whose dtype holds objects: any quoted type string of kind
 * O, wherever the descr key sits and whichever quotes it uses, in a plain or a structured dtype.
 */
const OBJECT_DTYPE = /['"][<>|=]?O\d*['"]/;

/** .npy: a pickle follows the header only when the dtype holds Python objects. */
async function scanNumpy(stream: AsyncIterable<Buffer>, context: ContentContext, push: (result: ScannerResult) => void): Promise<void> {
  const { head, stream: body } = await peek(stream, 12);
  const major = head[6];
  const prefix = major === 1 ? 10 : 12;
  // A file cut inside its header holds no array, nor any pickle a loader could reach.
  const headerLength = head.length < prefix ? 0 : major === 1 ? head.readUInt16LE(8) : head.readUInt32LE(8);
  if (headerLength > MAX_NUMPY_HEADER) {
    push({
      scanner: "pickle", covered: false, reason: "a .npy header too large to read",
      findings: [finding("pickle", "medium", "pickle.not_fully_scanned", `The .npy header is ${headerLength} bytes, over the ${MAX_NUMPY_HEADER} the scanner reads: whether it holds pickled objects is unknown`, {})],
    });
    await drain(body);
    return;
  }
  const { head: all, stream: rest } = await peek(body, prefix + headerLength);
  if (!OBJECT_DTYPE.test(all.subarray(prefix).toString("latin1"))) {
    await drain(rest);
    return;
  }
  // Skip the header, then walk what follows as pickles.
  let skip = prefix + headerLength;
  const pickled = (async function* () {
    for await (const chunk of rest) {
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      yield skip ? chunk.subarray(skip) : chunk;
      skip = 0;
    }
  })();
  push(await walkPickles(pickled, context.limits.pickle));
}

function withWhere(result: ScannerResult, where: string): ScannerResult {
  return {
    ...result,
    findings: result.findings.map((f) => ("member" in f.detail ? f : { ...f, detail: { ...f.detail, member: where } })),
    ...(result.imports ? { imports: result.imports.map((i) => ({ ...i, where: i.where ?? where })) } : {}),
    ...(result.summary ? { summary: { ...result.summary, member: where } } : {}),
  };
}

/** Splits one stream into n that each see every chunk; a reader ahead of the others waits for them. */
function teeStream(source: AsyncIterable<Buffer>, n: number): AsyncIterable<Buffer>[] {
  const iterator = source[Symbol.asyncIterator]();
  const queues: Buffer[][] = Array.from({ length: n }, () => []);
  const closed = new Array<boolean>(n).fill(false);
  let done = false;
  let failure: unknown = null;
  let pulling: Promise<void> | null = null;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const list = waiters;
    waiters = [];
    list.forEach((resolve) => resolve());
  };
  const pull = () =>
    (pulling ??= (async () => {
      try {
        const next = await iterator.next();
        if (next.done) done = true;
        else queues.forEach((q, i) => !closed[i] && q.push(next.value));
      } catch (error) {
        failure = error;
        done = true;
      }
      pulling = null;
      wake();
    })());
  return queues.map((queue, i) => ({
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<Buffer>> => {
        for (;;) {
          if (queue.length) {
            const value = queue.shift()!;
            wake();
            return { done: false, value };
          }
          if (failure) throw failure;
          if (done) return { done: true, value: undefined };
          if (queues.some((q, j) => j !== i && !closed[j] && q.length)) await new Promise<void>((resolve) => waiters.push(resolve));
          else await pull();
        }
      },
      return: async (): Promise<IteratorResult<Buffer>> => {
        closed[i] = true;
        queue.length = 0;
        wake();
        return { done: true, value: undefined };
      },
    }),
  }));
}
