// The portal under its Content-Security-Policy: every main page loads and works in Chromium with
// no violation reported (neither a "Refused to ..." console message nor a securitypolicyviolation
// event) and no script error; the policy carries a fresh nonce each time, on every script Next
// renders; and the other security headers are there.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/** Collects CSP violations and script errors for the whole test, across navigations. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.exposeBinding("reportViolation", (_source, text: string) => void problems.push(`violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return problems;
}

/** Opens `path`, checks its policy and headers, and returns the page's nonce. */
async function open(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const headers = response!.headers();
  const policy = headers["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, `${path}: a nonce in ${policy}`).toBeTruthy();
  expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Every script in the HTML Next rendered carries this response's nonce.
  const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test("the main pages work under the Content-Security-Policy, with no violation", async ({ page }) => {
  const problems = await watch(page);

  const first = await open(page, "/");
  await expect(page.getByRole("heading", { name: "Model registry" })).toBeVisible();
  expect(await open(page, "/")).not.toBe(first);

  // The catalog: search, then open a model by client-side navigation.
  await open(page, "/models");
  await page.getByRole("searchbox", { name: "Search" }).fill("llama");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=llama/);
  await expect(page.getByRole("row").nth(1)).toContainText(/llama/i);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page.locator("tbody tr td:first-child a").first().click();
  await expect(page).toHaveURL(/\/models\/[0-9a-f-]{36}$/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // A model page: the requirements panel reacts to its controls (hydrated React).
  await open(page, page.url());
  const requirements = page.locator("#requirements");
  await requirements.getByLabel("Precision").selectOption("int4");
  await expect(requirements.getByText("Weights (int4)")).toBeVisible();

  // The leaderboard draws its chart (Recharts, client-side, with inline SVG styles).
  await open(page, "/leaderboard");
  await expect(page.getByTestId("tradeoff-chart").locator(".recharts-scatter-symbol").first()).toBeVisible();

  await open(page, "/licenses");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await open(page, "/docs");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();

  // Signing in (next-auth's client posts to /api/auth), then a client form that writes.
  await open(page, "/signin");
  await signIn(page);
  await open(page, "/settings/tokens");
  const form = page.getByRole("form", { name: "Create a token" });
  await form.getByLabel("Name").fill(`csp-${Date.now()}`);
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByLabel("Token secret")).toHaveValue(/^bm_[\w-]{43}$/);

  // Client-side navigation through the main menu loads the next page's code.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leaderboard" }).click();
  await expect(page.getByTestId("tradeoff-chart").locator(".recharts-scatter-symbol").first()).toBeVisible();

  expect(problems).toEqual([]);
});

test("API answers carry the API's policy, also at the original unprefixed paths", async ({ request }) => {
  for (const path of ["/api/v1/models?page_size=1", "/models?page_size=1", "/api/v1/no-such-route"]) {
    const response = await request.get(path, { headers: { accept: "application/json" } });
    const headers = response.headers();
    expect(headers["content-type"], path).toContain("application/json");
    expect(headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
  }
  // Behind a TLS-terminating proxy, HSTS too (pages and API alike).
  for (const path of ["/api/v1/models?page_size=1", "/licenses"]) {
    const response = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"], path).toBe("max-age=31536000; includeSubDomains");
  }
});
