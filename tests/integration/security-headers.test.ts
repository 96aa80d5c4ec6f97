// Every API response, success or error, leaves route() with the security headers (and the
// /api/v1 catch-all's too): the custom server calls these handlers without Next, so they cannot
// rely on next.config.mjs. HSTS only when the request came over TLS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/models/route";
import * as one from "@/app/api/v1/models/[id]/route";
import * as unknownPath from "@/app/api/v1/[...path]/route";
import { closeDatabase } from "@/lib/db";
import { createIdentity, type TestIdentity } from "./support/actors";
import { call } from "./support/http";

let engineer: TestIdentity;

beforeAll(async () => {
  engineer = await createIdentity("engineer", "headers");
});
afterAll(async () => closeDatabase());

function expectSecurityHeaders(headers: Headers, { tls }: { tls: boolean }) {
  expect(headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("x-frame-options")).toBe("DENY");
  expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(headers.get("permissions-policy")).toContain("camera=()");
  expect(headers.get("strict-transport-security")).toBe(tls ? "max-age=31536000; includeSubDomains" : null);
  expect(headers.get("x-request-id")).toMatch(/\S/);
}

describe("security headers on API responses", () => {
  it("on a success, with no HSTS over plain HTTP", async () => {
    const res = await call(collection.GET, { url: "/api/v1/models?page_size=1" });
    expect(res.status).toBe(200);
    expectSecurityHeaders(res.headers, { tls: false });
  });

  it("with HSTS behind a TLS-terminating proxy, or on an https URL", async () => {
    const proxied = await call(collection.GET, { url: "/api/v1/models", headers: { "x-forwarded-proto": "https" } });
    expectSecurityHeaders(proxied.headers, { tls: true });
    const direct = await call(collection.GET, { url: "https://registry.example/api/v1/models" });
    expectSecurityHeaders(direct.headers, { tls: true });
    // The proxy's word counts over the URL's scheme.
    const plain = await call(collection.GET, { url: "https://registry.example/api/v1/models", headers: { "x-forwarded-proto": "http" } });
    expectSecurityHeaders(plain.headers, { tls: false });
  });

  it("on a write's 201", async () => {
    const res = await call(collection.POST, {
      method: "POST", url: "/api/v1/models", json: { name: `acme/headers-${Date.now()}` }, headers: { authorization: `Bearer ${engineer.token}` },
    });
    expect(res.status).toBe(201);
    expectSecurityHeaders(res.headers, { tls: false });
  });

  it.each([
    ["404", () => call(one.GET, { params: { id: "00000000-0000-4000-8000-000000000000" } }), 404],
    ["422", () => call(collection.GET, { url: "/api/v1/models?page_size=1000" }), 422],
    ["401", () => call(collection.GET, { url: "/api/v1/models", headers: { authorization: "Bearer nonsense" } }), 401],
    ["400", () => call(collection.POST, { method: "POST", url: "/api/v1/models", body: "{", headers: { "content-type": "application/json", authorization: `Bearer ${engineer.token}` } }), 400],
    ["catch-all 404", () => call(unknownPath.GET, { url: "/api/v1/nothing/here" }), 404],
  ])("on an error (%s), with the one error shape", async (_label, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code: expect.any(String), message: expect.any(String), details: expect.any(Object) } });
    expectSecurityHeaders(res.headers, { tls: false });
  });

  it("keeps the caller's X-Request-Id", async () => {
    const res = await call(unknownPath.POST, { method: "POST", url: "/api/v1/nothing", headers: { "x-request-id": "req-123", "x-forwarded-proto": "https" } });
    expect(res.headers.get("x-request-id")).toBe("req-123");
    expectSecurityHeaders(res.headers, { tls: true });
  });
});
