// A GGUF v3 file as llama.cpp writes it: metadata, tensor infos, alignment padding, then data
// (virtual). Used for GGUF-only fixture repos.
import { headerThenData, type VirtualFile } from "./virtual-file";

export type GgufValue =
  | { type: "u32"; value: number }
  | { type: "i32"; value: number }
  | { type: "f32"; value: number }
  | { type: "u64"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "string"; value: string }
  | { type: "strings"; value: string[] }
  | { type: "f32s"; value: number[] }
  | { type: "i32s"; value: number[] };

export interface GgufTensor {
  name: string;
  /** GGUF order: the fastest-varying dimension first. */
  dims: number[];
  type: GgmlType;
}

/** ggml tensor types with their block size in elements and bytes per block. */
export const ggmlTypes = {
  F32: { id: 0, block: 1, bytes: 4 },
  F16: { id: 1, block: 1, bytes: 2 },
  Q8_0: { id: 8, block: 32, bytes: 34 },
  Q4_K: { id: 12, block: 256, bytes: 144 },
  Q6_K: { id: 14, block: 256, bytes: 210 },
} as const;
export type GgmlType = keyof typeof ggmlTypes;

const TYPE_IDS = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9, u64: 10 } as const;
const ALIGNMENT = 32;

class Writer {
  private chunks: Buffer[] = [];
  size = 0;
  push(buffer: Buffer) {
    this.chunks.push(buffer);
    this.size += buffer.length;
  }
  u32(value: number) { const b = Buffer.alloc(4); b.writeUInt32LE(value); this.push(b); }
  i32(value: number) { const b = Buffer.alloc(4); b.writeInt32LE(value); this.push(b); }
  f32(value: number) { const b = Buffer.alloc(4); b.writeFloatLE(value); this.push(b); }
  u64(value: number) { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(value)); this.push(b); }
  string(value: string) { const bytes = Buffer.from(value, "utf8"); this.u64(bytes.length); this.push(bytes); }
  done(): Buffer { return Buffer.concat(this.chunks); }
}

function writeValue(writer: Writer, entry: GgufValue): void {
  switch (entry.type) {
    case "u32": writer.u32(TYPE_IDS.u32); writer.u32(entry.value); break;
    case "i32": writer.u32(TYPE_IDS.i32); writer.i32(entry.value); break;
    case "f32": writer.u32(TYPE_IDS.f32); writer.f32(entry.value); break;
    case "u64": writer.u32(TYPE_IDS.u64); writer.u64(entry.value); break;
    case "bool": writer.u32(TYPE_IDS.bool); writer.push(Buffer.from([entry.value ? 1 : 0])); break;
    case "string": writer.u32(TYPE_IDS.string); writer.string(entry.value); break;
    case "strings":
      writer.u32(TYPE_IDS.array); writer.u32(TYPE_IDS.string); writer.u64(entry.value.length);
      for (const item of entry.value) writer.string(item);
      break;
    case "f32s":
      writer.u32(TYPE_IDS.array); writer.u32(TYPE_IDS.f32); writer.u64(entry.value.length);
      for (const item of entry.value) writer.f32(item);
      break;
    case "i32s":
      writer.u32(TYPE_IDS.array); writer.u32(TYPE_IDS.i32); writer.u64(entry.value.length);
      for (const item of entry.value) writer.i32(item);
      break;
  }
}

function tensorBytes(tensor: GgufTensor): number {
  const { block, bytes } = ggmlTypes[tensor.type];
  const elements = tensor.dims.reduce((a, b) => a * b, 1);
  if (elements % block !== 0) throw new Error(`${tensor.name}: ${elements} elements do not fill ${tensor.type} blocks`);
  return (elements / block) * bytes;
}

const align = (value: number) => Math.ceil(value / ALIGNMENT) * ALIGNMENT;

export function ggufFile(metadata: Record<string, GgufValue>, tensors: GgufTensor[]): VirtualFile {
  const writer = new Writer();
  writer.push(Buffer.from("GGUF", "ascii"));
  writer.u32(3);
  writer.u64(tensors.length);
  writer.u64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    writer.string(key);
    writeValue(writer, value);
  }
  let offset = 0;
  for (const tensor of tensors) {
    writer.string(tensor.name);
    writer.u32(tensor.dims.length);
    for (const dim of tensor.dims) writer.u64(dim);
    writer.u32(ggmlTypes[tensor.type].id);
    writer.u64(offset);
    offset = align(offset + tensorBytes(tensor));
  }
  const header = writer.done();
  const padded = Buffer.concat([header, Buffer.alloc(align(header.length) - header.length)]);
  return headerThenData(padded, offset);
}

/** The tensors of a Llama-architecture GGUF (llama.cpp's names), for a chosen quantization. */
export function llamaGgufTensors(
  layout: { layers: number; hidden: number; intermediate: number; heads: number; kvHeads: number; vocab: number },
  weight: GgmlType,
  output: GgmlType,
): GgufTensor[] {
  const { hidden: h } = layout;
  const kv = (layout.kvHeads * h) / layout.heads;
  const tensors: GgufTensor[] = [{ name: "token_embd.weight", dims: [h, layout.vocab], type: weight }];
  for (let i = 0; i < layout.layers; i++) {
    tensors.push(
      { name: `blk.${i}.attn_norm.weight`, dims: [h], type: "F32" },
      { name: `blk.${i}.attn_q.weight`, dims: [h, h], type: weight },
      { name: `blk.${i}.attn_k.weight`, dims: [h, kv], type: weight },
      { name: `blk.${i}.attn_v.weight`, dims: [h, kv], type: weight },
      { name: `blk.${i}.attn_output.weight`, dims: [h, h], type: weight },
      { name: `blk.${i}.ffn_norm.weight`, dims: [h], type: "F32" },
      { name: `blk.${i}.ffn_gate.weight`, dims: [h, layout.intermediate], type: weight },
      { name: `blk.${i}.ffn_up.weight`, dims: [h, layout.intermediate], type: weight },
      { name: `blk.${i}.ffn_down.weight`, dims: [layout.intermediate, h], type: weight },
    );
  }
  tensors.push({ name: "output_norm.weight", dims: [h], type: "F32" }, { name: "output.weight", dims: [h, layout.vocab], type: output });
  return tensors;
}
