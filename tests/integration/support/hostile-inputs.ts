// Inputs that break naive code, whatever the schema: odd unicode (lone surrogates, NUL, bidi and
// zero-width characters), huge strings, numbers at and past the edges of doubles, deep nesting
// (as JSON text, 10,000 levels), very long arrays, JSON that is not JSON, wrong content types,
// malformed ids and header values.
import fc from "fast-check";

const MiB = 1024 * 1024;

const oddCharacters = [
  "\u0000", "\ud800", "\udfff", "\ud83d", "\u202e", "\u200b", "\ufeff", "\uffff", "\ufffd", "\u0301", "\u2028", "\u{1f469}\u200d\u{1f4bb}",
  "\r\n", "\t", "\\", "\"", "'", "%", "%00", "%zz",
];

/** Short strings no field should fall over on: small enough for a URL or a header. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "", " ", "null", "undefined", "true", "NaN", "Infinity", "-0", "1e309", "0x10", " 5 ", "５", "٣",
    "../../etc/passwd", "..%2f..%2f", "<script>alert(1)</script>", "' OR 1=1 --", "'; DROP TABLE models; --", "${jndi:ldap://x}", "{{7*7}}",
    "a\u0000b", "x\ud800y", "\udc00\ud800", "\u202eevil", "Zalgo\u0301\u0302\u0303\u0304", "🦙".repeat(100), "ﷺ".repeat(50),
  ),
  fc.constantFrom(...oddCharacters),
  fc.string({ unit: "binary", maxLength: 40 }),
  // Arbitrary UTF-16 code units: lone surrogates among them.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
  fc.constantFrom("a", "字", "\ud800").map((c) => c.repeat(2000)),
);

/** Huge strings: past 1 MiB (the JSON body limit) in one- to four-byte characters, and 100,000 CJK characters. */
export const hugeString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("a", "é", "😀", "\u0000").map((c) => c.repeat(c.length === 2 ? MiB / 2 + 1 : MiB + 1)),
  fc.constantFrom("字", "\ud800").map((c) => c.repeat(100_000)),
);

/** Strings no field should fall over on, now and then huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof({ arbitrary: oddString, weight: 15 }, { arbitrary: hugeString, weight: 1 });

/** A deeply nested array or object as a value (kept shallow enough for JSON.stringify). */
const nested = fc.tuple(fc.integer({ min: 50, max: 1000 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
});

/** Values of any type that break naive code; the big ones (long arrays, many keys) now and then. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, -1e308, 1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, [], {}, [null], { "": null }), weight: 6 },
  { arbitrary: hostileString, weight: 6 },
  { arbitrary: nested, weight: 1 },
  { arbitrary: fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')), weight: 1 },
  { arbitrary: fc.constantFrom(0, "x", null).map((item) => Array.from({ length: 100_000 }, () => item)), weight: 1 },
  { arbitrary: fc.constant(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))), weight: 1 },
);

/** 10,000 levels of nesting, as JSON text (deeper than JSON.stringify would build from a value). */
export function deepJsonText(depth = 10_000, kind: "array" | "object" = "array", inner = "1"): string {
  return kind === "array" ? "[".repeat(depth) + inner + "]".repeat(depth) : '{"a":'.repeat(depth) + inner + "}".repeat(depth);
}

/** Bodies that are not one valid JSON document. */
export const invalidJsonText: fc.Arbitrary<string | Uint8Array<ArrayBuffer>> = fc.oneof(
  fc.constantFrom(
    "", " ", "\n", "{", "}", "[", "{'a': 1}", '{"a": 1,}', '{"a": }', "{a: 1}", "NaN", "undefined", "Infinity", "\u0000",
    '{"a": 1}{"b": 2}', '{"a": "\\x41"}', '{"a": "\\u12"}', '{"a": 01}', "[1, 2", '"unterminated', "\ufeff", "/* comment */ {}",
    "<xml/>", "a=1&b=2", "--boundary\r\ncontent-disposition: form-data; name=\"file\"\r\n\r\nx\r\n--boundary--",
  ),
  fc.string({ unit: "binary", maxLength: 60 }).filter((text) => !isJson(text)),
  // Not even UTF-8.
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Uint8Array.from([0xff, 0xfe, ...bytes])),
  // Truncated deep nesting.
  fc.constant("[".repeat(10_000)),
);

/** JSON documents that are valid JSON but a strange body: scalars, nesting, huge numbers, duplicates. */
export const oddJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "null", "0", "-0", "true", '"string"', "[]", "{}", "1e400", '{"a": 1e400}', "-1e400", '"\\ud800"', '{"name": "\\u0000"}',
    '{"name": "a", "name": 1}', `{"name": ${"9".repeat(10_000)}}`, '{"__proto__": {"role": "admin"}}', "\ufeff{}",
  ),
  fc.constantFrom("array", "object").map((kind) => deepJsonText(10_000, kind as "array" | "object")),
  fc.constant(`[${Array.from({ length: 200_000 }, () => "0").join(",")}]`),
);

export const jsonContentTypes = ["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/vnd.budmodel+json", "application/json;charset=latin1"];

/** Content-Type values other than JSON's, and none (null). */
export const wrongContentType: fc.Arbitrary<string | null> = fc.constantFrom(
  null, "", "text/plain", "text/json", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
  "multipart/form-data; boundary=x", "application/jsonp", "application/octet-stream", "*/*", ";;;", "application/xml", "json",
  "application/json-patch", "multipart/mixed; boundary=x",
);

/** Strings a UUID path segment might be instead of a UUID. */
export const malformedId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid().map((id) => id.slice(0, -1) + "g"),
  fc.uuid().map((id) => id.slice(0, -1)),
  fc.uuid().map((id) => `${id}0`),
  fc.uuid().map((id) => `{${id}}`),
  fc.uuid().map((id) => ` ${id} `),
  fc.uuid().map((id) => `urn:uuid:${id}`),
  fc.uuid().map((id) => id.replaceAll("-", "")),
  fc.constantFrom("", "0", "-1", "1", "null", "undefined", "me", "..", "%2e%2e", "../models", "1 OR 1=1", "*", "h100-80gb", "llama3.1"),
  oddString,
);

/** Header values a client might send (a header value is bytes: no CR, LF or NUL, and nothing past U+00FF). */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  fc.constantFrom("", " ", "%E0%A4%A", "%", "null", "=", ";", "a=b; c", "\t"),
  fc.constantFrom("x", "é").map((c) => c.repeat(16 * 1024)),
).map((value) => value.trim());

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
