import { expect, test } from "@playwright/test";
import { accountMenu, BOOTSTRAP_HEADERS, shot, signIn, signOut } from "./support";

test("sign in, create a token that works against the API, sign out", async ({ page, playwright, baseURL }) => {
  await signIn(page);
  await page.screenshot(shot("signed-in-home"));
  await accountMenu(page).click();
  await page.screenshot(shot("account-menu"));
  await page.getByRole("link", { name: "API tokens" }).click();
  await page.getByLabel("Name").fill("e2e pipeline");
  await page.getByLabel("Role").selectOption("engineer");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByLabel("Token secret").inputValue();
  expect(secret).toMatch(/^bm_/);
  await page.screenshot(shot("token-created"));

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const created = await api.post("/api/v1/models", { data: { name: `acme/e2e-token-${Date.now()}` } });
  expect(created.status()).toBe(201);
  await api.dispose();

  await page.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByRole("cell", { name: "e2e pipeline", exact: true })).toBeVisible();
  await signOut(page);
});

test("a viewer sees no edit buttons; an admin changes a user's role", async ({ page, request }) => {
  const viewer = { email: `viewer-${Date.now()}@e2e.test`, password: "viewer-password-1" };
  expect((await request.post("/api/v1/users", { headers: BOOTSTRAP_HEADERS, data: { ...viewer, role: "viewer" } })).status()).toBe(201);
  const modelId = (await (await request.get("/api/v1/models?page_size=1")).json()).data[0].id;

  await signIn(page, viewer);
  await page.goto(`/models/${modelId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await page.goto("/models");
  await expect(page.getByRole("link", { name: "Register a model" })).toHaveCount(0);
  await signOut(page);

  await signIn(page);
  await page.goto("/admin/users");
  const roleSelect = page.getByLabel(`Role for ${viewer.email}`);
  await roleSelect.selectOption("engineer");
  await expect.poll(async () => {
    const users = await (await request.get(`/api/v1/users?q=${encodeURIComponent(viewer.email)}`, { headers: BOOTSTRAP_HEADERS })).json();
    return users.data[0]?.role;
  }).toBe("engineer");
  await page.screenshot(shot("admin-users"));
  await page.goto("/admin/audit?resource_type=user");
  await expect(page.getByText("user.updated").first()).toBeVisible();
  await page.screenshot(shot("admin-audit"));
});
