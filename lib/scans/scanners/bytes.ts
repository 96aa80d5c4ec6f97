// Byte plumbing shared by the scanners: a pull reader over any async stream of chunks (files,
// fetch bodies, archive members), and a channel that lets one producer feed a consumer with
// bounded buffering, so a file is read once and never held whole in memory.

export class TruncatedError extends Error {
  constructor(readonly wanted: number, readonly at: number) {
    super(`unexpected end of data at byte ${at} (wanted ${wanted} more bytes)`);
    this.name = "TruncatedError";
  }
}

export class ByteReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;
  private readonly iterator: AsyncIterator<Uint8Array>;
  /** Bytes consumed so far. */
  position = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    if (chunk.length) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    return true;
  }

  /** Buffers at least n bytes; false when the stream ends first. */
  async fill(n: number): Promise<boolean> {
    while (this.buffered < n) if (!(await this.pull())) return false;
    return true;
  }

  get available(): number {
    return this.buffered;
  }

  /** Exactly n bytes, or TruncatedError. */
  async read(n: number): Promise<Buffer> {
    if (!(await this.fill(n))) throw new TruncatedError(n - this.buffered, this.position + this.buffered);
    return this.take(n);
  }

  /** Up to n bytes without consuming them (fewer only at the end of the stream). */
  async peek(n: number): Promise<Buffer> {
    await this.fill(n);
    const first = this.chunks[0];
    if (first && first.length >= Math.min(n, this.buffered)) return first.subarray(0, Math.min(n, this.buffered));
    return Buffer.concat(this.chunks).subarray(0, Math.min(n, this.buffered));
  }

  private take(n: number): Buffer {
    // Nothing may be buffered at all: a zero-length read (an empty zip extra field, an empty GGUF
    // string) right at a chunk boundary.
    if (n === 0) return Buffer.alloc(0);
    this.position += n;
    this.buffered -= n;
    const first = this.chunks[0];
    if (first.length > n) {
      this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    if (first.length === n) {
      this.chunks.shift();
      return first;
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[0];
      const part = Math.min(chunk.length, n - filled);
      chunk.copy(out, filled, 0, part);
      filled += part;
      if (part === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(part);
    }
    return out;
  }

  /** The next chunk of at most max bytes (null at the end), without copying. */
  async next(max = Infinity): Promise<Buffer | null> {
    while (!this.buffered) if (!(await this.pull())) return null;
    const first = this.chunks[0];
    return this.take(Math.min(first.length, max));
  }

  /** Skips n bytes; returns how many were skipped (fewer only at the end of the stream). */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      const chunk = await this.next(left);
      if (!chunk) break;
      left -= chunk.length;
    }
    return n - left;
  }

  /** Yields exactly the next n bytes as chunks; throws TruncatedError when the stream is shorter. */
  async *slice(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      const chunk = await this.next(left);
      if (!chunk) throw new TruncatedError(left, this.position);
      left -= chunk.length;
      yield chunk;
    }
  }

  /** Yields everything that is left. */
  async *rest(): AsyncGenerator<Buffer> {
    for (;;) {
      const chunk = await this.next();
      if (!chunk) return;
      yield chunk;
    }
  }

  /** Reads to the end; returns the number of bytes skipped. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const chunk = await this.next();
      if (!chunk) return total;
      total += chunk.length;
    }
  }

  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }
}

/**
 * A bounded hand-over from a producer that pushes chunks to a consumer that iterates them. push()
 * waits while `capacity` chunks are waiting; once the consumer stops early, pushes are dropped.
 */
export class Channel implements AsyncIterable<Buffer> {
  private queue: Buffer[] = [];
  private closed = false;
  private failure: Error | null = null;
  private abandoned = false;
  private wakeConsumer: (() => void) | null = null;
  private wakeProducer: (() => void) | null = null;

  constructor(private readonly capacity = 4) {}

  async push(chunk: Buffer): Promise<void> {
    if (this.abandoned || this.closed) return;
    while (this.queue.length >= this.capacity && !this.abandoned) {
      await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    }
    if (this.abandoned) return;
    this.queue.push(chunk);
    this.wakeConsumer?.();
    this.wakeConsumer = null;
  }

  close(error?: Error): void {
    this.closed = true;
    if (error) this.failure = error;
    this.wakeConsumer?.();
    this.wakeConsumer = null;
  }

  /** The consumer is gone: drop what is pushed from now on. */
  abandon(): void {
    this.abandoned = true;
    this.queue = [];
    this.wakeProducer?.();
    this.wakeProducer = null;
  }

  /** True once the consumer stopped reading. */
  get isAbandoned(): boolean {
    return this.abandoned;
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return {
      next: async () => {
        while (!this.queue.length) {
          if (this.failure) throw this.failure;
          if (this.closed) return { done: true, value: undefined };
          await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
        }
        const value = this.queue.shift()!;
        this.wakeProducer?.();
        this.wakeProducer = null;
        return { done: false, value };
      },
      return: async () => {
        this.abandon();
        return { done: true, value: undefined };
      },
    };
  }
}

/** An async iterable over fixed buffers: handy for tests and small inputs. */
export async function* chunksOf(data: Uint8Array, size = 64 * 1024): AsyncGenerator<Buffer> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
}
