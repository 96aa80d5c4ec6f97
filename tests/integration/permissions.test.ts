// The permission matrix: every API route and method, for anonymous, viewer, engineer and admin,
// by session and by token, answers exactly the status its declared role implies. Routes are
// found on disk, so a route without an endpoint declaration (and so without a rule) fails.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/lib/db";
import { roleAtLeast, type Role } from "@/lib/auth/roles";
import type { Endpoint } from "@/lib/http/endpoint";
import { allEndpoints } from "@/lib/openapi/endpoints";
import { BOOTSTRAP_TOKEN, createIdentity, type TestIdentity } from "./support/actors";
import { call } from "./support/http";
import { handlerOf, METHODS, routeFileOf, routeFiles } from "./support/route-table";

type Caller = { label: string; role: Role | null; headers: Record<string, string> };
type Access = Endpoint["role"];

// The access policy of api.md, written out independently of the endpoint declarations: a
// declaration that drifts from it fails, and so does a new route that has no rule here.
const rules: Record<string, Access> = {
  "GET /api/v1/models": "viewer",
  "POST /api/v1/models": "engineer",
  "GET /api/v1/models/{id}": "viewer",
  "PUT /api/v1/models/{id}": "engineer",
  "PATCH /api/v1/models/{id}": "engineer",
  "DELETE /api/v1/models/{id}": "admin",
  "GET /api/v1/models/{id}/history": "viewer",
  "POST /api/v1/models/{id}/artifacts": "engineer",
  "GET /api/v1/models/{id}/artifacts": "viewer",
  "POST /api/v1/models/{id}/scan": "engineer",
  "GET /api/v1/models/{id}/scans": "viewer",
  "GET /api/v1/scans/{id}": "viewer",
  "GET /api/v1/models/{id}/requirements": "viewer",
  "POST /api/v1/models/import": "engineer",
  "POST /api/v1/models/{id}/sync": "engineer",
  "GET /api/v1/models/{id}/revisions": "viewer",
  "GET /api/v1/users": "admin",
  "POST /api/v1/users": "admin",
  "PATCH /api/v1/users/{id}": "admin",
  "POST /api/v1/tokens": "signed_in",
  "GET /api/v1/tokens": "signed_in",
  "DELETE /api/v1/tokens/{id}": "signed_in",
  "GET /api/v1/audit": "admin",
  "GET /api/v1/benchmarks": "viewer",
  "POST /api/v1/benchmarks": "engineer",
  "GET /api/v1/benchmarks/{id}": "viewer",
  "POST /api/v1/benchmarks/import": "engineer",
  "POST /api/v1/benchmarks/run": "engineer",
  "GET /api/v1/benchmarks/runs": "engineer",
  "GET /api/v1/benchmarks/runs/{id}": "engineer",
  "GET /api/v1/hardware-profiles": "viewer",
  "POST /api/v1/hardware-profiles": "admin",
  "PATCH /api/v1/hardware-profiles/{id}": "admin",
  "GET /api/v1/leaderboard": "viewer",
  "GET /api/v1/leaderboard/buckets": "viewer",
  "POST /api/v1/leaderboard/refresh": "admin",
  "GET /api/v1/licenses": "viewer",
  "GET /api/v1/licenses/{id}": "viewer",
  "PUT /api/v1/licenses/{id}/policy": "admin",
  "POST /api/v1/licenses/detect": "signed_in",
  "GET /api/v1/models/{id}/license": "viewer",
  "POST /api/v1/models/{id}/license/review": "admin",
  "DELETE /api/v1/models/{id}/license/review": "admin",
  "GET /api/v1/health": "public",
  "GET /api/v1/openapi.json": "public",
};
const ruleOf = (endpoint: Endpoint): Access => {
  const rule = rules[`${endpoint.method} ${endpoint.path}`];
  if (!rule) throw new Error(`No access rule for ${endpoint.method} ${endpoint.path}: add one to the matrix`);
  return rule;
};

/** What an allowed caller gets for the probe request: an invalid body, an unknown id, or the list. */
function allowedStatus(endpoint: Endpoint): number {
  if (endpoint.body) return 422;
  if (endpoint.path.includes("{")) return 404;
  return endpoint.success.status;
}

function expectedStatus(endpoint: Endpoint, role: Role | null): number {
  const rule = ruleOf(endpoint);
  if (rule === "public") return allowedStatus(endpoint);
  if (role === null) return rule === "viewer" ? allowedStatus(endpoint) : 401;
  if (rule === "signed_in" || roleAtLeast(role, rule)) return allowedStatus(endpoint);
  return 403;
}

const callers: Caller[] = [{ label: "anonymous", role: null, headers: {} }];
const identities: Partial<Record<Role, TestIdentity>> = {};

