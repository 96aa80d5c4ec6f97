import { expect, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };
export const BOOTSTRAP_HEADERS = { authorization: "Bearer e2e-bootstrap-token-0123456789" };

/** Signs in through the portal's form, as a person would. */
export async function signIn(page: Page, user: { email: string; password: string } = ADMIN) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(accountMenu(page)).toContainText(user.email);
}

/** The header's account menu (API tokens, sign out): its button. */
export const accountMenu = (page: Page) => page.locator("summary", { hasText: "Account:" });

export async function signOut(page: Page) {
  await accountMenu(page).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

export const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });
