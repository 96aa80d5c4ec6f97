import { expect, test } from "@playwright/test";
import { shot, signIn } from "./support";

test("below 1024 px one Menu holds every section, admin pages included; Escape closes it", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page);
  await page.goto("/models");
  const menu = page.locator("summary", { hasText: /^Menu/ });
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await menu.click();
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link")).toHaveText(["Overview", "Models", "Licenses", "Leaderboard", "Benchmarks", "API"]);
  await expect(main.getByRole("link", { name: "Models" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link")).toHaveText([/^Reviews/, "Hardware", "Users", "Audit"]);
  await page.screenshot(shot("menu-small-screen"));

  await page.keyboard.press("Escape");
  await expect(main).toHaveCount(0);
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await main.getByRole("link", { name: "Leaderboard" }).click();
  await expect(page).toHaveURL(/\/leaderboard/);
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
});

test("at 1024 px the bar shows every section, with nothing scrolled out of sight", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await signIn(page);
  await page.goto("/models");
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link")).toHaveText(["Overview", "Models", "Licenses", "Leaderboard", "Benchmarks", "API"]);
  for (const link of await main.getByRole("link").all()) await expect(link).toBeInViewport({ ratio: 1 });
  await expect(page.locator("summary", { hasText: /^Admin/ })).toBeInViewport({ ratio: 1 });
  const header = await page.locator("header").evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
  expect(header.scroll).toBeLessThanOrEqual(header.client);
  await page.screenshot(shot("header-1024"));
});
