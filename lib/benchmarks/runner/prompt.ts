// Prompts of a requested length without a tokenizer: common short English words are one token
// each in the tokenizers of every model family we list, so N words is close to N tokens. The
// server's own count (usage.prompt_tokens) is what the run records when the server reports it.

const words = [
  "the", "time", "people", "year", "way", "day", "man", "thing", "woman", "life", "child", "world",
  "school", "state", "family", "student", "group", "country", "problem", "hand", "part", "place",
  "case", "week", "company", "system", "program", "question", "work", "number", "night", "point",
  "home", "water", "room", "mother", "area", "money", "story", "fact", "month", "lot", "right",
  "study", "book", "eye", "job", "word", "business", "issue", "side", "kind", "head", "house",
];

/** A deterministic prompt of about `tokens` tokens, varied by `seed` so no two requests share a prefix cache. */
export function syntheticPrompt(tokens: number, seed: number): string {
  const out: string[] = [];
  let state = (seed * 2654435761) >>> 0;
  for (let i = 0; i < tokens; i++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    out.push(words[state % words.length]);
  }
  return out.join(" ");
}
