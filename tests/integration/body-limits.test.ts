// Every route that reads a body stops at its limit: an endless body gets 413 in the one error
// shape after at most the limit (plus a chunk or two in flight) has been read, and a declared
// Content-Length over it is refused before any of it is. Routes that take no body never read one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as models from "@/app/api/v1/models/route";
import * as benchmarkImport from "@/app/api/v1/benchmarks/import/route";
import * as token from "@/app/api/v1/tokens/[id]/route";
import * as auth from "@/app/api/auth/[...nextauth]/route";
import { closeDatabase } from "@/lib/db";
import { createIdentity, type TestIdentity } from "./support/actors";

const CHUNK = 64 * 1024;
const MiB = 1024 * 1024;
let engineer: TestIdentity;

beforeAll(async () => {
  engineer = await createIdentity("engineer", "limits");
});
afterAll(async () => closeDatabase());

/** A body that never ends, counting what was read of it. */
function endless(prefix = "") {
  let read = 0;
  let first = true;
  const filler = new Uint8Array(CHUNK).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = first ? new TextEncoder().encode(prefix) : filler;
      first = false;
      read += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, read: () => read };
}

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

async function send(handler: Handler, url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>, params: Record<string, string | string[]> = {}, method = "POST") {
  const request = new Request(new URL(url, "http://localhost"), { method, body, headers, duplex: "half" } as RequestInit);
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: await response.json() };
}

const bearer = () => ({ authorization: `Bearer ${engineer.token}` });

describe("body limits", () => {
  it.each([
    ["a JSON write (1 MiB)", () => models.POST as Handler, "/api/v1/models", "application/json", 1 * MiB],
    ["a benchmark result import as JSON (16 MiB)", () => benchmarkImport.POST as Handler, "/api/v1/benchmarks/import", "application/json", 16 * MiB],
    ["a benchmark result import as a form (16 MiB)", () => benchmarkImport.POST as Handler, "/api/v1/benchmarks/import", "multipart/form-data; boundary=x", 16 * MiB],
  ])("%s: an endless body is cut off at the limit", async (_label, handler, url, type, limit) => {
    const body = endless('{"name": "');
    const res = await send(handler(), url, body.stream, { "content-type": type, ...bearer() });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: { code: "payload_too_large", message: expect.any(String), details: { limit_bytes: limit } } });
    expect(body.read()).toBeGreaterThan(limit);
    expect(body.read()).toBeLessThanOrEqual(limit + 4 * CHUNK);
  });

  it("a sign-in form (64 KiB): an endless body is cut off before next-auth sees it", async () => {
    const body = endless("email=a%40b.c&password=");
    const res = await send(auth.POST as unknown as Handler, "/api/auth/callback/credentials", body.stream, { "content-type": "application/x-www-form-urlencoded" }, { nextauth: ["callback", "credentials"] });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: "payload_too_large", details: { limit_bytes: 64 * 1024 } });
    expect(body.read()).toBeLessThanOrEqual(64 * 1024 + 4 * CHUNK);
  });

  it("a declared Content-Length over the limit is refused before reading", async () => {
    const body = endless("{}");
    const res = await send(models.POST as Handler, "/api/v1/models", body.stream, { "content-type": "application/json", "content-length": String(2 * MiB), ...bearer() });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
    expect(body.read()).toBeLessThanOrEqual(2 * CHUNK);
  });

  it("a route that takes no body answers without reading one", async () => {
    const body = endless();
    const id = "00000000-0000-4000-8000-000000000000";
    const res = await send(token.DELETE as Handler, `/api/v1/tokens/${id}`, body.stream, bearer(), { id }, "DELETE");
    expect(res.status).toBe(404);
    expect(body.read()).toBeLessThanOrEqual(2 * CHUNK);
  });
});
