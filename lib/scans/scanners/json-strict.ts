// A strict JSON parser for safetensors headers: the same grammar as JSON.parse, but it refuses
// duplicate keys (two parsers could each pick a different one), and it never recurses deeper
// than a limit.

export class StrictJsonError extends Error {
  constructor(message: string, readonly rule: "not_json" | "duplicate_key", readonly at: number) {
    super(message);
    this.name = "StrictJsonError";
  }
}

export function parseStrictJson(text: string, maxDepth = 64): unknown {
  let i = 0;
  const fail = (message: string): never => {
    throw new StrictJsonError(`${message} at character ${i}`, "not_json", i);
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const string = (): string => {
    // Find the closing quote, then let JSON.parse handle escapes of that one string.
    const start = i;
    i++;
    for (;;) {
      const j = text.indexOf('"', i);
      if (j < 0) fail("unterminated string");
      let backslashes = 0;
      for (let k = j - 1; k >= start && text[k] === "\\"; k--) backslashes++;
      i = j + 1;
      if (backslashes % 2 === 0) break;
    }
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail("invalid string");
    }
  };
  const value = (depth: number): unknown => {
    if (depth > maxDepth) fail("nesting too deep");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const out: Record<string, unknown> = Object.create(null);
      const seen = new Set<string>();
      ws();
      if (text[i] === "}") {
        i++;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected a key");
        const at = i;
        const key = string();
        if (seen.has(key)) throw new StrictJsonError(`duplicate key "${key.slice(0, 200)}"`, "duplicate_key", at);
        seen.add(key);
        ws();
        if (text[i] !== ":") fail("expected ':'");
        i++;
        out[key] = value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return out;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      const out: unknown[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return out;
      }
      for (;;) {
        out.push(value(depth + 1));
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return out;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!literal) return fail("unexpected character");
    i += literal[0].length;
    return JSON.parse(literal[0]);
  };
  const result = value(0);
  ws();
  if (i !== text.length) fail("unexpected text after the value");
  return result;
}
