// GGUF: header, metadata and tensor-info validation over a stream, with the useful metadata read
// out (architecture, name, license, context length, quantization). Counts and lengths are checked
// against the file's size (when known) and fixed limits before anything is read or allocated.
import { ByteReader, TruncatedError } from "./bytes";
import { finding, type Finding, type ScannerResult, type Severity } from "./types";

export interface GgufLimits {
  maxTensors: number;
  maxKeyValues: number;
  maxStringBytes: number;
  maxArrayItems: number;
}

export const defaultGgufLimits: GgufLimits = {
  maxTensors: 1_000_000,
  maxKeyValues: 100_000,
  maxStringBytes: 64 * 1024 * 1024,
  maxArrayItems: 50_000_000,
};

const GGML_MAX_DIMS = 4;

/** ggml tensor types: [name, elements per block, bytes per block]. */
export const ggmlTypes: Record<number, [string, number, number]> = {
  0: ["F32", 1, 4], 1: ["F16", 1, 2], 2: ["Q4_0", 32, 18], 3: ["Q4_1", 32, 20], 6: ["Q5_0", 32, 22],
  7: ["Q5_1", 32, 24], 8: ["Q8_0", 32, 34], 9: ["Q8_1", 32, 36], 10: ["Q2_K", 256, 84], 11: ["Q3_K", 256, 110],
  12: ["Q4_K", 256, 144], 13: ["Q5_K", 256, 176], 14: ["Q6_K", 256, 210], 15: ["Q8_K", 256, 292],
  16: ["IQ2_XXS", 256, 66], 17: ["IQ2_XS", 256, 74], 18: ["IQ3_XXS", 256, 98], 19: ["IQ1_S", 256, 50],
  20: ["IQ4_NL", 32, 18], 21: ["IQ3_S", 256, 110], 22: ["IQ2_S", 256, 82], 23: ["IQ4_XS", 256, 136],
  24: ["I8", 1, 1], 25: ["I16", 1, 2], 26: ["I32", 1, 4], 27: ["I64", 1, 8], 28: ["F64", 1, 8],
  29: ["IQ1_M", 256, 56], 30: ["BF16", 1, 2], 31: ["Q4_0_4_4", 32, 18], 32: ["Q4_0_4_8", 32, 18],
  33: ["Q4_0_8_8", 32, 18], 34: ["TQ1_0", 256, 54], 35: ["TQ2_0", 256, 66], 39: ["MXFP4", 32, 17],
};

/** general.file_type, as llama.cpp names it. */
const fileTypes: Record<number, string> = {
  0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K", 11: "Q3_K_S",
  12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K",
  19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS", 23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL",
  26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S", 29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16",
  36: "TQ1_0", 37: "TQ2_0", 38: "MXFP4_MOE",
};

enum T { U8, I8, U16, I16, U32, I32, F32, BOOL, STRING, ARRAY, U64, I64, F64 }
const scalarBytes: Partial<Record<T, number>> = {
  [T.U8]: 1, [T.I8]: 1, [T.U16]: 2, [T.I16]: 2, [T.U32]: 4, [T.I32]: 4, [T.F32]: 4, [T.BOOL]: 1,
  [T.U64]: 8, [T.I64]: 8, [T.F64]: 8,
};

class Reject extends Error {
  constructor(readonly severity: Severity, readonly rule: string, message: string, readonly detail: Record<string, unknown> = {}) {
    super(message);
  }
}

type Scalar = string | number | bigint | boolean;

class GgufReader {
  constructor(private readonly reader: ByteReader, private readonly size: number | undefined, private readonly limits: GgufLimits) {}

  get position(): number {
    return this.reader.position;
  }

  /** Bytes that can still follow, when the file's size is known. */
  private left(): number {
    return this.size === undefined ? Infinity : this.size - this.reader.position;
  }

  async bytes(n: number): Promise<Buffer> {
    return this.reader.read(n);
  }

  async u32(): Promise<number> {
    return (await this.reader.read(4)).readUInt32LE(0);
  }

  async u64(what: string, limit: number): Promise<number> {
    const value = (await this.reader.read(8)).readBigUInt64LE(0);
    if (value > BigInt(limit)) {
      throw new Reject("high", "gguf.absurd_count", `${what} is ${value}, over the limit of ${limit}`, { what, value: value.toString(), limit });
    }
    return Number(value);
  }

