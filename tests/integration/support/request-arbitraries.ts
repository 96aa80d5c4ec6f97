// Whole requests for one OpenAPI operation: who calls (admins mostly, so validation is what gets
// exercised), the path ids, the query string, the headers and the body (JSON valid and not, other
// content types, multipart forms and broken multipart), built from the document's schemas.
import fc from "fast-check";
import {
  deepJsonText, headerValue, hostileString, hostileValue, invalidJsonText, jsonContentTypes, malformedId, oddJsonText, oddString, wrongContentType,
} from "./hostile-inputs";
import type { JsonSchema, SchemaArbitraries } from "./openapi-arbitraries";

export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: "path" | "query"; required: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
}

export interface Caller {
  label: string;
  headers: Record<string, string>;
  weight: number;
  /** Signed in by a session cookie: writes are checked for their origin. */
  session?: boolean;
}

export interface RequestContext {
  arbitraries: SchemaArbitraries;
  callers: Caller[];
  /** Ids that exist for a path's {id}, e.g. model ids for /api/v1/models/{id}. */
  knownIds(path: string): readonly string[];
}

export type BodyKind =
  | "none" | "valid json" | "invalid json value" | "hostile json value" | "odd json text" | "invalid json text"
  | "wrong content type" | "multipart form" | "broken multipart";

export interface FuzzRequest {
  caller: string;
  url: string;
  params: Record<string, string>;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | FormData | null;
  bodyKind: BodyKind;
  /** The JSON value sent, when the body is that value as JSON text with a JSON content type. */
  json?: unknown;
}

const MAX_SHOWN = 300;

/** A short description of a request for failure messages (bodies run to megabytes). */
export function describeRequest(request: FuzzRequest): string {
  const body = request.body instanceof FormData
    ? `FormData(${[...request.body.keys()].join(", ")})`
    : typeof request.body === "string" ? `${JSON.stringify(request.body.slice(0, MAX_SHOWN))}${request.body.length > MAX_SHOWN ? ` ...(${request.body.length} chars)` : ""}`
    : request.body ? `${request.body.byteLength} bytes` : "none";
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, v.length > 80 ? `${v.slice(0, 80)}...(${v.length})` : v]));
  const url = request.url.length > MAX_SHOWN ? `${request.url.slice(0, MAX_SHOWN)}...(${request.url.length} chars)` : request.url;
  return `${request.caller} ${url} params=${JSON.stringify(request.params).slice(0, MAX_SHOWN)} headers=${JSON.stringify(headers)} ${request.bodyKind}: ${body}`;
}

const wellFormed = (text: string) => text.replace(/[\ud800-\udfff]/gu, "\ufffd");

export function requestArbitrary(operation: Operation, context: RequestContext): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === "path");
  const params = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(p.schema, operation.path, context)])));
  const caller = fc.oneof(...context.callers.map((c) => ({ arbitrary: fc.constant(c), weight: c.weight })));
  const body = operation.method === "GET" ? fc.constant<Body>({ body: null, bodyKind: "none" }) : bodyArbitrary(operation, context);
  const parts = { caller, params, query: queryArbitrary(operation, context), body, extra: extraHeaders, origin: originHeaders };
  return fc.record(parts).map(({ caller: who, params: ids, query, body: sent, extra, origin }) => {
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(wellFormed(ids[name] as string)));
    // Origin headers matter to cookie-signed writes only.
    const headers: Record<string, string> = { ...extra, ...(who.session ? origin : {}), ...who.headers };
    if (sent.contentType !== undefined && sent.contentType !== null) headers["content-type"] = sent.contentType;
    const request: FuzzRequest = {
      caller: who.label, url: path + query, params: ids as Record<string, string>, headers, body: sent.body, bodyKind: sent.bodyKind,
      ...(sent.json !== undefined ? { json: sent.json } : {}),
    };
    return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
  });
}

function pathValue(schema: JsonSchema, path: string, context: RequestContext): fc.Arbitrary<string> {
  const known = context.knownIds(path);
  const generated = schema.format === "uuid" ? fc.uuid() : (context.arbitraries.valid(schema) as fc.Arbitrary<string>);
  return fc.oneof(
    ...(known.length ? [{ arbitrary: fc.constantFrom(...known), weight: 5 }] : []),
    { arbitrary: generated, weight: 2 },
    { arbitrary: malformedId, weight: 2 },
  );
}

/** A query value as text, cut to what fits in a URL a server would take (Node's limit is 16 KiB of headers). */
const forUrl = (value: unknown) => (typeof value === "string" ? value : (JSON.stringify(value) ?? "")).slice(0, 4000);

