// Writes are limited per caller (WRITE_RATE_LIMIT a minute, set low here): past it a write gets 429
// with Retry-After in the one error shape; another token, and reads, are not affected.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before the app's modules read the environment.
vi.hoisted(() => {
  process.env.WRITE_RATE_LIMIT = "3";
});

import * as models from "@/app/api/v1/models/route";
import { closeDatabase, db } from "@/lib/db";
import { BOOTSTRAP_TOKEN, createIdentity, type TestIdentity } from "./support/actors";
import { call } from "./support/http";

let first: TestIdentity;
let second: TestIdentity;

beforeAll(async () => {
  first = await createIdentity("engineer", "limited");
  second = await createIdentity("engineer", "unlimited");
});
afterAll(async () => closeDatabase());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const create = (token: string, name: string) =>
  call(models.POST, { method: "POST", url: "/api/v1/models", json: { name: `acme/${name}-${Date.now()}` }, headers: bearer(token) });

describe("the write rate limit", () => {
  it("answers 429 with Retry-After once a token has used its writes, and does nothing", async () => {
    for (let i = 0; i < 3; i++) expect((await create(first.token, `limited-${i}`)).status).toBe(201);
    const before = await (await db()).model.count();
    const refused = await create(first.token, "limited-over");
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: "rate_limited", message: expect.stringMatching(/3 a minute/), details: { retry_after: expect.any(Number), limit_per_minute: 3 } } });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect(refused.body.error.details.retry_after).toBe(retryAfter);
    expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await (await db()).model.count()).toBe(before);
    // Writes that fail for other reasons count too: the limit comes before the work.
    expect((await call(models.POST, { method: "POST", url: "/api/v1/models", json: {}, headers: bearer(first.token) })).status).toBe(429);
  });

  it("leaves another token, and the same user's session, alone", async () => {
    for (let i = 0; i < 3; i++) expect((await create(second.token, `other-${i}`)).status).toBe(201);
    const viaSession = await call(models.POST, {
      method: "POST", url: "/api/v1/models", json: { name: `acme/session-${Date.now()}` }, headers: { cookie: first.cookie, origin: "http://localhost", host: "localhost" },
    });
    expect(viaSession.status).toBe(201);
  });

  it("does not limit reads", async () => {
    for (let i = 0; i < 10; i++) expect((await call(models.GET, { url: "/api/v1/models?page_size=1", headers: bearer(first.token) })).status).toBe(200);
  });

  it("limits anonymous writes by address, before they are refused for want of a role", async () => {
    const anonymous = (address: string) => call(models.POST, { method: "POST", url: "/api/v1/models", json: { name: "acme/x" }, headers: { "x-forwarded-for": address } });
    for (let i = 0; i < 3; i++) expect((await anonymous("203.0.113.7")).status).toBe(401);
    expect((await anonymous("203.0.113.7")).status).toBe(429);
    expect((await anonymous("203.0.113.8")).status).toBe(401);
  });

  it("limits the bootstrap token like any other credential", async () => {
    for (let i = 0; i < 3; i++) expect((await create(BOOTSTRAP_TOKEN, `bootstrap-${i}`)).status).toBe(201);
    expect((await create(BOOTSTRAP_TOKEN, "bootstrap-over")).status).toBe(429);
  });
});