  async string(what: string, keep = 1024): Promise<string | null> {
    const length = await this.u64(`the length of ${what}`, this.limits.maxStringBytes);
    if (length > this.left()) throw new Reject("high", "gguf.length_past_end", `The length of ${what} (${length}) runs past the end of the file`, { what, length });
    if (length > keep) {
      await this.skip(length);
      return null;
    }
    return (await this.reader.read(length)).toString("utf8");
  }

  async skip(n: number): Promise<void> {
    const skipped = await this.reader.skip(n);
    if (skipped < n) throw new TruncatedError(n - skipped, this.reader.position);
  }

  async value(type: number, key: string, depth = 0): Promise<Scalar | null> {
    switch (type) {
      case T.U8: return (await this.bytes(1)).readUInt8(0);
      case T.I8: return (await this.bytes(1)).readInt8(0);
      case T.U16: return (await this.bytes(2)).readUInt16LE(0);
      case T.I16: return (await this.bytes(2)).readInt16LE(0);
      case T.U32: return (await this.bytes(4)).readUInt32LE(0);
      case T.I32: return (await this.bytes(4)).readInt32LE(0);
      case T.F32: return (await this.bytes(4)).readFloatLE(0);
      case T.BOOL: return (await this.bytes(1))[0] !== 0;
      case T.U64: return narrow((await this.bytes(8)).readBigUInt64LE(0));
      case T.I64: return narrow((await this.bytes(8)).readBigInt64LE(0));
      case T.F64: return (await this.bytes(8)).readDoubleLE(0);
      case T.STRING: return this.string(`the value of ${key}`);
      case T.ARRAY: {
        if (depth > 2) throw new Reject("high", "gguf.bad_value", `${key} nests arrays too deep`, { key });
        const itemType = await this.u32();
        const count = await this.u64(`the item count of ${key}`, this.limits.maxArrayItems);
        const width = scalarBytes[itemType as T];
        if (width !== undefined) {
          if (count * width > this.left()) throw new Reject("high", "gguf.length_past_end", `The array ${key} (${count} items) runs past the end of the file`, { key, count });
          await this.skip(count * width);
        } else if (itemType === T.STRING || itemType === T.ARRAY) {
          if (count * 8 > this.left()) throw new Reject("high", "gguf.length_past_end", `The array ${key} (${count} items) runs past the end of the file`, { key, count });
          for (let i = 0; i < count; i++) {
            if (itemType === T.STRING) await this.string(`an item of ${key}`, 0);
            else await this.value(T.ARRAY, key, depth + 1);
          }
        } else throw new Reject("medium", "gguf.bad_value", `${key} is an array of unknown type ${itemType}`, { key, type: itemType });
        return null;
      }
      default:
        throw new Reject("medium", "gguf.bad_value", `${key} has unknown value type ${type}`, { key, type });
    }
  }
}

