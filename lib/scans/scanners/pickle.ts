// A pickle opcode walker: reads pickle streams without executing anything and lists every import
// they make (GLOBAL, INST, STACK_GLOBAL through the memo, extension codes), with its safety. It is
// fed chunks as they arrive, keeps only what an import can depend on (short strings, globals,
// small tuples and dicts), and stops at its limits on opcodes, memo, stack and nesting, so a
// hostile file cannot exhaust memory or time. It follows consecutive pickles, legacy torch files
// (magic number pickle, then four more, then raw storage) and joblib's raw numpy arrays that sit
// between opcodes.
import { classifyImport, resolveImport } from "./pickle-rules";
import { finding, maxSeverity, type Finding, type PickleImport, type ScannerResult } from "./types";

export interface PickleLimits {
  /** Opcodes per file. */
  maxOpcodes: number;
  /** Memo entries (and highest memo index) per pickle. */
  maxMemo: number;
  /** Values on the stack at once. */
  maxStack: number;
  /** MARKs open at once. */
  maxNesting: number;
  /** Consecutive pickles per stream. */
  maxPickles: number;
  /** Length of a protocol 0 text operand kept whole. */
  maxLine: number;
}

export const defaultPickleLimits: PickleLimits = {
  maxOpcodes: 250_000_000,
  maxMemo: 64_000_000,
  maxStack: 1_000_000,
  maxNesting: 10_000,
  maxPickles: 10_000,
  maxLine: 64 * 1024,
};

const LEGACY_TORCH_MAGIC = 0x1950a86a20f9469cfc6cn;
/** Strings longer than this are kept as "long text" (they can only name a bogus import). */
const MAX_KEPT_STRING = 4096;
/** Length-prefixed operands up to this size are buffered; longer ones are skipped as they stream. */
const MAX_INLINE = 64 * 1024;
const MAX_NESTED_PICKLES = 4;
/**
 * Memory for memo values per pickle. Only values an import or a joblib array can depend on are kept
 * (short strings, globals, calls, small tuples), the first ones first. A GET of one not kept reads as
 * unknown, which makes a STACK_GLOBAL built from it unresolved, so dangerous: dropping values can
 * only add findings, never hide one.
 */
const MAX_KEPT_MEMO_BYTES = 96 * 1024 * 1024;
/** The only dict keys worth keeping: those of a joblib NumpyArrayWrapper's state. */
const KEPT_KEYS = new Set(["shape", "dtype", "numpy_array_alignment_bytes", "order", "subclass", "allow_mmap"]);

// Symbolic values: only what resolving imports and joblib arrays needs.
type Obj =
  | { k: "opaque" }
  | { k: "longtext" }
  | { k: "bytes" }
  | { k: "list" }
  | { k: "set" }
  | { k: "global"; entry: ImportEntry }
  | { k: "call"; fn: Value; args: Value }
  | { k: "tuple"; items: Value[] | null }
  | { k: "dict"; entries: Map<string, Value> | null };

/**
 * Which memo indices are in use (a bitset, so len(memo) and MEMOIZE's index are exact), and the
 * values worth keeping, in pages so sequential indices cost one slot each.
 */
class Memo {
  private used = new Uint8Array(1024);
  private readonly pages: ((Value | undefined)[] | undefined)[] = [];
  private keptBytes = 0;
  count = 0;

  constructor(private readonly limit: number) {}

  /** False when the index passes the limit. */
  set(index: number, value: Value): boolean {
    if (index < 0 || index >= this.limit) return false;
    const byte = index >> 3;
    if (byte >= this.used.length) {
      const grown = new Uint8Array(Math.min(Math.max(this.used.length * 2, byte + 1), (this.limit >> 3) + 1));
      grown.set(this.used);
      this.used = grown;
    }
    const bit = 1 << (index & 7);
    const reused = (this.used[byte] & bit) !== 0;
    if (!reused) {
      this.used[byte] |= bit;
      this.count++;
    }
    const keep = worthKeeping(value);
    if (!keep && !reused) return true;
    const page = this.pages[index >> 12];
    if (keep) {
      const cost = typeof value === "string" ? 64 + 2 * value.length : 64;
      if (this.keptBytes + cost > MAX_KEPT_MEMO_BYTES) {
        if (page && reused) page[index & 4095] = undefined;
        return true;
      }
      this.keptBytes += cost;
      (page ?? (this.pages[index >> 12] = new Array<Value | undefined>(4096)))[index & 4095] = value;
    } else if (page) page[index & 4095] = undefined;
    return true;
  }

