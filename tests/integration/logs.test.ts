// The logs: one JSON line per API request (request id, method, path, status, duration, actor),
// and never a secret: not a token, a password, a session cookie, an Authorization header, or a
// query value. Everything the process writes to stdout and stderr is captured while signing in,
// creating a token and a user, and calling the API with tokens good and bad.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before the app's modules read the environment: per-request lines on (setup.ts turns them off).
vi.hoisted(() => {
  process.env.LOG_LEVEL = "info";
});

import * as models from "@/app/api/v1/models/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as users from "@/app/api/v1/users/route";
import { authOptions } from "@/lib/auth/next-auth";
import { closeDatabase } from "@/lib/db";
import { flushLogs } from "@/lib/log";
import { BOOTSTRAP_TOKEN, createIdentity, type TestIdentity } from "./support/actors";
import { call } from "./support/http";

const PASSWORD = "correct-horse-battery";
const NEW_USER_PASSWORD = "a-new-users-password-42";
const QUERY_SECRET = "q-value-nobody-should-log";
let engineer: TestIdentity;

beforeAll(async () => {
  engineer = await createIdentity("engineer", "logged");
});
afterAll(async () => closeDatabase());

/** Runs `work`, returning everything written to stdout and stderr meanwhile (and not showing it). */
async function captureOutput(work: () => Promise<void>): Promise<string> {
  let output = "";
  const capture = (chunk: string | Uint8Array) => {
    output += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    return true;
  };
  const out = vi.spyOn(process.stdout, "write").mockImplementation(capture);
  const err = vi.spyOn(process.stderr, "write").mockImplementation(capture);
  try {
    await work();
    flushLogs();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return output;
}

describe("logs", () => {
  it("have one JSON line per request, and no secret in any of them", async () => {
    let tokenSecret = "";
    const sameOrigin = { cookie: engineer.cookie, origin: "http://localhost", host: "localhost" };
    const output = await captureOutput(async () => {
      // Signing in with a password, right and wrong (the credentials check next-auth calls).
      const authorize = (authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, r: { headers: Record<string, string> }) => Promise<unknown> } }).options.authorize;
      expect(await authorize({ email: engineer.email, password: PASSWORD }, { headers: {} })).toMatchObject({ email: engineer.email });
      expect(await authorize({ email: engineer.email, password: `${PASSWORD}-wrong` }, { headers: {} })).toBeNull();
      // A token made in a browser session, then used.
      const created = await call(tokens.POST, { method: "POST", url: "/api/v1/tokens", json: { name: "logged" }, headers: sameOrigin });
      expect(created.status).toBe(201);
      tokenSecret = created.body.token;
      expect((await call(models.GET, { url: `/api/v1/models?q=${QUERY_SECRET}`, headers: { authorization: `Bearer ${tokenSecret}` } })).status).toBe(200);
      expect((await call(models.POST, { method: "POST", url: "/api/v1/models", json: { name: `acme/logged-${Date.now()}` }, headers: { authorization: `Bearer ${tokenSecret}` } })).status).toBe(201);
      // A bad token, and a user created by the bootstrap token with a password.
      expect((await call(models.GET, { url: "/api/v1/models", headers: { authorization: `Bearer ${tokenSecret}x` } })).status).toBe(401);
      const user = await call(users.POST, {
        method: "POST", url: "/api/v1/users", json: { email: `new-${Date.now()}@example.com`, password: NEW_USER_PASSWORD, role: "viewer" },
        headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}` },
      });
      expect(user.status).toBe(201);
    });

    const lines = output.trim().split("\n").map((line) => JSON.parse(line));
    const requests = lines.filter((line) => line.msg === "request");
    expect(requests.map((r) => `${r.method} ${r.path} ${r.status} ${r.actor_type}`)).toEqual([
      "POST /api/v1/tokens 201 user",
      "GET /api/v1/models 200 token",
      "POST /api/v1/models 201 token",
      "GET /api/v1/models 401 none",
      "POST /api/v1/users 201 bootstrap",
    ]);
    for (const line of requests) {
      expect(line).toMatchObject({ ts: expect.any(String), level: "info", requestId: expect.any(String), duration_ms: expect.any(Number) });
    }
    expect(requests[0].actor_id).toBe(engineer.userId);
    expect(requests[1].actor_id).toBe(engineer.userId);

    const cookieValue = engineer.cookie.split("=")[1];
    for (const secret of [tokenSecret, engineer.token, BOOTSTRAP_TOKEN, PASSWORD, NEW_USER_PASSWORD, cookieValue, QUERY_SECRET, "Bearer", "authorization"]) {
      expect(output.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });
});
