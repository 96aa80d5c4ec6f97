// Text similarity for license detection: normalise a license text (case, white space,
// punctuation, copyright lines, list markers), cut it into overlapping word shingles, and compare
// shingle sets. A plain module: no database, no Next.js.

const SHINGLE = 5;

/** Lines that differ between copies of the same license and say nothing about its terms. */
const noiseLine = /^\s*(#.*|(copyright|\(c\)|©|all rights reserved|spdx-license-identifier|portions copyright)\b.*)$/i;

export function normalizeLicenseText(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((line) => !(line.length < 200 && noiseLine.test(line)));
  return lines
    .join(" ")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/https?:\/\/(www\.)?/g, " ")
    .replace(/[‘’“”«»]/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    // Single letters are list markers ("a.", "(b)") whose style varies between copies.
    .filter((word) => word.length > 1 || /\d/.test(word));
}

export function shingles(words: string[], size = SHINGLE): Set<string> {
  const result = new Set<string>();
  if (words.length < size) {
    if (words.length) result.add(words.join(" "));
    return result;
  }
  for (let i = 0; i + size <= words.length; i++) result.add(words.slice(i, i + size).join(" "));
  return result;
}

/**
 * A shingle's weight: 1 / the number of reference texts that contain it, so passages that many
 * licenses share (a disclaimer, the OpenRAIL paragraphs) count less than what sets one apart.
 */
export type Weights = Map<string, number>;

export function weightsOf(references: Set<string>[]): Weights {
  const counts = new Map<string, number>();
  for (const reference of references) for (const item of reference) counts.set(item, (counts.get(item) ?? 0) + 1);
  return new Map([...counts].map(([item, count]) => [item, 1 / count]));
}

const weightOf = (item: string, weights?: Weights) => weights?.get(item) ?? 1;

function mass(set: Set<string>, weights?: Weights): number {
  let total = 0;
  for (const item of set) total += weightOf(item, weights);
  return total;
}

function overlap(a: Set<string>, b: Set<string>, weights?: Weights): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared += weightOf(item, weights);
  return shared;
}

/** Sørensen–Dice coefficient (weighted): 1 for the same text, 0 for nothing in common. */
export function dice(a: Set<string>, b: Set<string>, weights?: Weights): number {
  if (!a.size || !b.size) return 0;
  return (2 * overlap(a, b, weights)) / (mass(a, weights) + mass(b, weights));
}

/** How much of `reference` is found in `text` (weighted): for references that hold only passages. */
export function containment(text: Set<string>, reference: Set<string>, weights?: Weights): number {
  if (!text.size || !reference.size) return 0;
  return overlap(text, reference, weights) / mass(reference, weights);
}