  /** Whether a PUT set this index (a GET of any other fails in a loader). */
  has(index: number): boolean {
    return index >= 0 && index >> 3 < this.used.length && (this.used[index >> 3] & (1 << (index & 7))) !== 0;
  }

  get(index: number): Value {
    const value = index >= 0 ? this.pages[index >> 12]?.[index & 4095] : undefined;
    return value === undefined ? OPAQUE : value;
  }
}

function worthKeeping(value: Value): boolean {
  if (typeof value === "string") return value.length <= 256;
  if (value === null || typeof value !== "object") return false;
  return value.k === "global" || value.k === "call" || value.k === "tuple";
}
type Value = string | number | bigint | boolean | null | Obj;

const OPAQUE: Obj = { k: "opaque" };
const LONGTEXT: Obj = { k: "longtext" };
const BYTES: Obj = { k: "bytes" };
const LIST: Obj = { k: "list" };
const SET: Obj = { k: "set" };
const EMPTY_TUPLE: Obj = { k: "tuple", items: [] };

interface ImportEntry {
  module: string;
  name: string;
  resolved: boolean;
  count: number;
  called: boolean;
  firstOffset: number;
  how: string;
}

interface Frame {
  stack: Value[];
  marks: number[];
  memo: Memo;
}

type Mode = "op" | "skip" | "skipline" | "joblibpad" | "between" | "trailing" | "stopped";

export interface PickleWalkReport {
  imports: PickleImport[];
  pickles: number;
  opcodes: number;
  /** False when a limit stopped the walk or the stream ended inside a pickle. */
  complete: boolean;
  reason?: string;
  /** The stream broke the pickle grammar at this point (a loader would fail there too). */
  malformed?: string;
  legacyTorch: boolean;
  joblibArrays: number;
  trailingBytes: number;
  bytes: number;
}

export class PickleWalker {
  private readonly limits: PickleLimits;
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private base = 0; // file offset of buf[0]
  private mode: Mode = "between";
  private skipLeft = 0;
  private afterSkip: Value | undefined;
  private pendingArray = 0;
  private stack: Value[] = [];
  private marks: number[] = [];
  private memo: Memo;
  private nested: Frame[] = [];
  private readonly imports = new Map<string, ImportEntry>();
  private pickles = 0;
  private opcodes = 0;
  private maxPickles: number;
  private legacyTorch = false;
  private joblibArrays = 0;
  private trailingBytes = 0;
  private stopReason: string | undefined;
  private malformed: string | undefined;

  constructor(limits: Partial<PickleLimits> = {}) {
    this.limits = { ...defaultPickleLimits, ...limits };
    this.maxPickles = this.limits.maxPickles;
    this.memo = new Memo(this.limits.maxMemo);
  }

  feed(chunk: Buffer): void {
    if (this.mode === "stopped" || this.mode === "trailing") {
      if (this.mode === "trailing") this.trailingBytes += chunk.length;
      this.base += chunk.length;
      return;
    }
    if (this.pos < this.buf.length) {
      const rest = this.buf.subarray(this.pos);
      this.base += this.pos;
      this.buf = Buffer.concat([rest, chunk]);
    } else {
      this.base += this.buf.length;
      this.buf = chunk;
    }
    this.pos = 0;
    this.run();
  }

  end(): PickleWalkReport {
    const left = this.buf.length - this.pos;
    const complete = this.stopReason === undefined;
    const reason = this.stopReason;
    if (this.mode !== "trailing" && this.mode !== "between" && this.mode !== "stopped") {
      // The stream ended inside a pickle: a loader would fail there, after running what came before.
      this.malformed ??= `the stream ends inside a pickle (${left} bytes of an unfinished opcode)`;
    }
    return {
      imports: [...this.imports.values()].map(toPickleImport),
      pickles: this.pickles,
      opcodes: this.opcodes,
      complete,
      ...(reason ? { reason } : {}),
      ...(this.malformed ? { malformed: this.malformed } : {}),
      legacyTorch: this.legacyTorch,
      joblibArrays: this.joblibArrays,
      trailingBytes: this.trailingBytes + (this.mode === "trailing" ? left : 0),
      bytes: this.base + this.buf.length,
    };
  }

  private stop(reason: string): void {
    this.stopReason = reason;
    this.mode = "stopped";
    this.pos = this.buf.length;
  }

