// Fuzzes the benchmark file importers (vLLM bench serve, LLMPerf, GenAI-Perf) the way an import
// request reaches them: the file's bytes in a multipart upload or a JSON body, read by
// readImportBody, checked by the endpoint's body schema, then recognised, parsed and validated by
// the service's own steps before the database (parseImportedResult, importedBenchmark). Valid result files are mutated as bytes and as
// JSON (values swapped for odd ones, keys dropped or renamed, prototype names such as "constructor")
// and each must settle in time and bounded memory with either a well-formed result or a clear
// error: AppError, ResultFormatError or zod issues, never a TypeError or a NaN slipping through.
// FUZZ_RUNS and FUZZ_SEED (lib/testing/fuzz-settings.ts) set the cases per property and the seed.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { describeMutations, mutate, mutatedInputs, type Seed } from "@/lib/testing/byte-mutations";
import { boundedCase } from "@/lib/testing/fuzz-limits";
import { fuzzSettings, logFuzzCases } from "@/lib/testing/fuzz-settings";
import { readImportBody } from "../import-body";
import { benchmarkImportSchema } from "../schema";
import { importedBenchmark, parseImportedResult } from "../service";
import { distributionNames } from "../validation";
import { resultTools, type ParsedResult } from "./result";

const settings = fuzzSettings();
const MODEL_ID = "6f1c1d7e-2b1a-4c5e-9a0b-0c2d3e4f5a6b";

const fixtures = ["vllm-bench-serve.json", "vllm-bench-serve-default-percentiles.json", "llmperf-summary.json", "genai-perf-profile-export.json"];
const seeds: Seed[] = fixtures.map((name) => ({ label: name, data: readFileSync(path.join(process.cwd(), "tests/fixtures/benchmarks", name)) }));

/** `imported`: the service would store it (its configuration and metrics pass the checks). */
type Outcome = { parsed: ParsedResult; imported: boolean } | { error: string };

/** An import request as a client sends it: the file in a multipart form, or inside a JSON body. */
function importRequest(file: Buffer, multipart: boolean): Request {
  const url = "http://localhost/api/v1/benchmarks/import";
  if (multipart) {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(file)]), "result.json");
    form.set("model_id", MODEL_ID);
    form.set("hardware_profile", "h100-80gb-x1");
    form.set("configuration", JSON.stringify(FILLED_IN));
    return new Request(url, { method: "POST", body: form });
  }
  const body = Buffer.concat([Buffer.from(`{"model_id":"${MODEL_ID}","hardware_profile":"h100-80gb-x1","configuration":${JSON.stringify(FILLED_IN)},"result":`), file, Buffer.from("}")]);
  return new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: new Uint8Array(body) });
}

/** What the request says that the tools' files do not (LLMPerf and GenAI-Perf name no engine). */
const FILLED_IN = { precision: "bf16", engine: "vllm" };

/** A refusal as the client sees it: an AppError with a message for each field it names, which it returns. */
function refusal(error: unknown): string {
  if (!(error instanceof AppError)) throw error;
  const fields = (error.details as { fields?: Record<string, string[]> } | undefined)?.fields ?? {};
  for (const [field, messages] of Object.entries(fields)) expect(messages.join(""), field).not.toBe("");
  return Object.values(fields).flat().join("; ") || `${error.code}: ${error.message}`;
}

/** What the endpoint and importBenchmark do before the database: read, check, parse, validate. */
async function importFile(file: Buffer, multipart: boolean): Promise<Outcome> {
  let raw: unknown;
  try {
    raw = await readImportBody(importRequest(file, multipart));
  } catch (error) {
    if (error instanceof AppError && error.message) return { error: `${error.code}: ${error.message}` };
    throw error;
  }
  const body = benchmarkImportSchema.safeParse(raw);
  if (!body.success) return { error: issues(body.error.issues) };
  let parsed: ParsedResult;
  try {
    parsed = parseImportedResult(body.data.result);
  } catch (error) {
    return { error: refusal(error) };
  }
  try {
    importedBenchmark(body.data, parsed);
    return { parsed, imported: true };
  } catch (error) {
    refusal(error);
    return { parsed, imported: false };
  }
}

