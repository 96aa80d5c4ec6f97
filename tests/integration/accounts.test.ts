// Tokens, users and the audit log, through the real route handlers and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as models from "@/app/api/v1/models/route";
import * as model from "@/app/api/v1/models/[id]/route";
import * as history from "@/app/api/v1/models/[id]/history/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as token from "@/app/api/v1/tokens/[id]/route";
import * as users from "@/app/api/v1/users/route";
import * as user from "@/app/api/v1/users/[id]/route";
import * as audit from "@/app/api/v1/audit/route";
import { hashToken } from "@/lib/auth/token-secret";
import { closeDatabase, db } from "@/lib/db";
import { BOOTSTRAP_TOKEN, createIdentity, type TestIdentity } from "./support/actors";
import { call } from "./support/http";

let engineer: TestIdentity;
let admin: TestIdentity;
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const sameOrigin = { origin: "http://localhost", host: "localhost" };

beforeAll(async () => {
  engineer = await createIdentity("engineer");
  admin = await createIdentity("admin");
});
afterAll(async () => closeDatabase());

describe("API token lifecycle", () => {
  it("create (shown once, stored as a hash), use, expire, revoke, use again", async () => {
    const created = await call(tokens.POST, {
      method: "POST", url: "/api/v1/tokens", json: { name: "ci pipeline", role: "viewer" }, headers: { cookie: engineer.cookie, ...sameOrigin },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "ci pipeline", role: "viewer", expires_at: null, last_used_at: null });
    const secret: string = created.body.token;
    expect(secret).toMatch(/^bm_[\w-]{43}$/);
    expect(secret.startsWith(created.body.prefix)).toBe(true);

    const stored = await (await db()).apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.tokenHash).toBe(hashToken(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = await call(tokens.GET, { headers: bearer(secret) });
    expect(listed.body.data.map((t: { id: string }) => t.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    // A viewer token cannot write, even though its owner is an engineer.
    const write = await call(models.POST, { method: "POST", url: "/api/v1/models", json: { name: "acme/token-test" }, headers: bearer(secret) });
    expect(write.status).toBe(403);
    const used = await (await db()).apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(used.lastUsedAt).not.toBeNull();

    // Expired: 401.
    await (await db()).apiToken.update({ where: { id: created.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(models.GET, { url: "/api/v1/models", headers: bearer(secret) })).status).toBe(401);
    await (await db()).apiToken.update({ where: { id: created.body.id }, data: { expiresAt: null } });
    expect((await call(models.GET, { url: "/api/v1/models", headers: bearer(secret) })).status).toBe(200);

    // Revoked: 401, and revoking is idempotent.
    const revoked = await call(token.DELETE, { method: "DELETE", params: { id: created.body.id }, headers: bearer(engineer.token) });
    expect(revoked.status).toBe(204);
    expect((await call(models.GET, { url: "/api/v1/models", headers: bearer(secret) })).status).toBe(401);
    expect((await call(token.DELETE, { method: "DELETE", params: { id: created.body.id }, headers: bearer(engineer.token) })).status).toBe(204);
  });

  it("a token never exceeds its owner's role, at creation or later", async () => {
    const tooHigh = await call(tokens.POST, { method: "POST", url: "/api/v1/tokens", json: { name: "x", role: "admin" }, headers: bearer(engineer.token) });
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body.error.details.fields.role).toBeDefined();
    // Demote the engineer: their engineer token now acts as a viewer.
    await call(user.PATCH, { method: "PATCH", params: { id: engineer.userId }, json: { role: "viewer" }, headers: bearer(admin.token) });
    const write = await call(models.POST, { method: "POST", url: "/api/v1/models", json: { name: "acme/demoted" }, headers: bearer(engineer.token) });
    expect(write.status).toBe(403);
    await call(user.PATCH, { method: "PATCH", params: { id: engineer.userId }, json: { role: "engineer" }, headers: bearer(admin.token) });
  });

  it("someone else's token is not found; past expiry dates are refused", async () => {
    const other = await call(token.DELETE, { method: "DELETE", params: { id: (await (await db()).apiToken.findFirstOrThrow({ where: { userId: admin.userId } })).id }, headers: bearer(engineer.token) });
    expect(other.status).toBe(404);
    const past = await call(tokens.POST, { method: "POST", url: "/api/v1/tokens", json: { name: "x", expires_at: "2020-01-01T00:00:00Z" }, headers: bearer(engineer.token) });
    expect(past.status).toBe(422);
  });

  it("the bootstrap token can create a service user and a token for it", async () => {
    const created = await call(users.POST, { method: "POST", url: "/api/v1/users", json: { email: "Robot@Example.com", password: "a-long-enough-secret", role: "engineer" }, headers: bearer(BOOTSTRAP_TOKEN) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: "robot@example.com", role: "engineer", disabled: false });
    expect(JSON.stringify(created.body)).not.toMatch(/password|hash/i);
    const minted = await call(tokens.POST, { method: "POST", url: "/api/v1/tokens", json: { name: "robot", user_id: created.body.id }, headers: bearer(BOOTSTRAP_TOKEN) });
    expect(minted.status).toBe(201);
    expect(minted.body.role).toBe("engineer");
    const ok = await call(models.POST, { method: "POST", url: "/api/v1/models", json: { name: "acme/by-robot" }, headers: bearer(minted.body.token) });
    expect(ok.status).toBe(201);
    const notForOthers = await call(tokens.POST, { method: "POST", url: "/api/v1/tokens", json: { name: "x", user_id: admin.userId }, headers: bearer(engineer.token) });
    expect(notForOthers.status).toBe(403);
  });
});

describe("users", () => {
  it("409 for a taken email; the last active admin cannot be demoted or disabled", async () => {
    const taken = await call(users.POST, { method: "POST", url: "/api/v1/users", json: { email: admin.email, password: "a-long-enough-secret", role: "viewer" }, headers: bearer(admin.token) });
    expect(taken.status).toBe(409);
    const admins = await (await db()).user.findMany({ where: { role: "admin" } });
    for (const other of admins.filter((a) => a.id !== admin.userId)) {
      await (await db()).user.update({ where: { id: other.id }, data: { role: "viewer" } });
    }
    const demote = await call(user.PATCH, { method: "PATCH", params: { id: admin.userId }, json: { role: "engineer" }, headers: bearer(BOOTSTRAP_TOKEN) });
    expect(demote.status).toBe(409);
    const disable = await call(user.PATCH, { method: "PATCH", params: { id: admin.userId }, json: { disabled: true }, headers: bearer(BOOTSTRAP_TOKEN) });
    expect(disable.status).toBe(409);
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: admin.userId } })).role).toBe("admin");
  });

  it("disabling a user ends their sessions and their tokens", async () => {
    const victim = await createIdentity("engineer", "leaver");
    expect((await call(models.GET, { url: "/api/v1/models", headers: { cookie: victim.cookie } })).status).toBe(200);
    const res = await call(user.PATCH, { method: "PATCH", params: { id: victim.userId }, json: { disabled: true }, headers: bearer(admin.token) });
    expect(res.body.disabled).toBe(true);
    expect((await call(models.GET, { url: "/api/v1/models", headers: { cookie: victim.cookie } })).status).toBe(401);
    expect((await call(models.GET, { url: "/api/v1/models", headers: bearer(victim.token) })).status).toBe(401);
  });
});

