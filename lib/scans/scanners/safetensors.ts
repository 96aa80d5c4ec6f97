// safetensors: full header validation (every rule of domain.md) and the tensor inventory, over a
// stream. Layout: u64 little-endian header length N, N bytes of UTF-8 JSON, then the data buffer
// that the tensors' data_offsets index, which must be covered exactly, from 0 to the end of file.
import { ByteReader, TruncatedError } from "./bytes";
import { parseStrictJson, StrictJsonError } from "./json-strict";
import { finding, type Finding, type ScannerResult, type Severity } from "./types";

export const MAX_HEADER_BYTES = 100 * 1000 * 1000;

/** Bits per element of each dtype the format defines. */
export const dtypeBits: Record<string, number> = {
  BOOL: 8, U8: 8, I8: 8, F8_E5M2: 8, F8_E4M3: 8, F8_E8M0: 8, I16: 16, U16: 16, F16: 16, BF16: 16,
  I32: 32, U32: 32, F32: 32, F64: 64, I64: 64, U64: 64, C64: 64, F4: 4, F6_E2M3: 6, F6_E3M2: 6,
};

export interface TensorInventory {
  tensors: number;
  parameters: number;
  dtypes: Record<string, { tensors: number; parameters: number }>;
  metadata: Record<string, string>;
  header_bytes: number;
  data_bytes: number;
}

