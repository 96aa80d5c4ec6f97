// fast-check arbitraries derived from the OpenAPI document's JSON schemas: values a schema
// accepts (from its types, formats, patterns, enums and bounds, preferring known ids for fields
// that name other resources) and values it should refuse (type confusion, out-of-range numbers,
// over-long strings and arrays, missing or unknown fields, broken patterns and enums).
import fc from "fast-check";
import { hostileString, hostileValue } from "./hostile-inputs";

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Values to prefer for fields of a given name (model_id: ids of models that exist, say). */
export type KnownValues = Record<string, readonly unknown[]>;

export interface SchemaArbitraries {
  /** Values the schema accepts; `name` is the field's name, for known values. */
  valid(schema: JsonSchema, name?: string): fc.Arbitrary<unknown>;
  /** Values that break the schema somewhere (at the top or deep inside); usually refused. */
  invalid(schema: JsonSchema): fc.Arbitrary<unknown>;
}

const MAX_DEPTH = 4;
const SHORT = 24;

export function schemaArbitraries(components: Record<string, JsonSchema>, known: KnownValues = {}): SchemaArbitraries {
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = components[name];
    if (!target) throw new Error(`Unresolved $ref ${schema.$ref}`);
    return resolve(target);
  };

  const valid = (input: JsonSchema, name?: string, depth = 0): fc.Arbitrary<unknown> => {
    const schema = resolve(input);
    const generated = generate(schema, depth);
    const preferred = name ? known[name] : undefined;
    return preferred?.length ? fc.oneof({ arbitrary: fc.constantFrom(...preferred), weight: 3 }, { arbitrary: generated, weight: 1 }) : generated;
  };

  const generate = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const union = schema.anyOf ?? schema.oneOf;
    if (union) return fc.oneof(...union.map((s) => valid(s, undefined, depth)));
    if (schema.allOf?.length) return valid(schema.allOf[0], undefined, depth);
    const types = typesOf(schema);
    if (!types.length) return fc.jsonValue({ maxDepth: 2 });
    return fc.oneof(...types.map((type) => generateType(schema, type, depth)));
  };

  const generateType = (schema: JsonSchema, type: string, depth: number): fc.Arbitrary<unknown> => {
    switch (type) {
      case "null": return fc.constant(null);
      case "boolean": return fc.boolean();
      case "integer": return validInteger(schema);
      case "number": return validNumber(schema);
      case "string": return validString(schema);
      case "array": {
        const items = schema.items ? valid(schema.items, undefined, depth + 1) : fc.jsonValue({ maxDepth: 1 });
        const minLength = schema.minItems ?? 0;
        return fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)) });
      }
      default: return validObject(schema, depth);
    }
  };

  const validObject = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const properties = schema.properties ?? {};
    const names = Object.keys(properties);
    if (!names.length) {
      // A free-form map (z.record): keys and JSON values, shallow, with the known keys of that map.
      return depth >= MAX_DEPTH ? fc.constant({}) : fc.dictionary(fc.oneof(fc.constantFrom(...freeFormKeys), fc.string({ maxLength: 12 })), fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileValue), { maxKeys: 6 });
    }
    const record = Object.fromEntries(names.map((key) => [key, valid(properties[key], key, depth + 1)]));
    return fc.record(record, { requiredKeys: schema.required ?? [] });
  };

  const invalid = (input: JsonSchema, depth = 0): fc.Arbitrary<unknown> => {
    const schema = resolve(input);
    const wrongType = fc.oneof(hostileValue, fc.constantFrom(null, true, 0, -1, 1.5, "", "1", [], {}));
    const mutations: fc.Arbitrary<unknown>[] = [wrongType];
    const types = typesOf(schema);
    if (schema.enum) mutations.push(fc.oneof(hostileString, fc.constantFrom(...schema.enum.filter((v): v is string => typeof v === "string").map((v) => v.toUpperCase() + " "))));
    if (types.includes("string") && !schema.enum) mutations.push(invalidString(schema));
    if (types.includes("integer") || types.includes("number")) mutations.push(invalidNumber(schema, types.includes("integer")));
    if (types.includes("array")) mutations.push(invalidArray(schema, depth));
    if (types.includes("object") || schema.properties) mutations.push(invalidObject(schema, depth));
    const union = schema.anyOf ?? schema.oneOf;
    if (union && depth < MAX_DEPTH) mutations.push(...union.map((s) => invalid(s, depth + 1)));
    return fc.oneof(...mutations);
  };

  const invalidObject = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const properties = schema.properties ?? {};
    const names = Object.keys(properties);
    const base = validObject(schema, depth) as fc.Arbitrary<Record<string, unknown>>;
    const options: fc.Arbitrary<unknown>[] = [
      // Unknown fields, including ones that try to reach the prototype.
      fc.tuple(base, fc.constantFrom("unknown_field", "__proto__", "constructor", "id", "created_at", "role", "", "\u0000"), hostileValue).map(([value, key, extra]) => withKey(value, key, extra)),
    ];
    const required = schema.required ?? [];
    if (required.length) options.push(fc.tuple(base, fc.constantFrom(...required)).map(([value, key]) => withoutKey(value, key)));
    if (names.length && depth < MAX_DEPTH) {
      // One field broken, the rest valid.
      options.push(fc.oneof(...names.map((key) => fc.tuple(base, invalid(properties[key], depth + 1)).map(([value, bad]) => withKey(value, key, bad)))));
    }
    return fc.oneof(...options);
  };

  const invalidArray = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const items = schema.items ? valid(schema.items, undefined, depth + 1) : fc.constant(0);
    const options: fc.Arbitrary<unknown>[] = [
      fc.tuple(items, fc.integer({ min: (schema.maxItems ?? 1000) + 1, max: Math.max((schema.maxItems ?? 1000) + 1, 100_000) })).map(([item, length]) => Array.from({ length }, () => item)),
    ];
    if (schema.items && depth < MAX_DEPTH) options.push(fc.array(invalid(schema.items, depth + 1), { minLength: 1, maxLength: 3 }));
    if (schema.minItems) options.push(fc.constant([]));
    return fc.oneof(...options);
  };

  return { valid: (schema, name) => valid(schema, name), invalid: (schema) => invalid(schema) };
}

