// Security scans as an engineer uses them: upload a model's files, scan them, watch the progress,
// read the report (findings and pickle imports coloured by safety), and find the model by its
// scan status in the catalog. Needs clamd on 127.0.0.1:3310 (scripts/clamd.sh; npm test starts it).
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { safetensors } from "../fixtures/scans/builders";
import { BOOTSTRAP_HEADERS, shot, signIn } from "./support";

// A protocol 0 pickle calling os.system, written the way Python's pickle module writes it.
const evilPickle = Buffer.from("cposix\nsystem\np0\n(S'echo pwned'\np1\ntp2\nRp3\n.", "latin1");

test("upload files, scan them, watch the progress and read the report", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const name = `acme/scan-e2e-${Date.now()}`;
  const created = await page.request.post("/api/v1/models", { headers: BOOTSTRAP_HEADERS, data: { name, description: "A model to scan." } });
  expect(created.status()).toBe(201);
  const model = await created.json();

  await signIn(page);
  await page.goto(`/models/${model.id}`);
  const section = page.getByRole("region", { name: "Security scan" }).or(page.locator("section", { has: page.getByRole("heading", { name: "Security scan" }) }));
  await expect(section.getByText("No files yet")).toBeVisible();

  // 64 MiB of weights: large enough that the upload and the scan both take visible time (written
  // to a file: Playwright hands over at most 50 MB from memory).
  const weightsFile = testInfo.outputPath("model.safetensors");
  const pickleFile = testInfo.outputPath("training_args.bin");
  writeFileSync(weightsFile, safetensors([{ name: "model.embed_tokens.weight", dtype: "BF16", shape: [8192, 4096] }], { format: "pt" }));
  writeFileSync(pickleFile, evilPickle);
  await page.getByLabel("Upload files").setInputFiles([weightsFile, pickleFile]);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uploaded" })).toContainText("model.safetensors, training_args.bin", { timeout: 60_000 });
  const files = page.getByRole("list", { name: "Files" });
  await expect(files).toContainText("model.safetensors");
  await expect(files).toContainText("training_args.bin");

  await page.getByRole("button", { name: "Scan", exact: true }).click();
  // Live progress (bytes and files), polled until the verdict.
  const progress = page.getByTestId("scan-progress");
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/of 2 files/);
  await page.screenshot(shot("scan-progress"));

  const report = page.getByRole("region", { name: "Scan report" });
  await expect(report.getByTestId("scan-verdict")).toContainText("critical", { timeout: 120_000 });
  await expect(progress).toBeHidden();

  const evil = report.getByTestId("scan-file").filter({ hasText: "training_args.bin" });
  await expect(evil).toContainText("Imports posix.system");
  await expect(evil.getByRole("list", { name: "Pickle imports" }).locator('[data-safety="dangerous"]')).toHaveText("posix.system()");
  await expect(evil.getByRole("list", { name: "Scanners" })).toContainText("clamav");

  const clean = report.getByTestId("scan-file").filter({ hasText: "model.safetensors" });
  await expect(clean).toContainText("clean");
  await expect(clean).toContainText(`${(8192 * 4096).toLocaleString("en-US")} parameters`);
  await page.screenshot(shot("scan-report"));

  await expect(page.getByRole("list", { name: "Scan history" })).toContainText("critical");
  // The header badge and the model's facts follow the finished scan.
  await expect(page.getByText("scan: flagged").first()).toBeVisible();

  // The catalog filters by scan status and shows the security badge on the row.
  await page.goto("/models?scan_status=flagged");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText("flagged");
  await page.screenshot(shot("catalog-flagged"));
});

test("a viewer reads scan reports but has no Scan button or upload form", async ({ page }) => {
  const created = await page.request.post("/api/v1/models", { headers: BOOTSTRAP_HEADERS, data: { name: `acme/scan-view-${Date.now()}` } });
  const model = await created.json();
  await page.goto(`/models/${model.id}`);
  await expect(page.getByRole("heading", { name: "Security scan" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Scan", exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Upload files")).toHaveCount(0);
});