function issues(list: { message: string }[]): string {
  return list.map((issue) => issue.message).filter(Boolean).join("; ");
}

/** A parsed result in our units: every figure a number or null, and never NaN (a lookup gone wrong). */
function checkParsed(parsed: ParsedResult, context: string): void {
  expect(resultTools, context).toContain(parsed.tool);
  const figure = (value: unknown, name: string) => {
    expect(value === null || typeof value === "number", `${context}: ${name} is ${String(value)}`).toBe(true);
    expect(Number.isNaN(value), `${context}: ${name} is NaN`).toBe(false);
  };
  for (const name of distributionNames) {
    const distribution = parsed.metrics[name];
    if (distribution) for (const [key, value] of Object.entries(distribution)) figure(value, `${name}.${key}`);
  }
  for (const name of ["output_throughput_tps", "total_throughput_tps", "request_throughput_rps", "error_rate", "completed_requests", "duration_s"] as const) {
    figure(parsed.metrics[name], name);
  }
  for (const [key, value] of Object.entries(parsed.configuration)) {
    expect(typeof value === "string" || (typeof value === "number" && Number.isInteger(value) && value > 0), `${context}: configuration.${key} is ${String(value)}`).toBe(true);
  }
}

async function importCase(file: Buffer, multipart: boolean, context: string): Promise<Outcome> {
  const outcome = await boundedCase(context, () => importFile(file, multipart));
  if (!outcome.ok) throw new Error(`${context}: the import threw ${String(outcome.error)}`, { cause: outcome.error });
  if ("parsed" in outcome.value) checkParsed(outcome.value.parsed, context);
  else expect(outcome.value.error, context).not.toBe("");
  return outcome.value;
}

// --- JSON-level mutations ---------------------------------------------------------------------

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Unit names as GenAI-Perf writes them, and names that trip lookups in plain objects. */
const ODD_UNITS = [
  "constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "ms", "s", "ns", "µs", "sec", "SECONDS", " ms ", "tokens/sec",
  "tokens/constructor", "requests/__proto__", "request per toString", "tokens/min", "tokens/hour", "",
];
/** Keys and strings that trip lookups and number parsing. */
const ODD_STRINGS = [...ODD_UNITS, "prototype", " ", "NaN", "Infinity", "-Infinity", "1e400", "-1", "0x10", "1_000", "\u0000", "\ud800", "💥".repeat(3)];
const ODD_NUMBERS = [0, -0, -1, 1, 0.5, 1e-320, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, Number.MIN_VALUE];

function deepNest(depth: number): JsonValue {
  let value: JsonValue = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const oddValue: fc.Arbitrary<JsonValue> = fc.oneof(
  { arbitrary: fc.constantFrom<JsonValue>(...ODD_STRINGS), weight: 3 },
  { arbitrary: fc.constantFrom<JsonValue>(...ODD_NUMBERS, null, true, false, [], {}, { unit: "constructor", avg: 1 }, { unit: "ms" }, { avg: "12" }), weight: 2 },
  { arbitrary: fc.double({ noNaN: true }), weight: 1 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>, weight: 1 },
  { arbitrary: fc.constant(deepNest(2_000)), weight: 1 },
);

type JsonEdit =
  | { kind: "set"; path: number[]; value: JsonValue }
  | { kind: "delete"; path: number[] }
  | { kind: "rename"; path: number[]; key: string }
  | { kind: "add"; path: number[]; key: string; value: JsonValue }
  | { kind: "unit"; path: number[]; value: string };

const jsonPath = fc.array(fc.nat(), { minLength: 1, maxLength: 3 });
const oddKey = fc.oneof(
  { arbitrary: fc.constantFrom("unit", "avg", "p50", "p99", "output_throughput", "completed", "failed", "results_ttft_s_mean", "input_config", "concurrency"), weight: 3 },
  { arbitrary: fc.constantFrom(...ODD_STRINGS), weight: 2 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);
const jsonEdit: fc.Arbitrary<JsonEdit> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), path: jsonPath, value: oddValue }),
  fc.record({ kind: fc.constant("delete" as const), path: jsonPath }),
  fc.record({ kind: fc.constant("rename" as const), path: jsonPath, key: oddKey }),
  fc.record({ kind: fc.constant("add" as const), path: jsonPath, key: oddKey, value: oddValue }),
  // A metric's unit: GenAI-Perf's units are looked up in tables, keyed by what the file says.
  fc.record({ kind: fc.constant("unit" as const), path: fc.tuple(fc.nat()), value: fc.constantFrom(...ODD_UNITS) }),
);

