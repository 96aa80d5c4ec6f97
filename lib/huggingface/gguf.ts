// Reads a GGUF file's header (metadata and tensor infos) through ranged reads, growing each read
// as the parser needs more, and never touches the tensor data. Written here rather than taken
// from @huggingface/gguf so that it reads through our Hub fetch (token rules, retries) and in
// reads sized to the header: a tokenizer's vocabulary can make the header several megabytes,
// and the tensor data after it is gigabytes we must not download.

/** Bytes [start, end) of the file. */
export type RangeReader = (start: number, end: number) => Promise<Uint8Array>;

export type GgufMetadataValue = string | number | boolean | bigint | { array: string; length: number; values?: (string | number | boolean | bigint)[] };

export interface GgufHeader {
  version: number;
  metadata: Record<string, GgufMetadataValue>;
  tensorCount: number;
  /** Sum over every tensor of the product of its dimensions. */
  parameterCount: number;
  /** Bytes of header read (metadata and tensor infos). */
  headerBytes: number;
}

export class GgufFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GgufFormatError";
  }
}

const LIMITS = { tensors: 1_000_000, keys: 100_000, stringBytes: 64 * 1024 * 1024, arrayItems: 200_000_000, dims: 8, headerBytes: 256 * 1024 * 1024 };
const KEPT_ARRAY_ITEMS = 64;
const TYPE_NAMES = ["u8", "i8", "u16", "i16", "u32", "i32", "f32", "bool", "string", "array", "u64", "i64", "f64"];
const FIXED_SIZES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };

class Cursor {
  private buffer = new Uint8Array(0);
  private view = new DataView(this.buffer.buffer);
  private start = 0;
  position = 0;
  private chunk: number;

  constructor(private read: RangeReader, private size: number, firstChunk: number) {
    this.chunk = firstChunk;
  }

  has(n: number): boolean {
    return this.position + n <= this.start + this.buffer.length;
  }

  /** Reads ahead so that n more bytes are in memory; each read doubles, up to the header limit. */
  async fill(n: number): Promise<void> {
    if (this.has(n)) return;
    const end = this.position + n;
    if (end > this.size) throw new GgufFormatError(`The header runs past the end of the file (${this.size} bytes)`);
    if (end > LIMITS.headerBytes) throw new GgufFormatError(`The header is larger than ${LIMITS.headerBytes} bytes`);
    const have = this.start + this.buffer.length;
    const target = Math.min(this.size, Math.max(end, have + this.chunk));
    this.chunk *= 2;
    const more = await this.read(have, target);
    if (more.length !== target - have) throw new GgufFormatError(`Asked for ${target - have} bytes at ${have}, got ${more.length}`);
    // Keep only from the current position on: the header is read once, front to back.
    const keepFrom = this.position - this.start;
    const next = new Uint8Array(this.buffer.length - keepFrom + more.length);
    next.set(this.buffer.subarray(keepFrom), 0);
    next.set(more, this.buffer.length - keepFrom);
    this.buffer = next;
    this.view = new DataView(next.buffer);
    this.start = this.position;
  }

  private at(n: number): number {
    const offset = this.position - this.start;
    this.position += n;
    return offset;
  }

  u8 = () => this.view.getUint8(this.at(1));
  i8 = () => this.view.getInt8(this.at(1));
  u16 = () => this.view.getUint16(this.at(2), true);
  i16 = () => this.view.getInt16(this.at(2), true);
  u32 = () => this.view.getUint32(this.at(4), true);
  i32 = () => this.view.getInt32(this.at(4), true);
  f32 = () => this.view.getFloat32(this.at(4), true);
  f64 = () => this.view.getFloat64(this.at(8), true);
  i64 = () => this.view.getBigInt64(this.at(8), true);
  u64big = () => this.view.getBigUint64(this.at(8), true);

  /** A u64 that must fit a JavaScript number (counts, lengths, dimensions). */
  u64(what: string, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.u64big();
    if (value > BigInt(max)) throw new GgufFormatError(`${what} is ${value}, over the limit of ${max}`);
    return Number(value);
  }

  async string(what: string): Promise<string> {
    await this.fill(8);
    const length = this.u64(`${what} length`, LIMITS.stringBytes);
    await this.fill(length);
    const offset = this.at(length);
    return new TextDecoder().decode(this.buffer.subarray(offset, offset + length));
  }
}

