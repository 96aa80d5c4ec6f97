// Stream helpers for archive members: peeking at a stream's first bytes, running a stream through
// zlib with backpressure, and counting what comes out against the archive's limits.
import type { Transform } from "node:stream";

/** Reads the first n bytes of a stream and gives back a stream that still starts with them. */
export async function peek(source: AsyncIterable<Uint8Array>, n: number): Promise<{ head: Buffer; stream: AsyncIterable<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    taken.push(chunk);
    size += chunk.length;
  }
  const head = Buffer.concat(taken).subarray(0, n);
  async function* stream(): AsyncGenerator<Buffer> {
    try {
      for (const chunk of taken) yield chunk;
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { head, stream: stream() };
}

/**
 * Runs a stream through a zlib transform. Input is written with backpressure; when the consumer
 * stops early the transform is destroyed and the rest of the input is still read (so an outer
 * reader ends up past it). `onInput` sees every compressed byte.
 */
export async function* throughZlib(source: AsyncIterable<Uint8Array>, z: Transform, onInput: (bytes: number) => void = () => {}): AsyncGenerator<Buffer> {
  let feedError: unknown = null;
  const waitDrain = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        z.off("drain", done);
        z.off("close", done);
        resolve();
      };
      z.once("drain", done);
      z.once("close", done);
    });
  const feeder = (async () => {
    try {
      for await (const chunk of source) {
        onInput(chunk.length);
        if (z.destroyed || z.writableEnded || z.readableEnded) continue;
        if (!z.write(chunk)) await waitDrain();
      }
      if (!z.destroyed && !z.writableEnded) z.end();
    } catch (error) {
      feedError = error;
      // Destroyed with the cause, so the reader below sees it (a truncated archive) rather than
      // the stream's own "Premature close".
      z.destroy(error as Error);
    }
  })();
  try {
    for await (const chunk of z) yield chunk as Buffer;
  } finally {
    if (!z.destroyed) z.destroy();
    await feeder;
  }
  if (feedError) throw feedError;
}

export class LimitError extends Error {
  constructor(readonly rule: string, message: string, readonly detail: Record<string, unknown>) {
    super(message);
    this.name = "LimitError";
  }
}

export interface ArchiveLimits {
  /** Uncompressed bytes across every member of every archive in a file. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, checked once a member has produced minRatioBytes. */
  maxRatio: number;
  minRatioBytes: number;
  /** Archives inside archives. */
  maxDepth: number;
  maxMembers: number;
}

export const defaultArchiveLimits: ArchiveLimits = {
  maxTotalBytes: 64 * 1024 ** 3,
  maxRatio: 100,
  minRatioBytes: 16 * 1024 * 1024,
  maxDepth: 3,
  maxMembers: 100_000,
};

/** The running total of uncompressed bytes for one file, shared by nested archives. */
export class Budget {
  total = 0;
  members = 0;
  constructor(readonly limits: ArchiveLimits) {}
}

/** Counts a member's uncompressed bytes against the ratio and the file's total; throws LimitError past them. */
export async function* metered(source: AsyncIterable<Buffer>, budget: Budget, compressed: () => number, what: string): AsyncGenerator<Buffer> {
  let out = 0;
  const { maxTotalBytes, maxRatio, minRatioBytes } = budget.limits;
  for await (const chunk of source) {
    out += chunk.length;
    budget.total += chunk.length;
    if (budget.total > maxTotalBytes) {
      throw new LimitError("archive.too_large", `${what}: the archive expands past ${maxTotalBytes} bytes`, { limit_bytes: maxTotalBytes });
    }
    if (out >= minRatioBytes && out > maxRatio * Math.max(1, compressed())) {
      throw new LimitError("archive.zip_bomb", `${what} expands more than ${maxRatio} times (${compressed()} bytes became over ${out}): a decompression bomb`, {
        compressed_bytes: compressed(), uncompressed_bytes_so_far: out, max_ratio: maxRatio,
      });
    }
    yield chunk;
  }
}

/** True when a member name would land outside the folder it is extracted into. */
export function escapesFolder(name: string): boolean {
  const path = name.replace(/\\/g, "/");
  if (path.startsWith("/") || /^[a-zA-Z]:/.test(path)) return true;
  let depth = 0;
  for (const part of path.split("/")) {
    if (part === "..") depth--;
    else if (part !== "" && part !== ".") depth++;
    if (depth < 0) return true;
  }
  return false;
}