describe("audit log", () => {
  it("records who changed what, with before and after, and serves it filtered and per model", async () => {
    const created = await call(models.POST, { method: "POST", url: "/api/v1/models", json: { name: "acme/audited", context_length: 4096 }, headers: bearer(engineer.token) });
    const id = created.body.id;
    await call(model.PATCH, { method: "PATCH", params: { id }, json: { context_length: 8192 }, headers: { cookie: engineer.cookie, ...sameOrigin } });
    await call(model.DELETE, { method: "DELETE", params: { id }, headers: bearer(admin.token) });

    const log = await call(audit.GET, { url: `/api/v1/audit?resource_type=model&resource_id=${id}`, headers: bearer(admin.token) });
    expect(log.status).toBe(200);
    expect(log.body.total).toBe(3);
    const [deleted, updated, made] = log.body.data;
    expect(made).toMatchObject({ action: "model.created", actor: { type: "token", id: engineer.userId, label: `${engineer.email} (token engineer automation)` } });
    expect(made.changes.name).toEqual({ before: null, after: "acme/audited" });
    expect(updated).toMatchObject({ action: "model.updated", actor: { type: "user", label: engineer.email } });
    expect(updated.changes).toEqual({ context_length: { before: 4096, after: 8192 } });
    expect(deleted).toMatchObject({ action: "model.deleted", actor: { label: `${admin.email} (token admin automation)` } });
    expect(deleted.changes.name).toEqual({ before: "acme/audited", after: null });

    const byActor = await call(audit.GET, { url: `/api/v1/audit?actor_id=${engineer.userId}&action=model.updated`, headers: bearer(admin.token) });
    expect(byActor.body.data.every((e: { action: string; actor: { id: string } }) => e.action === "model.updated" && e.actor.id === engineer.userId)).toBe(true);
    expect((await call(audit.GET, { url: "/api/v1/audit", headers: bearer(engineer.token) })).status).toBe(403);
  });

  it("a failed write leaves no record; token and user changes are recorded without secrets", async () => {
    const before = await (await db()).auditEvent.count();
    await call(models.POST, { method: "POST", url: "/api/v1/models", json: { name: "acme/by-robot" }, headers: bearer(engineer.token) });
    expect(await (await db()).auditEvent.count()).toBe(before);
    const minted = await call(tokens.POST, { method: "POST", url: "/api/v1/tokens", json: { name: "audit-me" }, headers: bearer(engineer.token) });
    const events = await call(audit.GET, { url: `/api/v1/audit?resource_type=token&resource_id=${minted.body.id}`, headers: bearer(admin.token) });
    expect(events.body.data[0].action).toBe("token.created");
    expect(JSON.stringify(events.body)).not.toContain(minted.body.token);
    const password = await call(user.PATCH, { method: "PATCH", params: { id: engineer.userId }, json: { password: "another-long-secret" }, headers: bearer(admin.token) });
    expect(password.status).toBe(200);
    const userEvents = await call(audit.GET, { url: `/api/v1/audit?resource_type=user&resource_id=${engineer.userId}&action=user.updated`, headers: bearer(admin.token) });
    expect(userEvents.body.data[0].changes).toEqual({ password: { before: null, after: "changed" } });
    expect(JSON.stringify(userEvents.body)).not.toContain("another-long-secret");
  });

  it("a model's history is readable by anyone who can read the model", async () => {
    const created = await call(models.POST, { method: "POST", url: "/api/v1/models", json: { name: "acme/history" }, headers: bearer(engineer.token) });
    const res = await call(history.GET, { params: { id: created.body.id } });
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { action: string }) => e.action)).toEqual(["model.created"]);
  });
});