function narrow(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

export interface GgufSummary {
  version: number;
  tensors: number;
  parameters: number;
  metadata_keys: number;
  architecture: string | null;
  name: string | null;
  license: string | null;
  context_length: number | null;
  quantization: string | null;
  tensor_types: Record<string, number>;
  alignment: number;
}

/** Scans a GGUF stream to its end; `size` (when known) bounds every count before it is trusted. */
export async function scanGguf(source: AsyncIterable<Uint8Array>, options: { size?: number; limits?: Partial<GgufLimits> } = {}): Promise<ScannerResult> {
  const limits = { ...defaultGgufLimits, ...options.limits };
  const reader = new ByteReader(source);
  const gguf = new GgufReader(reader, options.size, limits);
  const findings: Finding[] = [];
  let summary: GgufSummary | undefined;
  try {
    try {
      summary = await readGguf(gguf, reader, limits);
    } catch (error) {
      if (!(error instanceof TruncatedError)) throw error;
      throw new Reject("medium", "gguf.truncated", `The file ends inside its header (${error.message})`, { at: error.at });
    }
  } catch (error) {
    if (!(error instanceof Reject)) throw error;
    findings.push(finding("gguf", error.severity, error.rule, error.message, error.detail));
    await reader.drain();
  }
  return { scanner: "gguf", covered: true, findings, ...(summary ? { summary: summary as unknown as Record<string, unknown> } : {}) };
}

async function readGguf(gguf: GgufReader, reader: ByteReader, limits: GgufLimits): Promise<GgufSummary> {
  const magic = await gguf.bytes(4);
  if (magic.toString("latin1") !== "GGUF") throw new Reject("medium", "gguf.bad_magic", "The file does not start with GGUF");
  const version = await gguf.u32();
  if (version !== 2 && version !== 3) throw new Reject("medium", "gguf.unsupported_version", `GGUF version ${version} is not supported (2 and 3 are)`, { version });
  const tensorCount = await gguf.u64("the tensor count", limits.maxTensors);
  const kvCount = await gguf.u64("the metadata count", limits.maxKeyValues);
  const metadata = new Map<string, Scalar | null>();
  for (let i = 0; i < kvCount; i++) {
    const key = await gguf.string("a metadata key", 65535);
    if (key === null) throw new Reject("medium", "gguf.bad_key", "A metadata key is too long");
    if (metadata.has(key)) throw new Reject("high", "gguf.duplicate_key", `The metadata key ${key} appears twice`, { key });
    metadata.set(key, await gguf.value(await gguf.u32(), key));
  }
  const alignmentValue = metadata.get("general.alignment");
  const alignment = typeof alignmentValue === "number" ? alignmentValue : 32;
  if (alignment <= 0 || alignment % 8 !== 0) throw new Reject("medium", "gguf.bad_alignment", `general.alignment is ${alignment}: it must be a positive multiple of 8`);
  const tensorTypes: Record<string, number> = {};
  const spans: { name: string; offset: number; bytes: number }[] = [];
  let parameters = 0;
  for (let i = 0; i < tensorCount; i++) {
    const name = (await gguf.string("a tensor name", 65535)) ?? "";
    const dims = await gguf.u32();
    if (dims === 0 || dims > GGML_MAX_DIMS) throw new Reject("medium", "gguf.bad_tensor", `Tensor ${name} has ${dims} dimensions (1 to ${GGML_MAX_DIMS})`, { tensor: name });
    let elements = 1n;
    for (let d = 0; d < dims; d++) elements *= (await gguf.bytes(8)).readBigUInt64LE(0);
    const typeId = await gguf.u32();
    const offset = (await gguf.bytes(8)).readBigUInt64LE(0);
    const type = ggmlTypes[typeId];
    if (!type) throw new Reject("medium", "gguf.unknown_tensor_type", `Tensor ${name} has unknown type ${typeId}`, { tensor: name, type: typeId });
    const [typeName, blockElements, blockBytes] = type;
    if (elements % BigInt(blockElements) !== 0n) throw new Reject("medium", "gguf.bad_tensor", `Tensor ${name} has ${elements} elements, not a whole number of ${typeName} blocks`, { tensor: name });
    const bytes = (elements / BigInt(blockElements)) * BigInt(blockBytes);
    if (offset % BigInt(alignment) !== 0n) throw new Reject("medium", "gguf.misaligned_tensor", `Tensor ${name} starts at ${offset}, not a multiple of ${alignment}`, { tensor: name });
    if (bytes + offset > BigInt(Number.MAX_SAFE_INTEGER)) throw new Reject("high", "gguf.absurd_count", `Tensor ${name} claims ${bytes} bytes at ${offset}`, { tensor: name });
    spans.push({ name, offset: Number(offset), bytes: Number(bytes) });
    tensorTypes[typeName] = (tensorTypes[typeName] ?? 0) + 1;
    parameters += Number(elements);
  }
  const dataStart = Math.ceil(reader.position / alignment) * alignment;
  const padding = dataStart - reader.position;
  const dataBytes = (await reader.drain()) - padding;
  for (const span of spans) {
    if (span.offset + span.bytes > dataBytes) {
      throw new Reject("medium", "gguf.truncated", `Tensor ${span.name} needs bytes up to ${span.offset + span.bytes} of the data section, which holds ${Math.max(0, dataBytes)}`, {
        tensor: span.name, data_bytes: dataBytes,
      });
    }
  }
  const text = (key: string) => {
    const value = metadata.get(key);
    return typeof value === "string" ? value : null;
  };
  const architecture = text("general.architecture");
  const context = architecture ? metadata.get(`${architecture}.context_length`) : undefined;
  const fileType = metadata.get("general.file_type");
  const commonest = Object.entries(tensorTypes).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return {
    version, tensors: tensorCount, parameters, metadata_keys: kvCount, architecture,
    name: text("general.name"), license: text("general.license"),
    context_length: typeof context === "number" ? context : null,
    quantization: typeof fileType === "number" ? (fileTypes[fileType] ?? `file_type ${fileType}`) : commonest,
    tensor_types: tensorTypes, alignment,
  };
}
