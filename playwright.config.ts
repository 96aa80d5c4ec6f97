// End-to-end tests: the production build, on a fresh embedded database with the demo catalog,
// driven in Debian's Chromium.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 9185);
// The Hub stand-in (scripts/hub-standin) that imports read from; its download host is the next port.
const hubPort = Number(process.env.E2E_HUB_PORT ?? 9187);
const hubUrl = `http://127.0.0.1:${hubPort}`;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "budmodel-e2e-"));

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: "npx tsx scripts/hub-standin/main.ts",
      url: `${hubUrl}/api/models/hf-internal-testing/tiny-random-LlamaForCausalLM`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { HUB_STANDIN_PORT: String(hubPort) },
    },
    {
      command: "npx tsx scripts/server/main.ts",
      url: `http://127.0.0.1:${port}/api/v1/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        PORT: String(port), BUDMODEL_DATA_DIR: dataDir, DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1",
        BUDMODEL_ADMIN_EMAIL: "admin@e2e.test", BUDMODEL_ADMIN_PASSWORD: "e2e-admin-password",
        BUDMODEL_ADMIN_TOKEN: "e2e-bootstrap-token-0123456789", NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        HF_ENDPOINT: hubUrl, HUGGINGFACE_TOKEN: "hf_standin_granted_0123456789",
        // Scans: clamd as scripts/clamd.sh runs it (scripts/test.sh starts it before the tests).
        CLAMAV_HOST: process.env.CLAMAV_HOST ?? "127.0.0.1", CLAMAV_PORT: process.env.CLAMAV_PORT ?? "3310",
      },
    },
  ],
});