async function readScalar(cursor: Cursor, type: number, what: string): Promise<string | number | boolean | bigint> {
  if (type === 8) return cursor.string(what);
  const size = FIXED_SIZES[type];
  if (size === undefined) throw new GgufFormatError(`${what} has unknown value type ${type}`);
  await cursor.fill(size);
  switch (type) {
    case 0: return cursor.u8();
    case 1: return cursor.i8();
    case 2: return cursor.u16();
    case 3: return cursor.i16();
    case 4: return cursor.u32();
    case 5: return cursor.i32();
    case 6: return cursor.f32();
    case 7: return cursor.u8() !== 0;
    case 10: { const value = cursor.u64big(); return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value; }
    case 11: return cursor.i64();
    default: return cursor.f64();
  }
}

async function readValue(cursor: Cursor, type: number, key: string): Promise<GgufMetadataValue> {
  if (type !== 9) return readScalar(cursor, type, key);
  await cursor.fill(12);
  const itemType = cursor.u32();
  const length = cursor.u64(`${key} array length`, LIMITS.arrayItems);
  if (itemType === 9) throw new GgufFormatError(`${key}: nested arrays are not supported`);
  const values: (string | number | boolean | bigint)[] = [];
  const fixed = FIXED_SIZES[itemType];
  if (fixed !== undefined) await cursor.fill(fixed * Math.min(length, KEPT_ARRAY_ITEMS));
  for (let i = 0; i < length; i++) {
    if (fixed !== undefined && i === KEPT_ARRAY_ITEMS) {
      // Numbers past the kept prefix are skipped in one step.
      await cursor.fill(fixed * (length - i));
      cursor.position += fixed * (length - i);
      break;
    }
    const value = await readScalar(cursor, itemType, key);
    if (i < KEPT_ARRAY_ITEMS) values.push(value);
  }
  return { array: TYPE_NAMES[itemType] ?? String(itemType), length, ...(length <= KEPT_ARRAY_ITEMS ? { values } : {}) };
}

export async function readGgufHeader(read: RangeReader, size: number, firstChunk = 512 * 1024): Promise<GgufHeader> {
  const cursor = new Cursor(read, size, firstChunk);
  await cursor.fill(24);
  const magic = String.fromCharCode(cursor.u8(), cursor.u8(), cursor.u8(), cursor.u8());
  if (magic !== "GGUF") throw new GgufFormatError("Not a GGUF file (no GGUF magic)");
  const version = cursor.u32();
  if (version < 2 || version > 3) throw new GgufFormatError(`Unsupported GGUF version ${version}`);
  const tensorCount = cursor.u64("tensor count", LIMITS.tensors);
  const keyCount = cursor.u64("metadata count", LIMITS.keys);

  const metadata: Record<string, GgufMetadataValue> = {};
  for (let i = 0; i < keyCount; i++) {
    const key = await cursor.string("metadata key");
    await cursor.fill(4);
    metadata[key] = await readValue(cursor, cursor.u32(), key);
  }

  let parameterCount = 0;
  for (let i = 0; i < tensorCount; i++) {
    const name = await cursor.string("tensor name");
    await cursor.fill(4);
    const dims = cursor.u32();
    if (dims > LIMITS.dims) throw new GgufFormatError(`Tensor ${name} has ${dims} dimensions`);
    await cursor.fill(8 * dims + 12);
    let elements = 1;
    for (let d = 0; d < dims; d++) elements *= cursor.u64(`tensor ${name} dimension`);
    if (!Number.isSafeInteger(elements)) throw new GgufFormatError(`Tensor ${name} is too large`);
    cursor.u32(); // ggml type
    cursor.u64big(); // data offset
    parameterCount += elements;
  }
  return { version, metadata, tensorCount, parameterCount, headerBytes: cursor.position };
}

/** A metadata value as a number, when it is one. */
export function metadataNumber(header: GgufHeader, key: string): number | null {
  const value = header.metadata[key];
  return typeof value === "number" ? value : typeof value === "bigint" ? Number(value) : null;
}

export function metadataString(header: GgufHeader, key: string): string | null {
  const value = header.metadata[key];
  return typeof value === "string" ? value : null;
}