function queryArbitrary(operation: Operation, context: RequestContext): fc.Arbitrary<string> {
  const queryParams = operation.parameters.filter((p) => p.in === "query");
  const pairs = queryParams.map((p) =>
    fc.option(
      fc.oneof(
        { arbitrary: context.arbitraries.valid(p.schema, p.name).map((v) => [[p.name, forUrl(v)]]), weight: 4 },
        { arbitrary: fc.oneof(context.arbitraries.invalid(p.schema), oddString).map((v) => [[p.name, forUrl(v)]]), weight: 2 },
        { arbitrary: fc.tuple(context.arbitraries.valid(p.schema, p.name), oddString).map(([a, b]) => [[p.name, forUrl(a)], [p.name, b]]), weight: 1 },
      ),
      { freq: 2 },
    ),
  );
  const unknown = fc.option(fc.tuple(fc.constantFrom("unknown", "page[]", "__proto__", "", "sort", "limit"), oddString).map(([k, v]) => [[k, v]]), { freq: 6 });
  const built = fc.tuple(fc.tuple(...pairs), unknown).map(([chosen, extra]) => {
    const search = new URLSearchParams();
    for (const list of [...chosen, extra]) for (const [k, v] of list ?? []) search.append(k, v);
    const text = search.toString();
    return text ? `?${text}` : "";
  });
  const raw = fc.constantFrom("?", "?%", "?&&&", "?=1", "?page=%E0%A4%A", "?page=1&page=2", "?page_size=1e2", "?page=%00", "?q=%ud800", "?order=ASC", "?#frag");
  return fc.oneof({ arbitrary: built, weight: 9 }, { arbitrary: raw, weight: 1 });
}

const extraHeaders: fc.Arbitrary<Record<string, string>> = fc
  .tuple(
    fc.option(fc.oneof(fc.constantFrom("application/json", "text/csv", "text/html", "*/*", "text/csv;q=0.9, application/json"), headerValue), { freq: 3 }),
    fc.option(headerValue, { freq: 4 }),
    fc.option(fc.constantFrom("0", "abc", "-5", "99999999999", "1e9"), { freq: 10 }),
    // Credentials that are not ours: a caller's own headers win over these.
    fc.option(fc.oneof(headerValue.map((v) => ["cookie", v]), headerValue.map((v) => ["authorization", v]), fc.constant(["cookie", "next-auth.session-token=%E0%A4%A"])), { freq: 10 }),
  )
  .map(([accept, requestId, length, credentials]) => ({
    ...(accept !== null ? { accept } : {}),
    ...(requestId !== null ? { "x-request-id": requestId } : {}),
    ...(length !== null ? { "content-length": length } : {}),
    ...(credentials !== null ? { [credentials[0]]: credentials[1] } : {}),
  }));

const originHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    origin: fc.oneof(fc.constantFrom("http://localhost", "null", "https://evil.example", "http://localhost:9084", "not a url", "http://[::1", "://"), headerValue),
    "sec-fetch-site": fc.constantFrom("same-origin", "cross-site", "none", "same-site", ""),
    host: fc.constantFrom("localhost", "evil.example"),
  },
  { requiredKeys: ["host"] },
);

interface Body {
  body: string | Uint8Array<ArrayBuffer> | FormData | null;
  bodyKind: BodyKind;
  contentType?: string | null;
  json?: unknown;
}

function bodyArbitrary(operation: Operation, context: RequestContext): fc.Arbitrary<Body> {
  const content = operation.requestBody?.content ?? {};
  const jsonSchema = content["application/json"]?.schema;
  const formSchema = content["multipart/form-data"]?.schema;
  const { valid, invalid } = context.arbitraries;
  const asJson = (kind: BodyKind) => (value: unknown, contentType: string): Body => ({ body: JSON.stringify(value) ?? "", bodyKind: kind, contentType, json: value });
  const contentType = fc.constantFrom(...jsonContentTypes);
  const options: { arbitrary: fc.Arbitrary<Body>; weight: number }[] = [
    { arbitrary: fc.tuple(hostileValue, contentType).map(([v, t]) => asJson("hostile json value")(v, t)), weight: 1 },
    { arbitrary: fc.tuple(oddJsonText, contentType).map(([text, t]) => ({ body: text, bodyKind: "odd json text" as const, contentType: t })), weight: 1 },
    { arbitrary: fc.tuple(invalidJsonText, contentType).map(([text, t]) => ({ body: text, bodyKind: "invalid json text" as const, contentType: t })), weight: 1 },
    { arbitrary: fc.tuple(fc.oneof(fc.constant("{}"), invalidJsonText), wrongContentType).map(([text, t]) => ({ body: text, bodyKind: "wrong content type" as const, contentType: t })), weight: 1 },
    { arbitrary: fc.constant({ body: null, bodyKind: "none" as const, contentType: "application/json" }), weight: 1 },
    { arbitrary: brokenMultipart, weight: 1 },
  ];
  if (jsonSchema) {
    options.push(
      { arbitrary: fc.tuple(valid(jsonSchema), contentType).map(([v, t]) => asJson("valid json")(v, t)), weight: 6 },
      { arbitrary: fc.tuple(invalid(jsonSchema), contentType).map(([v, t]) => asJson("invalid json value")(v, t)), weight: 6 },
      // Deep nesting inside a valid body: a 10,000-level array where an object's field would be.
      { arbitrary: fc.tuple(valid(jsonSchema), contentType).map(([v, t]) => deepInside(v, t)), weight: 1 },
    );
  }
  if (formSchema) options.push({ arbitrary: multipartForm(formSchema, context), weight: jsonSchema ? 4 : 12 }, { arbitrary: brokenMultipart, weight: 3 });
  return fc.oneof(...options);
}