  private fail(message: string): void {
    // Past a grammar error a loader raises, so nothing after it runs: stop walking, keep the imports.
    this.malformed ??= `${message} at byte ${this.base + this.pos}`;
    this.mode = "trailing";
    this.trailingBytes += this.buf.length - this.pos;
    this.pos = this.buf.length;
  }

  // --- stack helpers (tolerant: a malformed stream never makes the walker throw) ---

  private push(value: Value): void {
    if (this.stack.length >= this.limits.maxStack) {
      this.stop(`the pickle stack passed ${this.limits.maxStack} values`);
      return;
    }
    this.stack.push(value);
  }

  private pop(): Value {
    const floor = this.marks.length ? this.marks[this.marks.length - 1] : 0;
    if (this.stack.length <= floor) {
      this.malformed ??= `stack underflow at byte ${this.base + this.pos}`;
      return OPAQUE;
    }
    return this.stack.pop() as Value;
  }

  private top(): Value {
    return this.stack.length ? this.stack[this.stack.length - 1] : OPAQUE;
  }

  /** Pops the last MARK; returns the stack index it stood at (the items above it are the caller's to read and drop). */
  private popMark(): number {
    const mark = this.marks.pop();
    if (mark === undefined) {
      this.malformed ??= `no MARK to pop at byte ${this.base + this.pos}`;
      return this.stack.length;
    }
    return Math.min(mark, this.stack.length);
  }

  private dropMark(): void {
    this.stack.length = this.popMark();
  }

  private memoPut(index: number): void {
    if (!this.memo.set(index, this.top())) this.stop(`a memo index (${index}) passed the memo limit of ${this.limits.maxMemo}`);
  }

  private memoGet(index: number): void {
    if (!this.memo.has(index)) this.malformed ??= `a memo GET of index ${index}, which no PUT set, at byte ${this.base + this.pos}`;
    this.push(this.memo.get(index));
  }

  private addImport(rawModule: string, rawName: string, resolved: boolean, how: string, offset: number): ImportEntry {
    const [module, name] = resolved ? resolveImport(rawModule, rawName) : [rawModule, rawName];
    const key = resolved ? `${module}\u0000${name}` : `?${how}\u0000${module}\u0000${name}`;
    let entry = this.imports.get(key);
    if (!entry) {
      entry = { module, name, resolved, count: 0, called: false, firstOffset: offset, how };
      this.imports.set(key, entry);
    }
    entry.count++;
    return entry;
  }

  private markCalled(fn: Value): void {
    // Iterative and bounded: f()()()... chains can be as long as the stream is.
    for (let value = fn, depth = 0; value && typeof value === "object" && depth < 64; depth++) {
      if (value.k === "global") {
        value.entry.called = true;
        return;
      }
      if (value.k !== "call") return;
      value = value.fn;
    }
  }

  private startPickle(): void {
    this.stack = [];
    this.marks = [];
    this.memo = new Memo(this.limits.maxMemo);
    this.pickles++;
  }

  private onStop(value: Value): void {
    const frame = this.nested.pop();
    if (frame) {
      // The end of a joblib object array pickled inside the outer pickle: resume the outer one.
      Object.assign(this, { stack: frame.stack, marks: frame.marks, memo: frame.memo });
      return;
    }
    if (this.pickles === 1 && value === LEGACY_TORCH_MAGIC) {
      // torch.save's legacy format: magic, protocol, sys info, the object, the storage keys; then raw storage bytes.
      this.legacyTorch = true;
      this.maxPickles = 5;
    }
    this.stack = [];
    this.memo = new Memo(this.limits.maxMemo);
    this.marks = [];
    this.mode = "between";
  }

  // --- the main loop ---

  private run(): void {
    const buf = this.buf;
    const end = buf.length;
    while (this.pos < end) {
      switch (this.mode) {
        case "skip": {
          const n = Math.min(this.skipLeft, end - this.pos);
          this.pos += n;
          this.skipLeft -= n;
          if (this.skipLeft === 0) {
            this.mode = "op";
            if (this.afterSkip !== undefined) this.push(this.afterSkip);
            this.afterSkip = undefined;
          }
          continue;
        }
        case "skipline": {
          const nl = buf.indexOf(10, this.pos);
          if (nl < 0) {
            this.pos = end;
            continue;
          }
          this.pos = nl + 1;
          this.mode = "op";
          this.push(LONGTEXT);
          continue;
        }
        case "joblibpad": {
          const pad = buf[this.pos];
          this.pos += 1;
          this.skipLeft = pad + this.pendingArray;
          this.mode = this.skipLeft ? "skip" : "op";
          continue;
        }
        case "between": {
          if (this.pickles >= this.maxPickles || !isOpcode(buf[this.pos])) {
            this.mode = "trailing";
            this.trailingBytes += end - this.pos;
            this.pos = end;
            continue;
          }
          this.startPickle();
          this.mode = "op";
          continue;
        }
        case "trailing":
        case "stopped":
          this.pos = end;
          continue;
        case "op":
          if (!this.step(buf, end)) return;
      }
    }
  }

