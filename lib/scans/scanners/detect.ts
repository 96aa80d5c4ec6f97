// What a file is, from its first bytes and its name, and which format scanners apply to it.
import type { ScannerName } from "./types";

export const artifactFormats = [
  "safetensors", "gguf", "pickle", "pytorch_zip", "pytorch_legacy", "joblib", "numpy", "numpy_zip",
  "keras", "zip", "tar", "gzip", "zlib", "other",
] as const;
export type ArtifactFormat = (typeof artifactFormats)[number];

/** How many leading bytes detection wants (tar's magic sits at 257). */
export const DETECT_BYTES = 512;

const LEGACY_TORCH = Buffer.from([0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19]);
const PICKLE_NAMES = /\.(pkl|pickle|pt|pth|bin|ckpt|joblib|sav|dat|npy)$/i;
// Opcodes a protocol 0/1 pickle can start with: MARK, GLOBAL, the text and list/dict/tuple makers.
const PICKLE_FIRST = new Set([0x28, 0x63, 0x69, 0x49, 0x4c, 0x46, 0x53, 0x56, 0x4e, 0x5d, 0x7d, 0x29, 0x4a, 0x4b, 0x4d, 0x55, 0x58, 0x54, 0x47]);

const lower = (name: string) => name.toLowerCase();

export function looksLikeSafetensors(head: Buffer): boolean {
  if (head.length < 10) return false;
  const length = head.readBigUInt64LE(0);
  return length > 1n && length < 100_000_000n && head[8] === 0x7b && (head[9] === 0x22 || head[9] === 0x7d || head[9] === 0x20);
}

export function detectFormat(name: string, head: Buffer): ArtifactFormat {
  const file = lower(name);
  if (head.subarray(0, 4).toString("latin1") === "GGUF") return "gguf";
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) {
    if (/\.(pt|pth|bin|ckpt|pkl|tar)$/.test(file)) return "pytorch_zip";
    if (file.endsWith(".npz")) return "numpy_zip";
    if (file.endsWith(".keras")) return "keras";
    return "zip";
  }
  if (head.subarray(0, 6).toString("latin1") === "\x93NUMPY") return "numpy";
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head.length >= 262 && head.subarray(257, 262).toString("latin1") === "ustar") return "tar";
  // Content before names: a pickle named .safetensors is a pickle (and is refused as safetensors too).
  if (head.subarray(0, LEGACY_TORCH.length).equals(LEGACY_TORCH)) return "pytorch_legacy";
  if (head[0] === 0x80 && head[1] >= 2 && head[1] <= 5) return file.endsWith(".joblib") ? "joblib" : "pickle";
  if (file.endsWith(".safetensors") || looksLikeSafetensors(head)) return "safetensors";
  if (head[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(head[1]) && /\.(joblib|pkl|z)$/.test(file)) return "zlib";
  if (PICKLE_NAMES.test(file) && PICKLE_FIRST.has(head[0])) return file.endsWith(".joblib") ? "joblib" : "pickle";
  return "other";
}

/** The format scanners that apply to a file of this format and name (ClamAV applies to all). */
export function scannersFor(format: ArtifactFormat, name: string): ScannerName[] {
  const set = new Set<ScannerName>();
  switch (format) {
    case "safetensors": set.add("safetensors"); break;
    case "gguf": set.add("gguf"); break;
    case "pickle": case "pytorch_legacy": case "joblib": case "zlib": set.add("pickle"); break;
    case "pytorch_zip": case "numpy_zip": case "keras": case "zip": case "tar": case "gzip": set.add("archive"); break;
    case "numpy": case "other": break;
  }
  // A name that promises a format gets that format's scanner too, so a pickle named .safetensors is
  // both refused as safetensors and walked as a pickle.
  const file = lower(name);
  if (file.endsWith(".safetensors")) set.add("safetensors");
  if (file.endsWith(".gguf")) set.add("gguf");
  return [...set];
}