function deepInside(value: unknown, contentType: string): Body {
  const text = JSON.stringify(value) ?? "null";
  const body = text.startsWith("{") && text.length > 2 ? `{"deep": ${deepJsonText()}, ${text.slice(1)}` : deepJsonText();
  return { body, bodyKind: "hostile json value", contentType };
}

const fileName = fc.oneof(
  fc.constantFrom("model.safetensors", "weights.bin", "result.json", "../../etc/passwd", "", ".", "..", "a/b/c.gguf", "/abs.bin", "CON", "x".repeat(300), "nul\u0000.bin", "bad\r\nname", "\ud800.bin", "é.bin"),
  fc.string({ unit: "binary", maxLength: 30 }),
);

const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 256 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => new TextEncoder().encode(JSON.stringify(v))),
  fc.constant(new TextEncoder().encode('{"backend": "vllm", "completed": 10, "total_input_tokens": 100, "total_output_tokens": 100, "request_throughput": 1.5, "output_throughput": 100, "mean_ttft_ms": 10, "median_ttft_ms": 9, "p99_ttft_ms": 20, "max_concurrency": 1}')),
);

function multipartForm(schema: JsonSchema, context: RequestContext): fc.Arbitrary<Body> {
  const properties = schema.properties ?? {};
  const fields = Object.entries(properties).map(([name, property]) => {
    const binary = property.format === "binary" || property.items?.format === "binary";
    const value: fc.Arbitrary<(string | { name: string; bytes: Uint8Array })[]> = binary
      ? fc.array(fc.record({ name: fileName, bytes: fileBytes }), { minLength: 1, maxLength: 3 })
      : fc.oneof(context.arbitraries.valid(property, name), hostileString).map((v) => [typeof v === "string" ? v : JSON.stringify(v) ?? ""]);
    return fc.option(value.map((values) => [name, values] as const), { freq: 5 });
  });
  const extra = fc.array(fc.tuple(fc.constantFrom("file", "note", "", "configuration", "precision"), fc.oneof(hostileString, fc.record({ name: fileName, bytes: fileBytes }))), { maxLength: 2 });
  return fc.tuple(fc.tuple(...fields), extra).map(([chosen, more]) => {
    const form = new FormData();
    const add = (name: string, value: string | { name: string; bytes: Uint8Array }) =>
      typeof value === "string" ? form.append(name, value) : form.append(name, new Blob([value.bytes as Uint8Array<ArrayBuffer>]), value.name);
    for (const entry of chosen) if (entry) for (const value of entry[1]) add(entry[0], value);
    for (const [name, value] of more) add(name, value);
    // fetch sets the multipart Content-Type with its boundary.
    return { body: form, bodyKind: "multipart form" as const };
  });
}

/** Multipart bodies a browser would never send: bad boundaries, parts cut short, odd part headers. */
const brokenMultipart: fc.Arbitrary<Body> = fc
  .tuple(
    fc.constantFrom("b0undary", "x".repeat(70), "x".repeat(71), "a b", '"quoted"', "---"),
    fc.array(
      fc.constantFrom(
        'content-disposition: form-data; name="file"; filename="a.bin"',
        "content-disposition: form-data; name=file; filename=a.bin",
        "content-disposition: form-data; name=\"file\"; filename*=UTF-8''%E0%A4%A",
        "content-disposition: form-data; name=\"file\"; filename*=UTF-8''..%2F..%2Fx",
        'content-disposition: form-data; filename="nameless.bin"',
        'content-disposition: form-data; name="file"',
        'content-disposition: form-data; name="model_id"',
        "content-type: application/json",
        `x-long: ${"h".repeat(20_000)}`,
        "no colon here",
      ),
      { minLength: 0, maxLength: 3 },
    ),
    fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constant("--b0undary"), fc.constant("\r\n--b0undary\r\n")),
    fc.constantFrom("close", "open", "lf", "no-first-boundary", "empty"),
  )
  .map(([boundary, headers, data, ending]) => {
    const bare = boundary.replaceAll('"', "");
    const crlf = ending === "lf" ? "\n" : "\r\n";
    const part = `--${bare}${crlf}${headers.join(crlf)}${crlf}${crlf}${data}`;
    const text = ending === "empty" ? "" : ending === "no-first-boundary" ? data : `${part}${ending === "open" ? "" : `${crlf}--${bare}--${crlf}`}`;
    return { body: text, bodyKind: "broken multipart" as const, contentType: `multipart/form-data; boundary=${boundary}` };
  });
