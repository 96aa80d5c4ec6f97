// The leaderboard and compare pages in Chromium: the chart draws its points, the bucket in the
// URL decides the ranking, and the compare page shows the models chosen. Results are posted
// through the API first, on a hardware profile of their own, so the rankings are known.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { BOOTSTRAP_HEADERS, shot, signIn } from "./support";

const run = Date.now().toString(36);
const profile = `e2e-gpu-${run}-x1`;
const bucket = (concurrency: number) => `hardware_profile=${profile}&precision=bf16&input_tokens=512&output_tokens=128&concurrency=${concurrency}`;
let steady: { id: string; name: string };
let bursty: { id: string; name: string };

async function created(api: APIRequestContext, path: string, data: unknown) {
  const response = await api.post(path, { headers: BOOTSTRAP_HEADERS, data });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

function result(modelId: string, concurrency: number, throughput: number, ttft: number) {
  const dist = (p50: number) => ({ mean: p50, p50, p90: p50 * 1.2, p95: p50 * 1.3, p99: p50 * 1.5 });
  return {
    model_id: modelId,
    hardware_profile: profile,
    metrics: { ttft_ms: dist(ttft), tpot_ms: dist(20), output_throughput_tps: throughput, request_throughput_rps: throughput / 128 },
    configuration: { engine: "vllm", precision: "bf16", input_tokens: 512, output_tokens: 128, concurrency },
  };
}

test.beforeAll(async ({ playwright }, testInfo) => {
  const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  await created(request, "/api/v1/hardware-profiles", { id: profile, name: `E2E GPU ${run}`, gpu_type: "l4-24gb", gpu_count: 1, hourly_price_usd: 0.8 });
  steady = await created(request, "/api/v1/models", { name: `e2e/steady-${run}`, parameter_count: 7 });
  bursty = await created(request, "/api/v1/models", { name: `e2e/bursty-${run}`, parameter_count: 8 });
  // One at a time, "steady" is faster; at 64 at once, "bursty" is.
  await created(request, "/api/v1/benchmarks", result(steady.id, 1, 220, 40));
  await created(request, "/api/v1/benchmarks", result(bursty.id, 1, 150, 60));
  await created(request, "/api/v1/benchmarks", result(steady.id, 64, 2100, 900));
  await created(request, "/api/v1/benchmarks", result(bursty.id, 64, 3900, 700));
  const refreshed = await request.post("/api/v1/leaderboard/refresh", { headers: BOOTSTRAP_HEADERS });
  expect(refreshed.status()).toBe(200);
  await request.dispose();
});

const firstModel = (page: import("@playwright/test").Page) => page.getByTestId("leaderboard-table").locator("tbody tr").first().locator("a").first();

test("the leaderboard ranks models and draws the latency/throughput chart with points", async ({ page }) => {
  await page.goto("/leaderboard");
  await expect(page.getByRole("heading", { name: "Leaderboard", exact: true })).toBeVisible();
  await expect(page.getByTestId("leaderboard-updated-at")).toBeVisible();
  await expect(page.getByTestId("leaderboard-table").locator("tbody tr").first()).toBeVisible();
  const points = page.getByTestId("tradeoff-chart").locator(".recharts-scatter-symbol");
  await expect(points.first()).toBeVisible();
  expect(await points.count()).toBeGreaterThan(5);
  // Demo rows say what they are.
  await expect(page.getByText("Demo data").first()).toBeVisible();
  await page.screenshot(shot("leaderboard"));
});

test("changing the bucket in the URL changes the ranking", async ({ page }) => {
  await page.goto(`/leaderboard?${bucket(1)}`);
  await expect(firstModel(page)).toHaveText(steady.name);
  await expect(page.getByLabel("Concurrency")).toHaveValue("1");

  await page.goto(`/leaderboard?${bucket(64)}`);
  await expect(firstModel(page)).toHaveText(bursty.name);

  // The picker writes the same choice into the URL.
  await page.getByLabel("Concurrency").selectOption("1");
  await expect(page).toHaveURL(/concurrency=1(&|$)/);
  await expect(firstModel(page)).toHaveText(steady.name);

  // Lower TTFT ranks first when ranking by latency.
  await page.getByLabel("Rank by").selectOption("ttft_p50_ms");
  await expect(page).toHaveURL(/metric=ttft_p50_ms/);
  await expect(firstModel(page)).toHaveText(steady.name);
  await page.goto(`/leaderboard?${bucket(64)}&metric=ttft_p50_ms`);
  await expect(firstModel(page)).toHaveText(bursty.name);
  await page.screenshot(shot("leaderboard-bucket"));
});

test("the compare page shows the chosen models, picked on the leaderboard", async ({ page }) => {
  await page.goto(`/leaderboard?${bucket(64)}`);
  await page.getByRole("checkbox", { name: `Compare ${steady.name}` }).check();
  await page.getByRole("checkbox", { name: `Compare ${bursty.name}` }).check();
  await page.getByRole("link", { name: "Compare 2" }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?ids=(${steady.id},${bursty.id}|${bursty.id},${steady.id})`));
  const facts = page.getByTestId("compare-facts");
  await expect(facts.getByRole("link", { name: steady.name })).toBeVisible();
  await expect(facts.getByRole("link", { name: bursty.name })).toBeVisible();
  const shared = page.getByTestId("shared-results");
  await expect(shared).toContainText(`${profile} · bf16 · 512→128 tokens · 64 concurrent`);
  await expect(shared).toContainText("3,900 tokens/s");
  await expect(page.getByTestId("compare-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.screenshot(shot("compare"));
});

test("the run form explains why an endpoint is refused, and the recent runs list stays empty", async ({ page }) => {
  await signIn(page);
  await page.goto(`/benchmarks/run?model_id=${steady.id}`);
  await expect(page.getByText("Model:")).toContainText(steady.name);
  // Nothing has ever been queued on the e2e server: the list says so rather than staying blank.
  const recent = page.locator("section", { has: page.getByRole("heading", { name: "Recent runs" }) });
  await expect(recent.getByText("No runs yet")).toBeVisible();
  await page.getByLabel("Chat completions endpoint").fill("http://10.9.9.9:8000/v1/chat/completions");
  await page.getByLabel("API key (optional)").fill("sk-e2e-never-shown-0123456789");
  await page.getByLabel("Hardware it runs on").selectOption(profile);
  await page.getByRole("button", { name: "Run benchmark" }).click();
  // The e2e server lists no hosts for the runner, so it refuses before queueing anything.
  await expect(page.locator("#endpoint_url-error")).toContainText("BENCHMARK_ALLOWED_HOSTS");
  await expect(page.locator("body")).not.toContainText("sk-e2e-never-shown");
  await page.reload();
  await expect(recent.getByText("No runs yet")).toBeVisible();
  await page.screenshot(shot("benchmark-run-refused"));
});
