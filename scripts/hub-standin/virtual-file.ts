// Files the stand-in serves without holding them: a real header in memory, and data bytes made on
// demand for whatever range is asked, so a 5 GB shard costs a few kilobytes.
import { createHash } from "node:crypto";
import { DTYPE_BYTES, elementCount, type TensorSpec } from "./shapes";

export interface VirtualFile {
  size: number;
  /** Bytes [start, end) of the file. */
  read(start: number, end: number): Buffer;
}

export function bufferFile(content: Buffer | string): VirtualFile {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { size: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}

/** A file made of a real prefix (the header) and then `dataSize` bytes of a repeating pattern. */
export function headerThenData(header: Buffer, dataSize: number): VirtualFile {
  const size = header.length + dataSize;
  return {
    size,
    read(start, end) {
      const out = Buffer.alloc(Math.max(0, Math.min(end, size) - start));
      if (start < header.length) header.copy(out, 0, start, Math.min(end, header.length));
      // Data bytes are zeros: valid values for every dtype, and free to make.
      return out;
    },
  };
}

/** A safetensors file: u64 header length, the JSON header padded to 8 bytes, the tensor data. */
export function safetensorsFile(tensors: TensorSpec[], metadata: Record<string, string> = { format: "pt" }): VirtualFile {
  const entries: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const tensor of tensors) {
    const bytes = elementCount(tensor.shape) * DTYPE_BYTES[tensor.dtype];
    entries[tensor.name] = { dtype: tensor.dtype, shape: tensor.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = JSON.stringify(entries);
  json += " ".repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const header = Buffer.alloc(8 + Buffer.byteLength(json));
  header.writeBigUInt64LE(BigInt(Buffer.byteLength(json)), 0);
  header.write(json, 8, "utf8");
  return headerThenData(header, offset);
}

export function dataBytes(tensors: TensorSpec[]): number {
  return tensors.reduce((sum, tensor) => sum + elementCount(tensor.shape) * DTYPE_BYTES[tensor.dtype], 0);
}

const HASHABLE_LIMIT = 64 * 1024 * 1024;

/**
 * The LFS oid (sha256) the tree listing reports. Files up to 64 MB are hashed for real; hashing
 * hundreds of gigabytes of virtual shards on start-up is not affordable, so those get a stable
 * stand-in digest, and no test streams them whole.
 */
export function lfsOid(file: VirtualFile, identity: string): string {
  const known = oids.get(file);
  if (known) return known;
  const oid = file.size <= HASHABLE_LIMIT
    ? createHash("sha256").update(file.read(0, file.size)).digest("hex")
    : createHash("sha256").update(`virtual:${identity}:${file.size}`).digest("hex");
  oids.set(file, oid);
  return oid;
}

const oids = new WeakMap<VirtualFile, string>();

/** A git blob id (sha1 of "blob <size>\0" + content), as the tree listing gives small files. */
export function gitOid(file: VirtualFile): string {
  return createHash("sha1").update(`blob ${file.size}\0`).update(file.read(0, file.size)).digest("hex");
}
