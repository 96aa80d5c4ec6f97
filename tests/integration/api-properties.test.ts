// Property-based tests over the whole API, driven by the OpenAPI document: for every path and
// method, random valid and invalid requests (bodies, query strings, ids, headers, callers). Every
// answer must be below 500; every 4xx must have the one error shape, a code matching its status,
// and a status the document lists for the operation; a body the schema refuses must be refused;
// and a write that is refused must leave every application table exactly as it was.
// FUZZ_RUNS (cases per operation) and FUZZ_SEED (lib/testing/fuzz-settings.ts) size the run.
import { rmSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const artifactDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/budmodel-fuzz-artifacts-${process.pid}-${Date.now()}`;
  process.env.BUDMODEL_ARTIFACT_DIR = dir;
  process.env.BUDMODEL_MAX_UPLOAD_BYTES = String(256 * 1024);
  // Thousands of writes a minute from one caller: the write limit would answer most with 429.
  process.env.WRITE_RATE_LIMIT = "0";
  // One log line per request is noise here; failures (500s) are still logged with their stack.
  process.env.LOG_LEVEL = "error";
  return dir;
});

import { closeDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { errorStatus } from "@/lib/http/errors";
import type { Endpoint } from "@/lib/http/endpoint";
import { stopBoss } from "@/lib/jobs/boss";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { allEndpoints } from "@/lib/openapi/endpoints";
import { fuzzSettings } from "@/lib/testing/fuzz-settings";
import { startHubStandin, type HubStandin } from "@/scripts/hub-standin/server";
import { BOOTSTRAP_TOKEN } from "./support/actors";
import { changedTables, openDatabaseState, type DatabaseState } from "./support/database-state";
import { createFuzzFixtures, idsForPath, type FuzzFixtures } from "./support/fuzz-fixtures";
import { callRaw, type Handler } from "./support/http";
import { schemaArbitraries, type JsonSchema } from "./support/openapi-arbitraries";
import { describeRequest, requestArbitrary, type Caller, type FuzzRequest, type Operation } from "./support/request-arbitraries";
import { handlerOf } from "./support/route-table";
import { createScratchDatabase } from "./support/scratch-database";

const settings = fuzzSettings();
const document = buildOpenApiDocument();
const operations = Object.entries(document.paths).flatMap(([route, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ ...(operation as Omit<Operation, "method" | "path">), method: method.toUpperCase(), path: route })),
);

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let standin: HubStandin;
let state: DatabaseState;
let fixtures: FuzzFixtures;
let callers: Caller[];
let cases = 0;

beforeAll(async () => {
  // A database of its own, small, so each write's before-and-after fingerprint is quick.
  scratch = await createScratchDatabase("fuzz");
  env.DATABASE_URL = scratch.url;
  standin = await startHubStandin();
  env.HF_ENDPOINT = standin.url;
  env.HUGGINGFACE_TOKEN = undefined;
  env.BENCHMARK_ALLOWED_HOSTS = "127.0.0.1:9";
  const hubRepo = [...standin.repos.values()].find((repo) => !repo.gated && !repo.private)!;
  fixtures = await createFuzzFixtures(hubRepo.id);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  callers = [
    { label: "admin token", headers: bearer(fixtures.admin.token), weight: 12 },
    { label: "bootstrap token", headers: bearer(BOOTSTRAP_TOKEN), weight: 2 },
    { label: "admin session", headers: { cookie: fixtures.admin.cookie }, weight: 2, session: true },
    { label: "engineer token", headers: bearer(fixtures.engineer.token), weight: 2 },
    { label: "viewer token", headers: bearer(fixtures.viewer.token), weight: 1 },
    { label: "anonymous", headers: {}, weight: 2 },
    { label: "unknown token", headers: bearer("bm_not_a_real_token"), weight: 1 },
    { label: "basic auth", headers: { authorization: "Basic YWRtaW46YWRtaW4=" }, weight: 1 },
  ];
  state = await openDatabaseState(scratch.url);
  await state.snapshot();
}, 120_000);

// Each operation starts from the same small database, whatever the one before it changed.
beforeEach(async () => state.restore());

afterAll(async () => {
  await stopBoss();
  await closeDatabase();
  await state?.close();
  await scratch?.drop();
  await standin?.close();
  rmSync(artifactDir, { recursive: true, force: true });
  console.log(`api-properties: ${cases} cases, seed ${settings.seed}`);
});

/** What is wrong with the answer to one request, if anything. */
function problemsOf(operation: Operation, endpoint: Endpoint, request: FuzzRequest, status: number, contentType: string | null, text: string): string[] {
  const problems: string[] = [];
  if (status >= 500) return [`answered ${status}: ${text.slice(0, 500)}`];
  if (status >= 400) {
    if (!(String(status) in operation.responses)) problems.push(`answered ${status}, which the document does not list for ${operation.method} ${operation.path}`);
    if (!contentType?.startsWith("application/json")) problems.push(`error answered as ${contentType}`);
    const shapeProblem = errorShapeProblem(text, status);
    if (shapeProblem) problems.push(shapeProblem);
  }
  if (status < 400 && refusedBySchema(endpoint, request)) problems.push(`accepted (${status}) a body its schema refuses`);
  return problems;
}

function errorShapeProblem(text: string, status: number): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `error body is not JSON: ${text.slice(0, 200)}`;
  }
  const error = (body as { error?: Record<string, unknown> })?.error;
  if (!error || typeof error !== "object" || Object.keys(body as object).length !== 1) return `error body is not {error: ...}: ${text.slice(0, 200)}`;
  const keys = Object.keys(error).sort().join(",");
  if (keys !== "code,details,message") return `error has fields ${keys}, not code, message, details`;
  if (typeof error.message !== "string" || !error.message) return "error.message is not a sentence";
  if (!error.details || typeof error.details !== "object" || Array.isArray(error.details)) return "error.details is not an object";
  const expected = errorStatus[error.code as keyof typeof errorStatus];
  if (expected !== status) return `error code ${String(error.code)} goes with ${expected}, not ${status}`;
  return null;
}

/** Whether the body is one the endpoint's own schema refuses (so it must be refused). */
function refusedBySchema(endpoint: Endpoint, request: FuzzRequest): boolean {
  if (!endpoint.body) return false;
  if (request.bodyKind === "invalid json text" || request.bodyKind === "none") return true;
  if (request.bodyKind === "wrong content type") return !endpoint.multipart;
  if (!("json" in request)) return false;
  return !endpoint.body.safeParse(JSON.parse(JSON.stringify(request.json) ?? "null")).success;
}

const isWrite = (method: string) => method !== "GET";

describe("the OpenAPI document covers the API", () => {
  it("lists every declared endpoint", () => {
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(allEndpoints.map((e) => `${e.method} ${e.path}`).sort());
  });
});

/** Sends one request to an operation; returns what is wrong with the answer (and the answer). */
async function check(operation: Operation, request: FuzzRequest) {
  cases++;
  const endpoint = allEndpoints.find((e) => e.method === operation.method && e.path === operation.path)!;
  const handler: Handler = await handlerOf(endpoint);
  const before = isWrite(operation.method) ? await state.fingerprint() : null;
  const response = await callRaw(handler, { method: operation.method, url: request.url, params: request.params, headers: request.headers, body: request.body });
  const problems = problemsOf(operation, endpoint, request, response.status, response.headers.get("content-type"), response.text);
  if (before && (response.status < 200 || response.status >= 300)) {
    const changed = changedTables(before, await state.fingerprint());
    if (changed.length) problems.push(`refused (${response.status}) but changed ${changed.join(", ")}`);
  }
  return { problems, response };
}

describe.each(operations.map((operation, index) => [`${operation.method} ${operation.path}`, operation, index] as const))("%s", (_name, operation, index) => {
  it("never fails, answers errors in the documented shape, and leaves the database alone when it refuses a write", { timeout: 120_000 + settings.numRuns * 3_000 }, async () => {
    const arbitraries = schemaArbitraries(document.components.schemas as Record<string, JsonSchema>, fixtures.known);
    const requests = requestArbitrary(operation, { arbitraries, callers, knownIds: (route) => idsForPath(fixtures, route) });
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const { problems, response } = await check(operation, request);
        if (problems.length) throw new Error(`${problems.join("; ")}\n  request: ${describeRequest(request)}\n  answer: ${response.status} ${response.text.slice(0, 300)}`);
      }),
      { numRuns: settings.numRuns, seed: settings.seed + index },
    );
  });
});

// What these properties found, each kept as a plain example (all were 500s or undocumented statuses).
describe("regressions found by these properties", () => {
  const json = (value: unknown, headers: Record<string, string>) => ({
    headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(value), bodyKind: "valid json" as const, json: value,
  });
  const admin = () => ({ authorization: `Bearer ${fixtures.admin.token}` });
  const session = (origin: string) => ({ cookie: fixtures.admin.cookie, origin, host: "localhost" });
  const userId = () => fixtures.idsByPath["/api/v1/users/{id}"][0];
  const modelId = () => fixtures.idsByPath["/api/v1/models/{id}"][0];
  const examples: [string, string, () => Omit<FuzzRequest, "caller">, number][] = [
    ["a session cookie that is not valid percent-encoding is refused, not a crash", "POST /api/v1/models",
      () => ({ url: "/api/v1/models", params: {}, ...json({ name: "a" }, { cookie: "next-auth.session-token=%E0%A4%A" }) }), 401],
    ["an empty Origin on a write signed in by cookie is cross-site", "PATCH /api/v1/users/{id}",
      () => ({ url: `/api/v1/users/${userId()}`, params: { id: userId() }, ...json({ name: "x" }, session("")) }), 403],
    ["an Origin that is not a URL on a write signed in by cookie is cross-site", "PATCH /api/v1/users/{id}",
      () => ({ url: `/api/v1/users/${userId()}`, params: { id: userId() }, ...json({ name: "x" }, session("not a url")) }), 403],
    ["NUL in a JSON string is refused with the field named", "POST /api/v1/tokens",
      () => ({ url: "/api/v1/tokens", params: {}, ...json({ name: "\u0000" }, admin()) }), 422],
    ["an unpaired surrogate bound for a jsonb column is refused", "POST /api/v1/models",
      () => ({ url: "/api/v1/models", params: {}, ...json({ name: "a", license_restrictions: { "": "\udfff" } }, admin()) }), 422],
    ["NUL in a path id is not a crash", "GET /api/v1/licenses/{id}",
      () => ({ url: "/api/v1/licenses/a%00b", params: { id: "a\u0000b" }, headers: admin(), body: null, bodyKind: "none" }), 422],
    ["a multipart filename* that is not valid percent-encoding is a 400", "POST /api/v1/models/{id}/artifacts",
      () => ({
        url: `/api/v1/models/${modelId()}/artifacts`, params: { id: modelId() }, bodyKind: "broken multipart",
        headers: { ...admin(), "content-type": "multipart/form-data; boundary=b0undary" },
        body: "--b0undary\r\ncontent-disposition: form-data; name=\"file\"; filename*=UTF-8''%E0%A4%A\r\n\r\nx\r\n--b0undary--\r\n",
      }), 400],
    ["a body over the limit is a documented 413", "POST /api/v1/hardware-profiles",
      () => ({ url: "/api/v1/hardware-profiles", params: {}, ...json({ name: "x", gpu_type: "h100-80gb", gpu_count: 1 }, { ...admin(), "content-length": "99999999999" }) }), 413],
    ["bad credentials on a public route are a documented 401", "GET /api/v1/openapi.json",
      () => ({ url: "/api/v1/openapi.json", params: {}, headers: { authorization: "Bearer bm_not_a_real_token" }, body: null, bodyKind: "none" }), 401],
  ];
  it.each(examples)("%s", async (_name, key, make, status) => {
    const operation = operations.find((o) => `${o.method} ${o.path}` === key)!;
    const { problems, response } = await check(operation, { caller: "example", ...make() });
    expect(problems).toEqual([]);
    expect(response.status).toBe(status);
  });
});