class Reject extends Error {
  constructor(readonly severity: Severity, readonly rule: string, message: string, readonly detail: Record<string, unknown> = {}) {
    super(message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

interface Tensor {
  name: string;
  begin: bigint;
  end: bigint;
}

/** Checks the parsed header; returns the tensors and the inventory (data_bytes still unknown). */
export function validateHeader(header: unknown): { tensors: Tensor[]; inventory: Omit<TensorInventory, "header_bytes" | "data_bytes"> } {
  if (!isObject(header)) throw new Reject("medium", "safetensors.bad_header", "The header is not a JSON object");
  const tensors: Tensor[] = [];
  const dtypes: TensorInventory["dtypes"] = {};
  let metadata: Record<string, string> = {};
  let parameters = 0n;
  for (const [name, info] of Object.entries(header)) {
    if (name === "__metadata__") {
      if (!isObject(info) || !Object.values(info).every((v) => typeof v === "string")) {
        throw new Reject("medium", "safetensors.bad_metadata", "__metadata__ must map strings to strings");
      }
      metadata = info as Record<string, string>;
      continue;
    }
    if (!isObject(info)) throw new Reject("medium", "safetensors.bad_tensor", `Tensor "${name}" is not an object`, { tensor: name });
    const { dtype, shape, data_offsets: offsets } = info;
    if (typeof dtype !== "string" || !(dtype in dtypeBits)) {
      throw new Reject("medium", "safetensors.unknown_dtype", `Tensor "${name}" has an unknown dtype ${JSON.stringify(dtype)}`, { tensor: name, dtype });
    }
    if (!Array.isArray(shape) || !shape.every(isCount)) {
      throw new Reject("medium", "safetensors.bad_shape", `Tensor "${name}" has a shape that is not a list of non-negative integers`, { tensor: name });
    }
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount) || offsets[1] < offsets[0]) {
      throw new Reject("medium", "safetensors.bad_offsets", `Tensor "${name}" has data_offsets that are not [begin, end] with begin <= end`, { tensor: name });
    }
    // Products in BigInt: a shape of huge dimensions must not overflow into a plausible size.
    const elements = (shape as number[]).reduce((product, d) => product * BigInt(d), 1n);
    const bits = elements * BigInt(dtypeBits[dtype]);
    const [begin, end] = (offsets as number[]).map(BigInt);
    if (bits % 8n !== 0n || end - begin !== bits / 8n) {
      throw new Reject("medium", "safetensors.size_mismatch", `Tensor "${name}" spans ${end - begin} bytes but its shape and dtype need ${bits % 8n ? `${bits} bits` : `${bits / 8n} bytes`}`, {
        tensor: name, dtype, shape, data_offsets: offsets,
      });
    }
    tensors.push({ name, begin, end });
    parameters += elements;
    const entry = (dtypes[dtype] ??= { tensors: 0, parameters: 0 });
    entry.tensors++;
    entry.parameters += Number(elements);
  }
  tensors.sort((a, b) => (a.begin < b.begin ? -1 : a.begin > b.begin ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  let expected = 0n;
  for (const tensor of tensors) {
    if (tensor.begin !== expected) {
      const kind = tensor.begin < expected ? "overlaps the tensor before it" : "leaves a gap before it";
      throw new Reject("high", "safetensors.offsets_not_contiguous", `Tensor "${tensor.name}" starts at ${tensor.begin}, expected ${expected}: it ${kind}`, {
        tensor: tensor.name, begin: Number(tensor.begin), expected: Number(expected),
      });
    }
    expected = tensor.end;
  }
  return {
    tensors,
    inventory: { tensors: tensors.length, parameters: Number(parameters), dtypes, metadata },
  };
}

/** Scans a safetensors stream to its end. */
export async function scanSafetensors(source: AsyncIterable<Uint8Array>): Promise<ScannerResult> {
  const reader = new ByteReader(source);
  const findings: Finding[] = [];
  let summary: Record<string, unknown> | undefined;
  try {
    if (!(await reader.fill(8))) {
      const size = reader.available;
      throw new Reject("medium", "safetensors.too_small", `The file is ${size} bytes: too small to hold the 8-byte header length`, { size });
    }
    const length = (await reader.read(8)).readBigUInt64LE(0);
    if (length > BigInt(MAX_HEADER_BYTES)) {
      throw new Reject("high", "safetensors.header_too_large", `The header claims ${length} bytes; the limit is ${MAX_HEADER_BYTES}`, { header_bytes: length.toString() });
    }
    const n = Number(length);
    let raw: Buffer;
    try {
      raw = await reader.read(n);
    } catch (error) {
      if (!(error instanceof TruncatedError)) throw error;
      throw new Reject("medium", "safetensors.truncated", `The header claims ${n} bytes but the file ends ${error.wanted} bytes short of them`, { header_bytes: n });
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
    } catch {
      throw new Reject("medium", "safetensors.header_not_utf8", "The header is not valid UTF-8");
    }
    let header: unknown;
    try {
      // Trailing spaces pad the header to an alignment; leading ones are allowed too.
      header = parseStrictJson(text.replace(/ +$/, ""));
    } catch (error) {
      if (error instanceof StrictJsonError && error.rule === "duplicate_key") {
        throw new Reject("high", "safetensors.duplicate_key", `The header has a ${error.message}: readers may disagree on which one counts`);
      }
      throw new Reject("medium", "safetensors.header_not_json", `The header is not JSON: ${(error as Error).message}`);
    }
    const { tensors, inventory } = validateHeader(header);
    const dataBytes = BigInt(await reader.drain());
    const end = tensors.length ? tensors[tensors.length - 1].end : 0n;
    if (end !== dataBytes) {
      const short = end > dataBytes;
      throw new Reject(short ? "medium" : "high", short ? "safetensors.truncated" : "safetensors.trailing_data", short
        ? `The tensors need ${end} bytes of data but the file holds ${dataBytes}`
        : `The file holds ${dataBytes - end} bytes after the last tensor, which no reader looks at`, { data_bytes: Number(dataBytes), tensors_end: Number(end) });
    }
    summary = { ...inventory, header_bytes: n, data_bytes: Number(dataBytes) } satisfies TensorInventory;
  } catch (error) {
    if (!(error instanceof Reject)) throw error;
    findings.push(finding("safetensors", error.severity, error.rule, error.message, error.detail));
    await reader.drain();
  }
  return { scanner: "safetensors", covered: true, findings, ...(summary ? { summary } : {}) };
}
