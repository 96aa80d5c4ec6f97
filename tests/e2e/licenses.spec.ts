// License review as an admin does it: open the queue, approve one model with conditions, reject
// another, and find both where they belong in the catalog's license status filter.
import { expect, test, type Page } from "@playwright/test";
import { BOOTSTRAP_HEADERS, shot, signIn } from "./support";

// The admins' pages sit in the header's Admin menu, which shows the pending count when closed too.
const adminMenu = (page: Page) => page.locator("summary", { hasText: /^Admin/ });
const pendingInNav = async (page: Page) => Number((await adminMenu(page).textContent())?.replace(/\D/g, "") || 0);

test("an admin reviews licenses in the queue; the catalog filter by status then shows each model where it belongs", async ({ page, request }) => {
  const stamp = Date.now();
  const keep = `e2e-licenses/research-${stamp}`;
  const drop = `e2e-licenses/eula-${stamp}`;
  for (const [name, license_type] of [[keep, "mrl"], [drop, "acme-eula"]]) {
    const created = await request.post("/api/v1/models", { headers: BOOTSTRAP_HEADERS, data: { name, license_type, description: "Registered by the license e2e test." } });
    expect(created.status()).toBe(201);
    expect((await created.json()).license_status).toBe("pending");
  }

  await signIn(page);
  await adminMenu(page).click();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: /^Reviews/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "License reviews" })).toBeVisible();
  await expect(async () => expect(await pendingInNav(page)).toBeGreaterThanOrEqual(2)).toPass();
  const pendingBefore = await pendingInNav(page);
  // Pending first, oldest first: the first model in the queue waits for review.
  await expect(page.getByRole("article").first().getByText("license: pending")).toBeVisible();
  await page.screenshot(shot("license-queue"));

  await page.getByRole("searchbox", { name: "Model name or license" }).fill(String(stamp));
  await page.getByRole("button", { name: "Find" }).click();
  const keepCard = page.getByRole("article", { name: keep });
  const dropCard = page.getByRole("article", { name: drop });
  await expect(keepCard).toBeVisible();
  await expect(dropCard).toBeVisible();
  // The license's terms sit beside the model: MRL is research only; the other license is unknown.
  await expect(keepCard.getByRole("link", { name: "Mistral AI Research License" })).toBeVisible();
  await expect(keepCard.locator('[data-term="commercial_use"]')).toContainText("no");
  await expect(dropCard.getByText("unknown license")).toBeVisible();

  // Approve with conditions: the conditions are required.
  await keepCard.getByRole("button", { name: "Approve with conditions" }).click();
  await expect(keepCard.getByText("Write the conditions of the approval")).toBeVisible();
  await keepCard.getByLabel("Conditions").fill("Research evaluation only; not for production traffic.");
  await keepCard.getByLabel("Notes").fill("Checked the MRL: research purposes only.");
  await keepCard.getByRole("button", { name: "Approve with conditions" }).click();
  await expect(keepCard.getByRole("status")).toHaveText("Approved with conditions.");
  await expect(keepCard.getByText("license: approved with conditions")).toBeVisible();

  // Reject: the reason is required.
  await dropCard.getByRole("button", { name: "Reject" }).click();
  await expect(dropCard.getByText("Say why the model is rejected")).toBeVisible();
  await dropCard.getByLabel("Notes").fill("Unknown EULA; legal has not seen it.");
  await dropCard.getByRole("button", { name: "Reject" }).click();
  await expect(dropCard.getByRole("status")).toHaveText("Rejected.");
  await expect(dropCard.getByText("license: rejected")).toBeVisible();
  await expect(async () => expect(await pendingInNav(page)).toBe(pendingBefore - 2)).toPass();
  await page.screenshot(shot("license-queue-decided"));

  // The catalog's license status filter shows each where it belongs.
  const rowNames = () => page.locator("tbody tr td:first-child a").allTextContents();
  await page.goto(`/models?q=${stamp}`);
  await page.getByLabel("License status").selectOption("approved_with_conditions");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/license_status=approved_with_conditions/);
  await expect(page.getByRole("link", { name: keep })).toBeVisible();
  expect(await rowNames()).not.toContain(drop);
  await page.getByLabel("License status").selectOption("rejected");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/license_status=rejected/);
  await expect(page.getByRole("link", { name: drop })).toBeVisible();
  expect(await rowNames()).not.toContain(keep);
  await page.getByLabel("License status").selectOption("pending");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No models match")).toBeVisible();
  await page.screenshot(shot("catalog-license-status"));

  // The model's page says so, with the conditions and the history; the API agrees.
  await page.goto(`/models?q=${stamp}`);
  await page.getByRole("link", { name: keep }).click();
  const status = page.getByTestId("license-status");
  await expect(status).toContainText("Approved with conditions");
  await expect(status).toContainText("Research evaluation only; not for production traffic.");
  await expect(page.getByRole("list", { name: "License history" })).toContainText("Reviewed");
  await page.screenshot(shot("model-license"));
  const id = page.url().split("/models/")[1].split(/[?#]/)[0];
  const api = await request.get(`/models/${id}/license`, { headers: { accept: "application/json" } });
  expect(api.status()).toBe(200);
  expect(await api.json()).toMatchObject({
    license_type: "mrl", terms: { commercial_use: false, non_commercial_only: true },
    review: { status: "approved_with_conditions", source: "decision", conditions: "Research evaluation only; not for production traffic.", reviewer: "admin@e2e.test" },
    history: [{ kind: "reviewed" }, { kind: "created" }],
  });
});

test("licenses compare term by term; a license's page lists its models and takes the admin's policy", async ({ page, request }) => {
  await page.goto("/licenses");
  await expect(page.getByRole("heading", { level: 1, name: "Licenses" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Compare Llama 3.1 Community License Agreement" }).check();
  await page.getByRole("checkbox", { name: "Compare Apache License 2.0" }).check();
  await page.getByRole("button", { name: "Compare selected" }).click();
  await expect(page).toHaveURL(/compare=llama3\.1/);
  const comparison = page.getByRole("table", { name: "Licenses compared term by term" });
  await expect(comparison.getByRole("row", { name: /Monthly active user limit/ })).toContainText("700,000,000 MAU");
  await page.screenshot(shot("licenses-compare"));

  await signIn(page);
  const name = `e2e-licenses/policy-${Date.now()}`;
  expect((await request.post("/api/v1/models", { headers: BOOTSTRAP_HEADERS, data: { name, license_type: "cc-by-nc-sa-4.0" } })).status()).toBe(201);
  await page.goto("/licenses/cc-by-nc-sa-4.0");
  await expect(page.getByRole("link", { name })).toBeVisible();
  await page.getByLabel("Policy for every model under this license").selectOption("deny");
  await page.getByLabel("Notes", { exact: true }).fill("Non-commercial licenses are not for us.");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByRole("status")).toContainText("1 model changed status");
  await expect(page.getByText("policy: deny").first()).toBeVisible();
  await page.screenshot(shot("license-page"));
  const model = (await (await request.get(`/api/v1/models?q=${encodeURIComponent(name)}`)).json()).data[0];
  expect(model.license_status).toBe("rejected");
});