  /** Runs opcodes until the buffer ends or the mode changes; false when it needs more bytes. */
  private step(buf: Buffer, end: number): boolean {
    while (this.pos < end && this.mode === "op") {
      const at = this.pos;
      const op = buf[at];
      if (++this.opcodes > this.limits.maxOpcodes) {
        this.stop(`the file passed ${this.limits.maxOpcodes} opcodes`);
        return true;
      }
      const avail = end - at - 1;
      switch (op) {
        case 0x80: // PROTO
          if (avail < 1) return this.wait();
          if (buf[at + 1] > 5) return this.failed(`unsupported pickle protocol ${buf[at + 1]}`);
          this.pos = at + 2;
          break;
        case 0x95: // FRAME
          if (avail < 8) return this.wait();
          this.pos = at + 9;
          break;
        case 0x2e: // STOP
          this.pos = at + 1;
          this.onStop(this.pop());
          break;
        case 0x28: // MARK
          if (this.marks.length >= this.limits.maxNesting) {
            this.stop(`nesting passed ${this.limits.maxNesting} levels`);
            return true;
          }
          this.marks.push(this.stack.length);
          this.pos = at + 1;
          break;
        case 0x30: // POP
          if (this.stack.length > (this.marks.length ? this.marks[this.marks.length - 1] : 0)) this.stack.pop();
          else this.dropMark();
          this.pos = at + 1;
          break;
        case 0x31: // POP_MARK
          this.dropMark();
          this.pos = at + 1;
          break;
        case 0x32: // DUP
          this.push(this.top());
          this.pos = at + 1;
          break;
        case 0x46: // FLOAT
        case 0x49: // INT
        case 0x4c: // LONG
        case 0x50: // PERSID
        case 0x53: // STRING
        case 0x56: // UNICODE
        case 0x67: // GET
        case 0x70: { // PUT
          const line = this.readLine(buf, at + 1, end);
          if (line === null) return this.lineWait(at, end, op);
          this.pos = line.next;
          this.textOp(op, line.text);
          break;
        }
        case 0x63: // GLOBAL
        case 0x69: { // INST
          const first = this.readLine(buf, at + 1, end);
          if (first === null) return this.lineWait(at, end, op);
          const second = this.readLine(buf, first.next, end);
          if (second === null) return this.lineWait(at, end, op);
          this.pos = second.next;
          const entry = this.addImport(first.text, second.text, true, op === 0x63 ? "GLOBAL" : "INST", this.base + at);
          if (op === 0x69) {
            this.dropMark();
            entry.called = true;
            this.push({ k: "call", fn: { k: "global", entry }, args: OPAQUE });
          } else this.push({ k: "global", entry });
          break;
        }
        case 0x4a: // BININT
          if (avail < 4) return this.wait();
          this.push(buf.readInt32LE(at + 1));
          this.pos = at + 5;
          break;
        case 0x4b: // BININT1
          if (avail < 1) return this.wait();
          this.push(buf[at + 1]);
          this.pos = at + 2;
          break;
        case 0x4d: // BININT2
          if (avail < 2) return this.wait();
          this.push(buf.readUInt16LE(at + 1));
          this.pos = at + 3;
          break;
        case 0x47: // BINFLOAT
          if (avail < 8) return this.wait();
          this.push(buf.readDoubleBE(at + 1));
          this.pos = at + 9;
          break;
        case 0x4e: // NONE
          this.push(null);
          this.pos = at + 1;
          break;
        case 0x88: // NEWTRUE
        case 0x89: // NEWFALSE
          this.push(op === 0x88);
          this.pos = at + 1;
          break;
        case 0x51: // BINPERSID
          this.pop();
          this.push(OPAQUE);
          this.pos = at + 1;
          break;
        case 0x52: { // REDUCE
          const args = this.pop();
          const fn = this.pop();
          this.markCalled(fn);
          this.push({ k: "call", fn, args });
          this.pos = at + 1;
          break;
        }
        case 0x81: { // NEWOBJ
          const args = this.pop();
          const cls = this.pop();
          this.markCalled(cls);
          this.push({ k: "call", fn: cls, args });
          this.pos = at + 1;
          break;
        }
        case 0x92: { // NEWOBJ_EX
          this.pop();
          const args = this.pop();
          const cls = this.pop();
          this.markCalled(cls);
          this.push({ k: "call", fn: cls, args });
          this.pos = at + 1;
          break;
        }
        case 0x6f: { // OBJ
          const mark = this.popMark();
          const cls = mark < this.stack.length ? this.stack[mark] : OPAQUE;
          this.stack.length = mark;
          this.markCalled(cls);
          this.push({ k: "call", fn: cls, args: OPAQUE });
          this.pos = at + 1;
          break;
        }
        case 0x62: { // BUILD
          const state = this.pop();
          const target = this.top();
          if (target && typeof target === "object" && target.k === "call") this.markCalled(target.fn);
          this.pos = at + 1;
          this.afterBuild(target, state);
          break;
        }
        case 0x93: { // STACK_GLOBAL
          const name = this.pop();
          const moduleName = this.pop();
          const resolved = typeof moduleName === "string" && typeof name === "string";
          const entry = resolved
            ? this.addImport(moduleName, name, true, "STACK_GLOBAL", this.base + at)
            : this.addImport(describe(moduleName), describe(name), false, "STACK_GLOBAL", this.base + at);
          this.push({ k: "global", entry });
          this.pos = at + 1;
          break;
        }
        case 0x82: // EXT1
        case 0x83: // EXT2
        case 0x84: { // EXT4
          const size = op === 0x82 ? 1 : op === 0x83 ? 2 : 4;
          if (avail < size) return this.wait();
          const code = size === 1 ? buf[at + 1] : size === 2 ? buf.readUInt16LE(at + 1) : buf.readInt32LE(at + 1);
          const entry = this.addImport("copyreg extension registry", `code ${code}`, false, "EXT", this.base + at);
          this.push({ k: "global", entry });
          this.pos = at + 1 + size;
          break;
        }
        case 0x58: // BINUNICODE
        case 0x54: // BINSTRING
        case 0x42: // BINBYTES
          if (avail < 4) return this.wait();
          if (!this.sized(buf, at, 5, op === 0x54 ? buf.readInt32LE(at + 1) : buf.readUInt32LE(at + 1), op !== 0x42, end)) return false;
          break;
        case 0x8c: // SHORT_BINUNICODE
        case 0x55: // SHORT_BINSTRING
        case 0x43: // SHORT_BINBYTES
          if (avail < 1) return this.wait();
          if (!this.sized(buf, at, 2, buf[at + 1], op !== 0x43, end)) return false;
          break;
        case 0x8d: // BINUNICODE8
        case 0x8e: // BINBYTES8
        case 0x96: { // BYTEARRAY8
          if (avail < 8) return this.wait();
          const length = Number(buf.readBigUInt64LE(at + 1));
          if (!this.sized(buf, at, 9, length, op === 0x8d, end)) return false;
          break;
        }
        case 0x8a: // LONG1
        case 0x8b: { // LONG4
          const head = op === 0x8a ? 1 : 4;
          if (avail < head) return this.wait();
          const n = op === 0x8a ? buf[at + 1] : buf.readInt32LE(at + 1);
          if (n < 0) return this.failed("negative LONG4 length");
          if (n > MAX_INLINE) {
            this.skipTo(at + 1 + head, n, OPAQUE, end);
            break;
          }
          if (avail < head + n) return this.wait();
          this.push(n <= 16 ? decodeLong(buf, at + 1 + head, n) : OPAQUE);
          this.pos = at + 1 + head + n;
          break;
        }
        case 0x61: // APPEND
          this.pop();
          this.pos = at + 1;
          break;
        case 0x65: // APPENDS
        case 0x90: // ADDITEMS
          this.dropMark();
          this.pos = at + 1;
          break;
        case 0x64: { // DICT
          const mark = this.popMark();
          const dict: Obj = { k: "dict", entries: null };
          for (let i = mark; i + 1 < this.stack.length; i += 2) setItem(dict, this.stack[i], this.stack[i + 1]);
          this.stack.length = mark;
          this.push(dict);
          this.pos = at + 1;
          break;
        }
        case 0x7d: // EMPTY_DICT
          this.push({ k: "dict", entries: null });
          this.pos = at + 1;
          break;
        case 0x73: { // SETITEM
          const value = this.pop();
          const key = this.pop();
          setItem(this.top(), key, value);
          this.pos = at + 1;
          break;
        }
        case 0x75: { // SETITEMS
          const mark = this.popMark();
          const target = mark > 0 ? this.stack[mark - 1] : OPAQUE;
          for (let i = mark; i + 1 < this.stack.length; i += 2) setItem(target, this.stack[i], this.stack[i + 1]);
          this.stack.length = mark;
          this.pos = at + 1;
          break;
        }
        case 0x6c: // LIST
          this.dropMark();
          this.push(LIST);
          this.pos = at + 1;
          break;
        case 0x5d: // EMPTY_LIST
          this.push(LIST);
          this.pos = at + 1;
          break;
        case 0x8f: // EMPTY_SET
          this.push(SET);
          this.pos = at + 1;
          break;
        case 0x91: // FROZENSET
          this.dropMark();
          this.push(SET);
          this.pos = at + 1;
          break;
        case 0x74: { // TUPLE
          const mark = this.popMark();
          const items = this.stack.length - mark <= 16 ? this.stack.slice(mark) : null;
          this.stack.length = mark;
          this.push({ k: "tuple", items });
          this.pos = at + 1;
          break;
        }
        case 0x29: // EMPTY_TUPLE
          this.push(EMPTY_TUPLE);
          this.pos = at + 1;
          break;
        case 0x85: // TUPLE1
        case 0x86: // TUPLE2
        case 0x87: { // TUPLE3
          const n = op - 0x84;
          const items: Value[] = new Array(n);
          for (let i = n - 1; i >= 0; i--) items[i] = this.pop();
          this.push({ k: "tuple", items });
          this.pos = at + 1;
          break;
        }
        case 0x68: // BINGET
          if (avail < 1) return this.wait();
          this.memoGet(buf[at + 1]);
          this.pos = at + 2;
          break;
        case 0x6a: // LONG_BINGET
          if (avail < 4) return this.wait();
          this.memoGet(buf.readUInt32LE(at + 1));
          this.pos = at + 5;
          break;
        case 0x71: // BINPUT
          if (avail < 1) return this.wait();
          this.memoPut(buf[at + 1]);
          this.pos = at + 2;
          break;
        case 0x72: // LONG_BINPUT
          if (avail < 4) return this.wait();
          this.memoPut(buf.readUInt32LE(at + 1));
          this.pos = at + 5;
          break;
        case 0x94: // MEMOIZE
          this.memoPut(this.memo.count);
          this.pos = at + 1;
          break;
        case 0x97: // NEXT_BUFFER
          this.push(OPAQUE);
          this.pos = at + 1;
          break;
        case 0x98: // READONLY_BUFFER
          this.pos = at + 1;
          break;
        default:
          return this.failed(`byte 0x${op.toString(16).padStart(2, "0")} is not a pickle opcode`);
      }
    }
    return true;
  }

