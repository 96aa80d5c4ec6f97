// Password sign-in through next-auth on the running server, at the HTTP level.
import { expect, test, type APIRequestContext } from "@playwright/test";

const BOOTSTRAP = { authorization: "Bearer e2e-bootstrap-token-0123456789" };

async function signIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/", json: "true" },
    headers: { "x-forwarded-for": `10.0.0.${Math.floor(Math.random() * 200)}` },
    maxRedirects: 0,
  });
}

test("a right password gives a session the API accepts; sign-out ends it", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await request.post("/api/v1/users", { headers: BOOTSTRAP, data: { email: "session@e2e.test", password: "session-password-1", role: "engineer" } });
  const response = await signIn(request, "session@e2e.test", "session-password-1");
  expect(response.status()).toBe(200);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session.user.email).toBe("session@e2e.test");
  const created = await request.post("/api/v1/models", { data: { name: `acme/session-${Date.now()}` }, headers: { origin: baseURL! } });
  expect(created.status()).toBe(201);
  const crossSite = await request.post("/api/v1/models", { data: { name: `acme/csrf-${Date.now()}` }, headers: { origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);

  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  await request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/", json: "true" } });
  expect((await request.post("/api/v1/models", { data: { name: "acme/after-signout" }, headers: { origin: baseURL! } })).status()).toBe(401);
  await request.dispose();
});

test("repeated wrong passwords for one account get 429 with Retry-After", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await request.post("/api/v1/users", { headers: BOOTSTRAP, data: { email: "guessed@e2e.test", password: "guessed-password-1", role: "viewer" } });
  for (let i = 0; i < 5; i++) expect((await signIn(request, "guessed@e2e.test", `wrong-${i}`)).status()).toBe(401);
  const limited = await signIn(request, "guessed@e2e.test", "guessed-password-1");
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).error.code).toBe("rate_limited");
  // Another account is not held back.
  expect((await signIn(request, "admin@e2e.test", "e2e-admin-password")).status()).toBe(200);
  await request.dispose();
});
