import { expect, test } from "@playwright/test";
import { shot, signIn } from "./support";

test("the home page counts the demo catalog", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Model registry" })).toBeVisible();
  const models = page.getByRole("link", { name: /^Models \d+/ });
  await expect(models).toBeVisible();
  expect(Number((await models.textContent())?.replace(/\D/g, ""))).toBeGreaterThanOrEqual(40);
  await page.screenshot(shot("home"));
});

test("browse, search and filter the catalog; the view lives in the URL", async ({ page }) => {
  await page.goto("/models");
  await expect(page.getByRole("table")).toBeVisible();
  await page.screenshot(shot("catalog"));

  await page.getByRole("searchbox", { name: "Search" }).fill("mistral");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=mistral/);
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toContainText(/mistral/i);

  await page.getByLabel("License", { exact: true }).selectOption("apache-2.0");
  await page.getByLabel("Min params (B)").fill("10");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/license_type=apache-2.0/);
  await expect(page).toHaveURL(/min_params=10/);
  const names = await page.locator("tbody tr td:first-child a").allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name.toLowerCase()).toContain("mistral");
  await expect(page.locator("tbody tr").first()).toContainText("apache-2.0");
  await page.screenshot(shot("catalog-filtered"));

  // The same URL, opened fresh, shows the same view.
  const url = page.url();
  await page.goto(url);
  expect(await page.locator("tbody tr td:first-child a").allTextContents()).toEqual(names);
});

test("an impossible filter shows a clear message, and no matches shows the empty state", async ({ page }) => {
  await page.goto("/models?min_params=50&max_params=1");
  await expect(page.getByRole("alert").filter({ hasText: "not valid" })).toContainText("min_params must not exceed max_params");
  await page.goto("/models?q=zzzznotamodel");
  await expect(page.getByText("No models match")).toBeVisible();
});

test("register a model, see server validation beside the field, edit it, delete it", async ({ page }) => {
  const name = `acme/Test-Model-${Date.now()}`;
  const existing = (await (await page.request.get("/api/v1/models?page_size=1")).json()).data[0].name;
  await signIn(page);
  await page.goto("/models/new");
  await page.getByLabel("Name").fill(existing);
  await page.getByRole("button", { name: "Register model" }).click();
  // Taken name: the server's 409 message shows beside the name field.
  await expect(page.locator("#name-error")).toHaveText("This name is taken");

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Context length (tokens)").fill("-5");
  await page.getByRole("button", { name: "Register model" }).click();
  await expect(page.locator("#context_length-error")).toContainText("must be a positive number of tokens");
  await page.screenshot(shot("register-errors"));

  await page.getByLabel("Context length (tokens)").fill("32768");
  await page.getByLabel("Exact parameter count").fill("7241732096");
  await page.getByLabel("License id").fill("apache-2.0");
  await page.getByLabel("Tags").fill("test, e2e");
  await page.getByRole("button", { name: "Register model" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("7,241,732,096", { exact: true })).toBeVisible();
  await expect(page.getByText("7.24B", { exact: true }).first()).toBeVisible();
  await page.screenshot(shot("model"));

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Description").fill("Edited in the browser.");
  await page.getByLabel("Context length (tokens)").fill("65536");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Edited in the browser.")).toBeVisible();
  await expect(page.getByText("64K (65,536 tokens)")).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.screenshot(shot("delete-dialog"));
  await page.getByRole("button", { name: "Delete model" }).click();
  await expect(page).toHaveURL(/\/models$/);
  const response = await page.request.get(`/api/v1/models?q=${encodeURIComponent(name)}`);
  expect((await response.json()).total).toBe(0);
});

test("API clients get JSON at the original paths; browsers get pages", async ({ page, request }) => {
  const api = await request.get("/models", { headers: { Accept: "*/*" } });
  expect(api.headers()["content-type"]).toContain("application/json");
  expect((await api.json()).total).toBeGreaterThanOrEqual(40);
  await page.goto("/models");
  await expect(page.getByRole("heading", { name: "Models" })).toBeVisible();
  await page.goto("/docs");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await page.screenshot(shot("docs"));
});