/** Walks the path (indices modulo each container's keys) and applies the edit at its end. */
function applyEdit(root: JsonValue, edit: JsonEdit): void {
  let container: JsonValue = root;
  for (let depth = 0; ; depth++) {
    if (container === null || typeof container !== "object") return;
    const keys = Object.keys(container);
    const last = depth === edit.path.length - 1;
    if (!keys.length && !(last && edit.kind === "add")) return;
    const key = keys.length ? keys[edit.path[depth] % keys.length] : "";
    const record = container as Record<string, JsonValue>;
    if (!last) {
      container = record[key];
      continue;
    }
    // Values are copied: fast-check hands out the same constant objects, which must not end up inside themselves.
    if (edit.kind === "unit") {
      const metric = record[key];
      if (metric !== null && typeof metric === "object" && !Array.isArray(metric)) metric.unit = edit.value;
    } else if (edit.kind === "set") record[key] = structuredClone(edit.value);
    else if (edit.kind === "delete") delete record[key];
    else if (edit.kind === "add") record[edit.key] = structuredClone(edit.value);
    else if (edit.key !== key) {
      Object.defineProperty(record, edit.key, { value: record[key], enumerable: true, writable: true, configurable: true });
      delete record[key];
    }
    return;
  }
}

const editedFiles = fc.record({ index: fc.nat({ max: seeds.length - 1 }), edits: fc.array(jsonEdit, { minLength: 1, maxLength: 5 }) }).map(({ index, edits }) => {
  const root = JSON.parse(seeds[index].data.toString("utf8")) as JsonValue;
  for (const edit of edits) applyEdit(root, edit);
  const text = JSON.stringify(root);
  const label = `${seeds[index].label} with ${JSON.stringify(edits).slice(0, 2_000)}`;
  return Object.assign({ label, data: Buffer.from(text) }, { [fc.toStringMethod]: () => label });
});

// --- the properties -----------------------------------------------------------------------------

async function runProperty<Ts extends [unknown, ...unknown[]]>(parser: string, property: (count: () => void) => fc.IAsyncProperty<Ts>): Promise<void> {
  let cases = 0;
  try {
    await fc.assert(property(() => cases++), { numRuns: settings.numRuns, seed: settings.seed });
  } finally {
    logFuzzCases(parser, cases, settings.seed);
  }
}

const timeout = 60_000 + settings.numRuns * 2_000;

describe("benchmark importers under fuzzing", () => {
  it("result files mutated as bytes, uploaded or posted as JSON", () =>
    runProperty("benchmark-import-bytes", (count) =>
      fc.asyncProperty(mutatedInputs(seeds), fc.boolean(), async (input, multipart) => {
        count();
        await importCase(input.data, multipart, describeMutations(input));
      }),
    ), timeout);

  it("result files mutated as JSON: odd values, dropped and renamed keys", () =>
    runProperty("benchmark-import-json", (count) =>
      fc.asyncProperty(editedFiles, fc.boolean(), async (file, multipart) => {
        count();
        await importCase(file.data, multipart, file.label);
      }),
    ), timeout);

  it("a GenAI-Perf metric whose unit is \"constructor\" is refused, not read as NaN (found by fuzzing; units.ts)", async () => {
    const file = JSON.parse(seeds[3].data.toString("utf8")) as Record<string, Record<string, unknown>>;
    file.request_latency.unit = "constructor";
    const outcome = await importCase(Buffer.from(JSON.stringify(file)), false, "request_latency.unit = constructor");
    expect(outcome).toEqual({ error: 'GenAI-Perf request_latency has unit "constructor", which is not a time unit' });
  });

  it("each valid fixture still imports (the seeds are valid)", async () => {
    for (const seed of seeds) {
      const outcome = await importCase(mutate(seed, []).data, true, seed.label);
      expect(outcome, seed.label).toMatchObject({ imported: true });
    }
  });
});
