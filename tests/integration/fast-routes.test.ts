// The production server's fast routes (scripts/server) answer exactly as Next's route handlers
// do: same status, headers and body, from a real node:http server. Also the bridge's writing of
// every kind of reply, and the driver read (directQuery) those routes use.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, db, directQuery } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { jsonReply, noContent, Reply } from "@/lib/http/reply";
import { createModel } from "@/lib/models/service";
import { matchFastRoute, serveFastRoute } from "@/scripts/server/fast-routes";
import { sendReply } from "@/scripts/server/node-bridge";

const NOT_FAST = 418;

async function listen(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let fastServer: Awaited<ReturnType<typeof listen>>;
let modelId: string;

beforeAll(async () => {
  await (await db()).model.deleteMany();
  const model = await createModel({
    name: "acme/fast-route-check", description: "Checks the fast path: «naïve» UTF-8 too.", provider: "custom",
    parameters_exact: 7_241_732_096, context_length: 32768, license_type: "apache-2.0", license_restrictions: {},
    requirements: {}, tags: ["fast"], source: { type: "custom" },
  }, { actor: { type: "system", label: "test" } });
  modelId = model.id;
  fastServer = await listen((req, res) => {
    if (!serveFastRoute(req, res)) res.writeHead(NOT_FAST).end();
  });
});

afterAll(async () => {
  await fastServer?.close();
  await closeDatabase();
});

// Headers that differ by transport, not by answer.
const transportHeaders = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);

function comparable(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].filter(([name]) => !transportHeaders.has(name)));
}

async function viaNext(path: string, headers: Record<string, string>) {
  const match = matchFastRoute("GET", path)!;
  const response = await match.route(new Request(`http://localhost${path}`, { headers }), { params: Promise.resolve(match.params) });
  return { status: response.status, headers: comparable(response.headers), body: await response.text() };
}

async function viaFastServer(path: string, headers: Record<string, string>) {
  const response = await fetch(fastServer.url + path, { headers });
  const body = await response.text();
  expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
  return { status: response.status, headers: comparable(response.headers), body };
}

describe("fast routes", () => {
  const cases: [string, () => string, Record<string, string>?][] = [
    ["a model", () => `/api/v1/models/${modelId}`],
    ["a model over TLS (HSTS)", () => `/api/v1/models/${modelId}`, { "x-forwarded-proto": "https" }],
    ["an unknown model", () => "/api/v1/models/00000000-0000-4000-8000-000000000000"],
    ["a malformed id", () => "/api/v1/models/not-a-uuid"],
    ["an encoded id", () => `/api/v1/models/${encodeURIComponent(modelId)}`],
    ["a by-id read with a query parameter", () => `/api/v1/models/${modelId}?expand=all`],
    ["a search with filters", () => "/api/v1/models?q=fast&provider=custom&min_params=7"],
    ["a page size too large", () => "/api/v1/models?page_size=10000"],
    ["repeated parameters", () => "/api/v1/models?tag=a&tag=b"],
    ["the leaderboard", () => "/api/v1/leaderboard"],
    ["an unknown metric", () => "/api/v1/leaderboard?metric=nope"],
    ["a bad bearer token", () => `/api/v1/models/${modelId}`, { authorization: "Bearer nope" }],
    ["a malformed Authorization header", () => "/api/v1/models", { authorization: "Basic abc" }],
    ["a stale session cookie", () => "/api/v1/models", { cookie: "other=1; next-auth.session-token=garbage" }],
  ];

  it.each(cases)("answer %s as Next's handler does", async (_, path, extra = {}) => {
    const headers = { "x-request-id": "same-id-both-ways", ...extra };
    const [next, fast] = await Promise.all([viaNext(path(), headers), viaFastServer(path(), headers)]);
    expect(fast).toEqual(next);
    expect(fast.headers["x-request-id"]).toBe("same-id-both-ways");
    expect(fast.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("serve the model's JSON intact, multi-byte text included", async () => {
    const response = await fetch(`${fastServer.url}/api/v1/models/${modelId}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: modelId, description: "Checks the fast path: «naïve» UTF-8 too.", parameters_exact: 7_241_732_096 });
  });

  it.each([
    ["a write", "POST", "/api/v1/models"],
    ["another method on a fast path", "DELETE", "/api/v1/models/00000000-0000-4000-8000-000000000000"],
    ["a static sibling of the id segment", "GET", "/api/v1/models/import"],
    ["a deeper path", "GET", "/api/v1/models/a/artifacts"],
    ["an id that is not percent-encoding", "GET", "/api/v1/models/%E0%A4%A"],
    ["a page", "GET", "/models"],
  ])("leave %s to Next", async (_, method, path) => {
    const response = await fetch(fastServer.url + path, { method });
    await response.arrayBuffer();
    expect(response.status).toBe(NOT_FAST);
  });
});

describe("the bridge writes every kind of reply", () => {
  const chunks = ["name,value\n", "llama,1\n", "«mistral»,2\n"];
  const replies: Record<string, () => Reply> = {
    "/json": () => jsonReply({ text: "«naïve»" }, 201, { Location: "/somewhere" }),
    "/empty": () => noContent(),
    "/stream": () => new Reply(200, { "Content-Type": "text/csv" }, new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    })),
  };
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    server = await listen((req, res) => void sendReply(res, replies[req.url!]()));
  });
  afterAll(() => server.close());

  it("JSON text, with its status, headers and length in bytes", async () => {
    const response = await fetch(`${server.url}/json`);
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe("/somewhere");
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(JSON.stringify({ text: "«naïve»" }))));
    expect(await response.json()).toEqual({ text: "«naïve»" });
  });

  it("no body", async () => {
    const response = await fetch(`${server.url}/empty`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });

  it("a stream, piped chunk by chunk", async () => {
    const response = await fetch(`${server.url}/stream`);
    expect(response.headers.get("content-type")).toBe("text/csv");
    expect(await response.text()).toBe(chunks.join(""));
  });
});

describe("directQuery, the driver read behind the fast routes", () => {
  it("gives the values $queryRaw gives: int8 as bigint, timestamps as Date, JSON parsed, enums and arrays", async () => {
    const sql = Prisma.sql`SELECT parameters_exact, created_at, config, requirements, provider::text AS provider, tags,
      9007199254740993::int8 AS beyond_double FROM models WHERE id = ${modelId}::uuid`;
    const [direct] = await directQuery<Record<string, unknown>>(sql);
    const [viaPrisma] = await (await db()).$queryRaw<Record<string, unknown>[]>(sql);
    expect(direct).toEqual(viaPrisma);
    expect(direct.beyond_double).toBe(9007199254740993n);
    expect(direct.created_at).toBeInstanceOf(Date);
  });
});
