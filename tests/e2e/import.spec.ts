import { expect, test } from "@playwright/test";
import { shot, signIn } from "./support";

// The app reads from the Hub stand-in that playwright.config.ts starts (HF_ENDPOINT).
test("import repo ids from the portal, then see the model's metadata and requirements", async ({ page }) => {
  await signIn(page);
  await page.goto("/models");
  await page.getByRole("link", { name: "Import from Hugging Face" }).click();
  await expect(page.getByRole("heading", { name: "Import from Hugging Face" })).toBeVisible();

  await page.getByLabel("Hub repo ids").fill(["Qwen/Qwen2.5-0.5B-Instruct", "https://huggingface.co/mistralai/Mixtral-8x7B-Instruct-v0.1", "nobody/no-such-model"].join("\n"));
  await page.getByRole("button", { name: "Import" }).click();
  const results = page.getByRole("table", { name: "Import results" });
  const row = (repo: string) => results.locator(`tr[data-repo="${repo}"]`);
  await expect(row("Qwen/Qwen2.5-0.5B-Instruct")).toContainText("Imported", { timeout: 20_000 });
  await expect(row("https://huggingface.co/mistralai/Mixtral-8x7B-Instruct-v0.1")).toContainText("46.7B params", { timeout: 20_000 });
  await expect(row("nobody/no-such-model")).toContainText("Failed", { timeout: 20_000 });
  await expect(row("nobody/no-such-model").getByRole("alert")).toContainText("No model repository nobody/no-such-model on the Hub");
  await page.screenshot(shot("hub-import"));

  await row("Qwen/Qwen2.5-0.5B-Instruct").getByRole("link", { name: "Qwen/Qwen2.5-0.5B-Instruct" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Qwen/Qwen2.5-0.5B-Instruct" })).toBeVisible();
  await expect(page.getByText("494,032,768").first()).toBeVisible();
  await expect(page.getByText("Qwen2ForCausalLM").first()).toBeVisible();
  await expect(page.getByText(/Qwen2\.5 is the latest series/)).toBeVisible();
  await expect(page.getByText("apache-2.0").first()).toBeVisible();

  // Requirements: a GPU x context table, driven by the precision and concurrency controls.
  const requirements = page.locator("#requirements");
  const h100 = requirements.getByRole("row", { name: /NVIDIA H100 80GB/ });
  await expect(h100).toContainText("1 GPU");
  await expect(requirements.getByRole("columnheader", { name: "32K" })).toBeVisible();
  await expect(requirements.getByText("0.99 GB")).toBeVisible();
  await requirements.getByLabel("Precision").selectOption("int4");
  await expect(requirements.getByText("Weights (int4)")).toBeVisible();
  await expect(requirements.getByText("0.25 GB")).toBeVisible();
  await requirements.getByLabel("Concurrent sequences").selectOption("256");
  await expect(requirements.getByRole("row", { name: /NVIDIA T4 16GB/ })).toContainText("2 GPUs");
  await page.screenshot(shot("model-requirements"));

  // The catalog's "fits on" filter keeps the small model and drops the 47B one on a 24 GB card.
  await page.goto("/models?fits_on=l4-24gb&q=instruct&page_size=100");
  const names = await page.locator("tbody tr td:first-child a").allTextContents();
  expect(names).toContain("Qwen/Qwen2.5-0.5B-Instruct");
  expect(names).not.toContain("mistralai/Mixtral-8x7B-Instruct-v0.1");
  await expect(page.getByLabel("Fits on")).toHaveValue("l4-24gb");
});