  private wait(): boolean {
    this.opcodes--;
    return false;
  }

  private failed(message: string): boolean {
    this.fail(message);
    return true;
  }

  /** A length-prefixed operand: buffered when small, skipped as it streams when large. */
  private sized(buf: Buffer, at: number, head: number, length: number, text: boolean, end: number): boolean {
    if (length < 0) return this.failed("negative operand length");
    const start = at + head;
    if (length > MAX_INLINE) {
      this.skipTo(start, length, text ? LONGTEXT : BYTES, end);
      return true;
    }
    if (end - start < length) return this.wait();
    this.pos = start + length;
    if (!text) this.push(BYTES);
    else this.push(length > MAX_KEPT_STRING ? LONGTEXT : buf.toString("utf8", start, start + length));
    return true;
  }

  private skipTo(start: number, length: number, value: Value, end: number): void {
    const here = Math.min(length, end - start);
    this.pos = start + here;
    this.skipLeft = length - here;
    if (this.skipLeft > 0) {
      this.mode = "skip";
      this.afterSkip = value;
    } else this.push(value);
  }

  private readLine(buf: Buffer, from: number, end: number): { text: string; next: number } | null {
    const limit = Math.min(end, from + this.limits.maxLine + 1);
    const nl = buf.indexOf(10, from);
    if (nl < 0 || nl >= limit) return null;
    const stop = nl > from && buf[nl - 1] === 13 ? nl - 1 : nl;
    return { text: buf.toString("utf8", from, stop), next: nl + 1 };
  }

