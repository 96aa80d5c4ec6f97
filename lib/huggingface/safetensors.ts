// Reads and checks safetensors headers through ranged reads: the exact parameter count without
// the weights. Written here rather than taken from @huggingface/hub's parseSafetensorsMetadata,
// which spends three round trips per file (a size probe, the length, the header); we read each
// shard's header in one request sized from the index (how many tensors, how long their names),
// which is what keeps a 30-shard import under a second. It also applies the format's checks
// (docs/domain.md): offsets contiguous from 0, each span equal to shape x dtype size, the last
// offset at the end of the file.
import type { RangeReader } from "./gguf";

export class SafetensorsFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SafetensorParseError";
  }
}

/** Bits per element of each dtype the format defines (sub-byte floats pack two to a byte). */
const DTYPE_BITS: Record<string, number> = {
  F64: 64, F32: 32, F16: 16, BF16: 16, I64: 64, I32: 32, I16: 16, I8: 8, U64: 64, U32: 32, U16: 16, U8: 8, BOOL: 8,
  F8_E4M3: 8, F8_E5M2: 8, F8_E4M3FNUZ: 8, F8_E5M2FNUZ: 8, F8_E8M0: 8, E8M0: 8, F6_E2M3: 6, F6_E3M2: 6, F4: 4, FP4: 4, C64: 64,
};
const MAX_HEADER = 100 * 1024 * 1024;
/** When nothing tells us the header's size: huggingface_hub's own first guess. */
export const DEFAULT_HEADER_GUESS = 100_000;

export interface SafetensorsSummary {
  parameters: number;
  tensors: number;
  headerBytes: number;
  metadata: Record<string, string>;
}

interface TensorEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

/** Checks a parsed header against the file size and sums its tensors' elements. */
export function summarizeHeader(json: unknown, headerLength: number, fileSize: number, path: string): SafetensorsSummary {
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new SafetensorsFormatError(`${path}: the header is not a JSON object`);
  const { __metadata__: metadata, ...tensors } = json as Record<string, unknown>;
  const spans: [number, number, string][] = [];
  let parameters = 0;
  for (const [name, value] of Object.entries(tensors)) {
    const entry = value as Partial<TensorEntry>;
    const bits = DTYPE_BITS[entry?.dtype ?? ""];
    if (!bits) throw new SafetensorsFormatError(`${path}: tensor ${name} has an unknown dtype ${String(entry?.dtype)}`);
    if (!Array.isArray(entry.shape) || !entry.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      throw new SafetensorsFormatError(`${path}: tensor ${name} has an invalid shape`);
    }
    const [begin, end] = Array.isArray(entry.data_offsets) ? entry.data_offsets : [];
    if (!Number.isSafeInteger(begin) || !Number.isSafeInteger(end) || begin! < 0 || end! < begin!) {
      throw new SafetensorsFormatError(`${path}: tensor ${name} has invalid data_offsets`);
    }
    const elements = entry.shape.reduce((product, dim) => product * dim, 1);
    if (!Number.isSafeInteger(elements) || Math.ceil((elements * bits) / 8) !== end! - begin!) {
      throw new SafetensorsFormatError(`${path}: tensor ${name} spans ${end! - begin!} bytes, not the ${Math.ceil((elements * bits) / 8)} its shape and dtype need`);
    }
    parameters += elements;
    spans.push([begin!, end!, name]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let expected = 0;
  for (const [begin, end, name] of spans) {
    if (begin !== expected) throw new SafetensorsFormatError(`${path}: tensor ${name} starts at ${begin}, not at ${expected} (gap or overlap)`);
    expected = end;
  }
  if (8 + headerLength + expected !== fileSize) {
    throw new SafetensorsFormatError(`${path}: the tensors end at byte ${8 + headerLength + expected}, but the file is ${fileSize} bytes`);
  }
  const meta = metadata && typeof metadata === "object" ? (metadata as Record<string, string>) : {};
  return { parameters, tensors: spans.length, headerBytes: 8 + headerLength, metadata: meta };
}

/** One ranged read of `guess` bytes, and a second only when the header turns out to be longer. */
export async function readSafetensorsHeader(read: RangeReader, fileSize: number, path: string, guess = DEFAULT_HEADER_GUESS): Promise<SafetensorsSummary> {
  if (fileSize < 8) throw new SafetensorsFormatError(`${path}: the file is under 8 bytes`);
  let bytes = await read(0, Math.min(fileSize, Math.max(16, guess)));
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(0, true);
  if (length > BigInt(MAX_HEADER)) throw new SafetensorsFormatError(`${path}: the header claims ${length} bytes, over the 100 MB limit`);
  const headerLength = Number(length);
  if (8 + headerLength > fileSize) throw new SafetensorsFormatError(`${path}: the header runs past the end of the file`);
  if (bytes.length < 8 + headerLength) {
    const rest = await read(bytes.length, 8 + headerLength);
    const whole = new Uint8Array(8 + headerLength);
    whole.set(bytes.subarray(0, bytes.length), 0);
    whole.set(rest, bytes.length);
    bytes = whole;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    throw new SafetensorsFormatError(`${path}: the header is not UTF-8 JSON`);
  }
  return summarizeHeader(json, headerLength, fileSize, path);
}

/** A header size guess for a shard from the index: its tensors' names plus each entry's JSON. */
export function guessHeaderBytes(tensorNames: string[]): number {
  const entries = tensorNames.reduce((sum, name) => sum + name.length + 96, 0);
  return Math.ceil((entries + 256) * 1.15);
}

/** The shard files of an index and the tensors each holds. */
export function shardsOfIndex(index: unknown, path: string): Map<string, string[]> {
  const weightMap = (index as { weight_map?: unknown })?.weight_map;
  if (!weightMap || typeof weightMap !== "object") throw new SafetensorsFormatError(`${path}: no weight_map`);
  const shards = new Map<string, string[]>();
  for (const [tensor, file] of Object.entries(weightMap as Record<string, unknown>)) {
    if (typeof file !== "string" || file.startsWith("/") || file.split("/").some((part) => part === ".." || part === "")) {
      throw new SafetensorsFormatError(`${path}: weight_map names an unsafe file for ${tensor}`);
    }
    const names = shards.get(file);
    if (names) names.push(tensor);
    else shards.set(file, [tensor]);
  }
  return shards;
}
