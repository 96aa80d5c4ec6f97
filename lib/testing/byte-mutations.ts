// Mutations of valid seed files for fuzzing parsers: bit flips, bytes and little-endian integers
// overwritten with the values that break length checks (0, 0xff.., 0x7fffffff, 2^40, 2^64-1),
// truncation, chunks deleted or duplicated, random bytes and huge length fields inserted. Each
// mutation names its position as a plain number taken modulo the file's length, so fast-check can
// shrink a failing case to a short list of small edits, printed by `describeMutations`.
import fc from "fast-check";

export type Mutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "byte"; at: number; value: number }
  | { kind: "int"; at: number; width: 2 | 4 | 8; value: bigint; bigEndian: boolean }
  | { kind: "truncate"; at: number }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate"; at: number; length: number }
  | { kind: "insert"; at: number; bytes: number[] }
  | { kind: "insertLength"; at: number; width: 4 | 8; value: bigint };

export interface Seed {
  /** What the seed is, for failure messages. */
  label: string;
  data: Buffer;
}

export interface MutatedInput<S extends Seed = Seed> {
  seed: S;
  mutations: Mutation[];
  data: Buffer;
}

const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x20, 0x0a, 0x22, 0x2e, 0x7b, 0x7d];

/** Values that sit on the edges of 16-, 32- and 64-bit length checks, and declared sizes no file has. */
export const INTERESTING_LENGTHS: bigint[] = [
  0n, 1n, 2n, 7n, 8n, 0x7fn, 0x80n, 0xffn, 0x100n, 0x7fffn, 0xffffn, 0x10000n, 0x7fffffffn, 0x80000000n, 0xffffffffn,
  0x100000000n, 2n ** 40n, 2n ** 53n - 1n, 2n ** 53n + 1n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n,
];

const length = fc.oneof(fc.constantFrom(...INTERESTING_LENGTHS), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }));
const at = fc.nat();
const span = fc.integer({ min: 1, max: 512 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("byte" as const), at, value: fc.oneof(fc.constantFrom(...INTERESTING_BYTES), fc.integer({ min: 0, max: 255 })) }),
  fc.record({ kind: fc.constant("int" as const), at, width: fc.constantFrom(2 as const, 4 as const, 8 as const), value: length, bigEndian: fc.boolean() }),
  fc.record({ kind: fc.constant("truncate" as const), at }),
  fc.record({ kind: fc.constant("delete" as const), at, length: span }),
  fc.record({ kind: fc.constant("duplicate" as const), at, length: span }),
  fc.record({ kind: fc.constant("insert" as const), at, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant("insertLength" as const), at, width: fc.constantFrom(4 as const, 8 as const), value: length }),
);

function integerBytes(value: bigint, width: number, bigEndian = false): Buffer {
  const out = Buffer.alloc(width);
  const masked = BigInt.asUintN(width * 8, value);
  for (let i = 0; i < width; i++) out[bigEndian ? width - 1 - i : i] = Number((masked >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** Applies one mutation; positions wrap around the data's length. */
export function applyMutation(data: Buffer, m: Mutation): Buffer {
  const n = data.length;
  const pos = n ? m.at % n : 0;
  switch (m.kind) {
    case "flip": {
      if (!n) return data;
      const out = Buffer.from(data);
      out[pos] ^= 1 << m.bit;
      return out;
    }
    case "byte": {
      if (!n) return data;
      const out = Buffer.from(data);
      out[pos] = m.value;
      return out;
    }
    case "int": {
      const out = Buffer.from(data);
      integerBytes(m.value, m.width, m.bigEndian).copy(out, pos);
      return out;
    }
    case "truncate":
      return data.subarray(0, pos);
    case "delete":
      return Buffer.concat([data.subarray(0, pos), data.subarray(pos + m.length)]);
    case "duplicate":
      return Buffer.concat([data.subarray(0, pos + m.length), data.subarray(pos)]);
    case "insert":
      return Buffer.concat([data.subarray(0, pos), Buffer.from(m.bytes), data.subarray(pos)]);
    case "insertLength":
      return Buffer.concat([data.subarray(0, pos), integerBytes(m.value, m.width), data.subarray(pos)]);
  }
}

/** Seeds, each mutated one to four times. */
export function mutatedInputs<S extends Seed>(seeds: readonly S[], maxMutations = 4): fc.Arbitrary<MutatedInput<S>> {
  if (!seeds.length) throw new Error("mutatedInputs needs at least one seed");
  return fc
    .record({ index: fc.nat({ max: seeds.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: maxMutations }) })
    .map(({ index, mutations }) => mutate(seeds[index], mutations));
}

/** A seed with the given mutations applied: what the arbitrary makes, and how a regression case is kept. */
export function mutate<S extends Seed>(seed: S, mutations: Mutation[]): MutatedInput<S> {
  const input: MutatedInput<S> = { seed, mutations, data: mutations.reduce(applyMutation, seed.data) };
  // fast-check prints a counterexample with this instead of every byte of the seed and the result.
  return Object.assign(input, { [fc.toStringMethod]: () => describeMutations(input) });
}

/** A failing case in words, for the assertion message. */
export function describeMutations(input: MutatedInput<Seed>): string {
  const steps = input.mutations.map((m) => JSON.stringify(m, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)));
  return `${input.seed.label} with ${steps.join(", ")} (${input.data.length} bytes)`;
}