  /** A text operand without its newline yet: wait for more bytes, or skip a line too long to keep. */
  private lineWait(at: number, end: number, op: number): boolean {
    const lines = op === 0x63 || op === 0x69 ? 2 : 1;
    if (end - at <= lines * (this.limits.maxLine + 2)) return this.wait();
    if (op === 0x53 || op === 0x56) {
      // A long protocol 0 string: its text cannot name an import, so skip to its newline.
      this.pos = at + 1;
      this.mode = "skipline";
      return true;
    }
    this.stop(`a text operand passed ${this.limits.maxLine} bytes`);
    return true;
  }

  private textOp(op: number, text: string): void {
    switch (op) {
      case 0x46: // FLOAT
        this.push(Number.parseFloat(text));
        return;
      case 0x49: // INT
        this.push(text === "01" ? true : text === "00" ? false : Number.parseInt(text, 10));
        return;
      case 0x4c: // LONG
        this.push(Number.parseInt(text.replace(/L$/, ""), 10));
        return;
      case 0x50: // PERSID
        this.push(OPAQUE);
        return;
      case 0x53: // STRING: a quoted repr
        this.push(unquote(text));
        return;
      case 0x56: // UNICODE: raw-unicode-escape
        this.push(text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))));
        return;
      case 0x67: // GET
        this.memoGet(Number.parseInt(text, 10));
        return;
      case 0x70: // PUT
        this.memoPut(Number.parseInt(text, 10));
        return;
    }
  }

  /** joblib writes each numpy array's raw bytes right after its wrapper's BUILD. */
  private afterBuild(target: Value, state: Value): void {
    if (!target || typeof target !== "object" || target.k !== "call") return;
    const fn = target.fn;
    if (!fn || typeof fn !== "object" || fn.k !== "global" || fn.entry.name !== "NumpyArrayWrapper" || !/joblib\.numpy_pickle$/.test(fn.entry.module)) return;
    const entries = state && typeof state === "object" && state.k === "dict" ? state.entries : null;
    const dtype = entries ? dtypeOf(entries.get("dtype")) : null;
    const shape = entries?.get("shape");
    const dims = shape && typeof shape === "object" && shape.k === "tuple" && shape.items?.every((d) => typeof d === "number") ? (shape.items as number[]) : null;
    if (dtype === "object") {
      if (this.nested.length >= MAX_NESTED_PICKLES) return this.stop("joblib arrays nested too deep");
      this.nested.push({ stack: this.stack, marks: this.marks, memo: this.memo });
      this.stack = [];
      this.marks = [];
      this.memo = new Memo(this.limits.maxMemo);
      this.joblibArrays++;
      return;
    }
    if (dtype === null || dims === null) return this.stop("a joblib array whose size could not be worked out (its bytes follow inline)");
    const bytes = dims.reduce((product, d) => product * d, dtype);
    if (!Number.isSafeInteger(bytes) || bytes < 0) return this.stop("a joblib array of impossible size");
    this.joblibArrays++;
    const aligned = entries?.has("numpy_array_alignment_bytes") && typeof entries.get("numpy_array_alignment_bytes") === "number";
    if (aligned) {
      this.pendingArray = bytes;
      this.mode = "joblibpad";
    } else if (bytes > 0) {
      this.skipLeft = bytes;
      this.afterSkip = undefined;
      this.mode = "skip";
    }
  }
}