beforeAll(async () => {
  for (const role of ["viewer", "engineer", "admin"] as const) {
    const identity = await createIdentity(role);
    identities[role] = identity;
    callers.push({ label: `${role} by session`, role, headers: { cookie: identity.cookie, origin: "http://localhost", host: "localhost" } });
    callers.push({ label: `${role} by token`, role, headers: { authorization: `Bearer ${identity.token}` } });
  }
  callers.push({ label: "bootstrap admin token", role: "admin", headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}` } });
});

afterAll(async () => closeDatabase());

describe("route table", () => {
  it("every route file and exported method has an endpoint declaration, and the other way round", async () => {
    const declared = new Set(allEndpoints.map((e) => `${e.method} ${routeFileOf(e)}`));
    const onDisk = new Set<string>();
    for (const file of await routeFiles()) {
      if (file.includes("[...path]")) continue;
      const source = await readFile(file, "utf8");
      for (const method of METHODS) {
        if (new RegExp(`export (const|async function) ${method}\\b`).test(source)) onDisk.add(`${method} ${file}`);
      }
    }
    expect([...onDisk].sort()).toEqual([...declared].sort());
  });

  it("every endpoint has a rule, and no write answers without an identity", () => {
    for (const endpoint of allEndpoints) ruleOf(endpoint);
    for (const endpoint of allEndpoints.filter((e) => e.method !== "GET")) {
      expect(["public", "viewer"], `${endpoint.method} ${endpoint.path}`).not.toContain(ruleOf(endpoint));
    }
  });
});

describe.each(allEndpoints.map((e) => [`${e.method} ${e.path}`, e] as const))("%s", (_name, endpoint) => {
  it("answers each caller with the status its role implies", async () => {
    const handler = await handlerOf(endpoint);
    const results: string[] = [];
    const expected: string[] = [];
    for (const caller of callers) {
      const res = await call(handler, {
        method: endpoint.method,
        url: endpoint.path.replace(/\{(\w+)\}/g, randomUUID()),
        params: Object.fromEntries([...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, randomUUID()])),
        headers: caller.headers,
        ...(endpoint.body ? { json: {} } : {}),
      });
      results.push(`${caller.label}: ${res.status}`);
      expected.push(`${caller.label}: ${expectedStatus(endpoint, caller.role)}`);
      if (res.status >= 400) expect(res.body.error.code, `${caller.label}`).toEqual(expect.any(String));
    }
    expect(results).toEqual(expected);
  });
});

describe("credentials that are presented must be valid, even for public reads", () => {
  const list = async (headers: Record<string, string>) =>
    call((await import("@/app/api/v1/models/route")).GET, { url: "/api/v1/models", headers });

  it.each([
    ["an unknown token", { authorization: "Bearer bm_notarealtoken" }],
    ["a malformed authorization header", { authorization: "Basic YWRtaW46YWRtaW4=" }],
    ["a forged session cookie", { cookie: "next-auth.session-token=not-a-jwt" }],
  ])("%s gets 401", async (_label, headers) => {
    const res = await list(headers);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
  });

  it("a session deleted on the server (signed out) stops working", async () => {
    const { db } = await import("@/lib/db");
    const identity = identities.viewer!;
    expect((await list({ cookie: identity.cookie })).status).toBe(200);
    await (await db()).session.delete({ where: { id: identity.sessionId } });
    expect((await list({ cookie: identity.cookie })).status).toBe(401);
  });
});

describe("cross-site protection for cookie-authenticated writes", () => {
  it("refuses a write from another origin, accepts our own, and bearer writes need no origin", async () => {
    const { POST } = await import("@/app/api/v1/models/route");
    const engineer = identities.engineer!;
    const body = (name: string) => ({ name });
    const evil = await call(POST, { method: "POST", url: "/api/v1/models", json: body("acme/csrf-1"), headers: { cookie: engineer.cookie, origin: "https://evil.example", host: "localhost" } });
    expect(evil.status).toBe(403);
    const fetchSite = await call(POST, { method: "POST", url: "/api/v1/models", json: body("acme/csrf-2"), headers: { cookie: engineer.cookie, "sec-fetch-site": "cross-site", host: "localhost" } });
    expect(fetchSite.status).toBe(403);
    const same = await call(POST, { method: "POST", url: "/api/v1/models", json: body("acme/csrf-3"), headers: { cookie: engineer.cookie, origin: "http://localhost", host: "localhost", "sec-fetch-site": "same-origin" } });
    expect(same.status).toBe(201);
    const bearer = await call(POST, { method: "POST", url: "/api/v1/models", json: body("acme/csrf-4"), headers: { authorization: `Bearer ${engineer.token}` } });
    expect(bearer.status).toBe(201);
  });
});