/** Keys the free-form maps are read for: a model's config, license restrictions and requirements, a benchmark result file. */
const freeFormKeys = [
  "num_hidden_layers", "hidden_size", "intermediate_size", "num_attention_heads", "num_key_value_heads", "head_dim",
  "vocab_size", "max_position_embeddings", "num_experts", "kv_lora_rank", "torch_dtype", "mau_limit", "naming", "weights_gb",
  "backend", "completed", "max_concurrency", "request_throughput", "output_throughput", "mean_ttft_ms", "p99_ttft_ms",
  "results_mean_output_throughput_token_per_s", "request_latency", "time_to_first_token", "input_config", "output_token_throughput",
];

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ["object"];
  return [];
}

function withKey(value: Record<string, unknown>, key: string, extra: unknown): Record<string, unknown> {
  const copy = { ...value };
  Object.defineProperty(copy, key, { value: extra, enumerable: true, writable: true, configurable: true });
  return copy;
}

function withoutKey(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

function bounds(schema: JsonSchema, integer: boolean) {
  const step = integer ? 1 : Number.EPSILON;
  const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : schema.minimum;
  const max = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - step : schema.maximum;
  return { min, max };
}

function validInteger(schema: JsonSchema): fc.Arbitrary<number> {
  const { min = -1_000_000, max = 1_000_000 } = bounds(schema, true);
  const low = Math.max(min, Number.MIN_SAFE_INTEGER);
  const high = Math.min(max, Number.MAX_SAFE_INTEGER);
  return fc.oneof(fc.integer({ min: low, max: Math.min(high, low + 1000) }), fc.maxSafeInteger().map((n) => low + (Math.abs(n) % (high - low + 1))), fc.constantFrom(low, high));
}

function validNumber(schema: JsonSchema): fc.Arbitrary<number> {
  const { min = -1e6, max = 1e6 } = bounds(schema, false);
  const minExcluded = schema.exclusiveMinimum !== undefined;
  const low = minExcluded ? (schema.exclusiveMinimum as number) : min;
  return fc.oneof(
    fc.double({ min: low, max, noNaN: true, noDefaultInfinity: true, minExcluded }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.constant(max),
  );
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 1000;
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength;
  const pattern = schema.pattern ? new RegExp(schema.pattern, "u") : null;
  const matches = (s: string) => fits(s) && (!pattern || pattern.test(s));
  if (schema.format === "uuid") return fc.uuid({ version: [1, 4, 7] });
  if (schema.format === "date-time") return fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === "uri") return fc.webUrl({ withQueryParameters: true }).filter(matches);
  if (schema.format === "email") return fc.emailAddress().filter(matches);
  if (pattern) return fc.stringMatching(pattern).filter(fits);
  const short = Math.max(minLength, Math.min(maxLength, SHORT));
  return fc.oneof(
    { arbitrary: fc.string({ minLength, maxLength: short, unit: "grapheme" }), weight: 3 },
    // Any code point, NUL included: what a schema without a pattern lets through.
    { arbitrary: fc.string({ minLength, maxLength: short, unit: "binary" }), weight: 2 },
    // Exactly as long as allowed.
    { arbitrary: fc.constantFrom("a", "é", "字").map((c) => c.repeat(maxLength)), weight: 1 },
  );
}

function invalidString(schema: JsonSchema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [hostileString];
  if (schema.maxLength !== undefined) options.push(fc.integer({ min: 1, max: 1000 }).map((extra) => "x".repeat(schema.maxLength! + extra)));
  if (schema.minLength) options.push(fc.constant("x".repeat(schema.minLength - 1)));
  if (schema.pattern || schema.format) options.push(fc.constantFrom(" ", "-", "not a valid value", "ÄÖÜ", "a b", "../etc", "2024-13-45T25:61:00Z", "00000000-0000-0000-0000-00000000000g"));
  return fc.oneof(...options);
}

function invalidNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const { min, max } = bounds(schema, integer);
  const options: fc.Arbitrary<unknown>[] = [fc.constantFrom("1", "NaN", "1e3", Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2)];
  if (min !== undefined) options.push(fc.constantFrom(min - 1, min - 0.5, -1e300));
  if (max !== undefined) options.push(fc.constantFrom(max + 1, max + 0.5, 1e300));
  if (integer) options.push(fc.constantFrom(1.5, 2.000001, 0.1));
  return fc.oneof(...options);
}