function isOpcode(byte: number): boolean {
  return OPCODES[byte] === 1;
}

const OPCODES = new Uint8Array(256);
for (const c of "(.0123FIJKLMNPQRSTUVXabcdeghijloprstu}])GBC") OPCODES[c.charCodeAt(0)] = 1;
for (let b = 0x80; b <= 0x98; b++) OPCODES[b] = 1;

function decodeLong(buf: Buffer, start: number, n: number): bigint | number {
  if (n === 0) return 0;
  let value = 0n;
  for (let i = n - 1; i >= 0; i--) value = (value << 8n) | BigInt(buf[start + i]);
  if (buf[start + n - 1] & 0x80) value -= 1n << BigInt(8 * n);
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

function unquote(text: string): string {
  const q = text[0];
  if ((q === "'" || q === '"') && text.endsWith(q) && text.length >= 2) return text.slice(1, -1);
  return text;
}

function setItem(target: Value, key: Value, value: Value): void {
  if (typeof key !== "string" || !KEPT_KEYS.has(key) || !target || typeof target !== "object" || target.k !== "dict") return;
  (target.entries ??= new Map()).set(key, value);
}

/** Bytes per element of a numpy dtype built by numpy.dtype('<f8', ...), "object" for objects. */
function dtypeOf(value: Value | undefined): number | "object" | null {
  if (!value || typeof value !== "object" || value.k !== "call") return null;
  const args = value.args;
  const first = args && typeof args === "object" && args.k === "tuple" && args.items?.length ? args.items[0] : null;
  if (typeof first !== "string") return null;
  const match = /^[<>|=]?([a-zA-Z])(\d*)/.exec(first);
  if (!match) return null;
  const [, kind, digits] = match;
  if (kind === "O") return "object";
  const size = digits ? Number(digits) : kind === "b" || kind === "B" || kind === "?" ? 1 : NaN;
  if (!Number.isFinite(size)) return null;
  return kind === "U" ? size * 4 : size;
}

function describe(value: Value): string {
  if (typeof value === "string") return value;
  if (value === null) return "None";
  if (typeof value === "object") return `<${value.k}>`;
  return `<${typeof value}>`;
}

function toPickleImport(entry: ImportEntry): PickleImport {
  if (!entry.resolved) {
    return {
      module: entry.module, name: entry.name, safety: "dangerous", severity: "critical",
      count: entry.count, called: entry.called,
    };
  }
  const verdict = classifyImport(entry.module, entry.name);
  return {
    module: entry.module, name: entry.name, safety: verdict.safety, severity: verdict.severity,
    count: entry.count, called: entry.called,
  };
}

/** Findings for a walk: one per import that is not innocuous, and one for a malformed or cut-short stream. */
export function pickleFindings(report: PickleWalkReport, where?: string): Finding[] {
  const at = where ? { member: where } : {};
  const findings: Finding[] = [];
  for (const imp of report.imports) {
    if (imp.safety === "innocuous" || !imp.severity) continue;
    const label = `${imp.module}.${imp.name}`;
    const unresolved = imp.module.startsWith("<") || imp.module === "copyreg extension registry";
    const rule = unresolved ? "pickle.unresolved_import" : imp.safety === "dangerous" ? "pickle.dangerous_import" : "pickle.suspicious_import";
    const verdict = unresolved ? null : classifyImport(imp.module, imp.name);
    const message = unresolved
      ? `Imports something the scanner cannot resolve (${label}); treated as dangerous`
      : imp.safety === "dangerous"
        ? `Imports ${label}: ${verdict!.reason}${imp.called ? ", and calls it" : ""}`
        : `Imports ${label}, which is not on the list of imports known to be safe`;
    findings.push(finding("pickle", imp.severity, rule, message, { module: imp.module, name: imp.name, called: imp.called, count: imp.count, ...at }));
  }
  if (!report.complete) {
    findings.push(finding("pickle", "medium", "pickle.not_fully_scanned", `The pickle scanner stopped: ${report.reason}`, { ...at }));
  }
  if (report.malformed) {
    findings.push(finding("pickle", "low", "pickle.malformed", `The pickle stream is malformed: ${report.malformed}`, { ...at }));
  }
  return findings;
}

/** Walks a whole stream (e.g. an archive member) and reports as a scanner. */
export async function scanPickleStream(source: AsyncIterable<Uint8Array>, options: { limits?: Partial<PickleLimits>; where?: string } = {}): Promise<ScannerResult> {
  const walker = new PickleWalker(options.limits);
  for await (const chunk of source) walker.feed(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return pickleResult(walker.end(), options.where);
}

export function pickleResult(report: PickleWalkReport, where?: string): ScannerResult {
  const imports = report.imports.map((imp) => (where ? { ...imp, where } : imp));
  return {
    scanner: "pickle",
    covered: report.complete,
    ...(report.complete ? {} : { reason: report.reason }),
    findings: pickleFindings(report, where),
    imports,
    summary: {
      pickles: report.pickles,
      opcodes: report.opcodes,
      legacy_torch: report.legacyTorch,
      joblib_arrays: report.joblibArrays,
      trailing_bytes: report.trailingBytes,
      highest: maxSeverity(imports.map((i) => i.severity)),
    },
  };
}
