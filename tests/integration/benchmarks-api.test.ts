// Hardware profiles and benchmarks through the real route handlers on PostgreSQL: validation,
// filters, paging, CSV, and imports of result files as the tools write them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as benchmarks from "@/app/api/v1/benchmarks/route";
import * as oneBenchmark from "@/app/api/v1/benchmarks/[id]/route";
import * as importRoute from "@/app/api/v1/benchmarks/import/route";
import * as profiles from "@/app/api/v1/hardware-profiles/route";
import * as oneProfile from "@/app/api/v1/hardware-profiles/[id]/route";
import { closeDatabase, db } from "@/lib/db";
import { BOOTSTRAP_TOKEN } from "./support/actors";
import { asAdmin, benchmarkBody, callRaw, distribution, makeModel, makeProfile } from "./support/benchmarks";
import { call } from "./support/http";

const fixture = (name: string) => JSON.parse(readFileSync(path.join("tests/fixtures/benchmarks", name), "utf8"));
const post = (json: unknown) => asAdmin(benchmarks.POST, { method: "POST", url: "/api/v1/benchmarks", json });
const list = (query: string) => call(benchmarks.GET, { url: `/api/v1/benchmarks?${query}` });

let model: { id: string; name: string };
let other: { id: string; name: string };
let single: string;
let quad: string;

beforeAll(async () => {
  model = await makeModel("api");
  other = await makeModel("api-other");
  single = await makeProfile(1, 3.6);
  quad = await makeProfile(4, 14.4);
});

afterAll(async () => closeDatabase());

describe("hardware profiles", () => {
  it("lists the default single- and multi-GPU profiles with prices", async () => {
    const res = await call(profiles.GET, { url: "/api/v1/hardware-profiles?page_size=100" });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.data.map((p: { id: string }) => [p.id, p]));
    expect(byId["h100-80gb-x1"]).toMatchObject({ gpu_type: "h100-80gb", gpu_count: 1, gpu_memory_gb: 80, hourly_price_usd: expect.any(Number) });
    expect(byId["h100-80gb-x8"]).toMatchObject({ gpu_count: 8, interconnect: "nvlink", hourly_price_usd: expect.any(Number) });
    expect(Object.keys(byId[single])).toEqual(["id", "name", "gpu_type", "gpu_count", "gpu_memory_gb", "interconnect", "hourly_price_usd", "created_at", "updated_at"]);
  });

  it("lets an admin add one, making its id from the name and its memory from the GPU catalog", async () => {
    const name = `2× NVIDIA L40S ${Date.now()}`;
    const res = await asAdmin(profiles.POST, { method: "POST", url: "/api/v1/hardware-profiles", json: { name, gpu_type: "l40s-48gb", gpu_count: 2, hourly_price_usd: 1.9 } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: `2-nvidia-l40s-${name.split(" ").at(-1)}`, gpu_memory_gb: 48, gpu_count: 2, hourly_price_usd: 1.9 });
    expect(res.headers.get("location")).toBe(`/api/v1/hardware-profiles/${res.body.id}`);
    const again = await asAdmin(profiles.POST, { method: "POST", url: "/api/v1/hardware-profiles", json: { name, gpu_type: "l40s-48gb", gpu_count: 2 } });
    expect(again.status).toBe(409);
    const badGpu = await asAdmin(profiles.POST, { method: "POST", url: "/api/v1/hardware-profiles", json: { name: "x", gpu_type: "voodoo-2", gpu_count: 1 } });
    expect(badGpu.status).toBe(422);
    expect(badGpu.body.error.details.fields.gpu_type[0]).toMatch(/h100-80gb/);
  });

  it("lets an admin change a price, records it in the audit log, and answers 404 for an unknown slug", async () => {
    const res = await asAdmin(oneProfile.PATCH, { method: "PATCH", url: `/api/v1/hardware-profiles/${single}`, params: { id: single }, json: { hourly_price_usd: 4.2 } });
    expect(res.status).toBe(200);
    expect(res.body.hourly_price_usd).toBe(4.2);
    const audit = await (await db()).auditEvent.findFirst({ where: { resourceType: "hardware_profile", resourceId: single, action: "hardware_profile.updated" } });
    expect(audit?.changes).toEqual({ hourly_price_usd: { before: 3.6, after: 4.2 } });
    const missing = await asAdmin(oneProfile.PATCH, { method: "PATCH", url: "/api/v1/hardware-profiles/no-such-gpu-x9", params: { id: "no-such-gpu-x9" }, json: { hourly_price_usd: 1 } });
    expect(missing.status).toBe(404);
    await asAdmin(oneProfile.PATCH, { method: "PATCH", url: `/api/v1/hardware-profiles/${single}`, params: { id: single }, json: { hourly_price_usd: 3.6 } });
  });
});

describe("POST /api/v1/benchmarks", () => {
  it("stores a result: 201, Location, metrics in ms and per second, per-GPU throughput and cost", async () => {
    const res = await post(benchmarkBody(model.id, quad, { throughput: 2000 }));
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/benchmarks/${res.body.id}`);
    expect(res.body).toMatchObject({
      model_id: model.id, model_name: model.name, hardware_profile: quad, source: "api", demo: false,
      configuration: { engine: "vllm", precision: "bf16", input_tokens: 1024, output_tokens: 256, concurrency: 16, num_gpus: 4 },
      output_throughput_per_gpu: 500,
    });
    expect(res.body.metrics.ttft_ms).toEqual(distribution(100));
    // 14.40 USD/h on 2000 tokens/s: 0.004 USD/s / 2000 x 1e6 = 2 USD per million output tokens.
    expect(res.body.cost_per_million_tokens).toBeCloseTo(2, 10);
    const read = await call(oneBenchmark.GET, { url: res.headers.get("location")!, params: { id: res.body.id } });
    expect(read.body).toEqual(res.body);
  });

  it("refuses percentiles out of order and negative rates, naming each field", async () => {
    const body = benchmarkBody(model.id, single);
    body.metrics.ttft_ms = { mean: 50, p50: 60, p90: 55, p95: 70, p99: 80 };
    body.metrics.request_throughput_rps = -1;
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(["metrics.request_throughput_rps", "metrics.ttft_ms.p90"]);
    expect(res.body.error.details.fields["metrics.ttft_ms.p90"][0]).toMatch(/below p50/);
  });

  it("refuses an unknown model or profile, and a GPU count that is not the profile's", async () => {
    const unknown = await post(benchmarkBody("0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b", "no-such-profile"));
    expect(unknown.status).toBe(422);
    expect(Object.keys(unknown.body.error.details.fields).sort()).toEqual(["hardware_profile", "model_id"]);
    const body = benchmarkBody(model.id, quad);
    const gpus = await post({ ...body, configuration: { ...body.configuration, num_gpus: 2 } });
    expect(gpus.status).toBe(422);
    expect(gpus.body.error.details.fields["configuration.num_gpus"][0]).toMatch(/has 4 GPU/);
    expect(await (await db()).benchmark.count({ where: { modelId: model.id, hardwareProfileId: quad, numGpus: 2 } })).toBe(0);
  });

  it("refuses fields it does not know and a missing output throughput", async () => {
    const body = benchmarkBody(model.id, single) as Record<string, unknown>;
    const res = await post({ ...body, metrics: { ...(body.metrics as object), output_throughput_tps: undefined, tokens_per_joule: 3 } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(["metrics", "metrics.output_throughput_tps"]);
  });
});

describe("GET /api/v1/benchmarks", () => {
  beforeAll(async () => {
    for (const [concurrency, precision, engine, throughput] of [[1, "bf16", "vllm", 300], [8, "bf16", "sglang", 1400], [32, "fp8", "vllm", 2600], [8, "fp8", "vllm", 1800]] as const) {
      expect((await post(benchmarkBody(other.id, single, { concurrency, precision, engine, throughput, input_tokens: 512, output_tokens: 128 }))).status).toBe(201);
    }
  });

  it("filters by every field of the bucket and by engine, model and source", async () => {
    const base = `model_id=${other.id}`;
    expect((await list(base)).body.total).toBe(4);
    expect((await list(`${base}&concurrency=8`)).body.total).toBe(2);
    expect((await list(`${base}&precision=fp8`)).body.total).toBe(2);
    expect((await list(`${base}&engine=sglang`)).body.data.map((b: { metrics: { output_throughput_tps: number } }) => b.metrics.output_throughput_tps)).toEqual([1400]);
    expect((await list(`${base}&hardware_profile=${single}&input_tokens=512&output_tokens=128&precision=fp8&concurrency=32`)).body.total).toBe(1);
    expect((await list(`${base}&input_tokens=1024`)).body.total).toBe(0);
    expect((await list(`${base}&source=vllm`)).body.total).toBe(0);
    expect((await list(`${base}&demo=false`)).body.total).toBe(4);
  });

  it("pages and sorts, and refuses an out-of-range page size", async () => {
    const first = await list(`model_id=${other.id}&sort=output_throughput_tps&page_size=3`);
    expect(first.body).toMatchObject({ page: 1, page_size: 3, total: 4, total_pages: 2 });
    expect(first.body.data.map((b: { metrics: { output_throughput_tps: number } }) => b.metrics.output_throughput_tps)).toEqual([2600, 1800, 1400]);
    const second = await list(`model_id=${other.id}&sort=output_throughput_tps&page_size=3&page=2`);
    expect(second.body.data).toHaveLength(1);
    const newest = await list(`model_id=${other.id}`);
    expect(newest.body.data[0].configuration.concurrency).toBe(8);
    expect((await list("page_size=101")).status).toBe(422);
    expect((await list("precision=fp64")).status).toBe(422);
  });

  it("exports every matching row as CSV with Accept: text/csv", async () => {
    const res = await callRaw(benchmarks.GET, `/api/v1/benchmarks?model_id=${other.id}&sort=concurrency&order=asc&page_size=1`, { headers: { accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("x-total-count")).toBe("4");
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(5);
    const header = lines[0].split(",");
    expect(header.slice(0, 4)).toEqual(["id", "model_id", "model_name", "hardware_profile"]);
    expect(header).toContain("ttft_p99_ms");
    expect(header).toContain("cost_per_million_tokens");
    const rows = lines.slice(1).map((line) => Object.fromEntries(line.split(",").map((value, i) => [header[i], value])));
    expect(rows.map((row) => row.concurrency)).toEqual(["1", "8", "8", "32"]);
    expect(rows[0]).toMatchObject({ model_name: other.name, precision: "bf16", engine: "vllm", output_throughput_tps: "300", demo: "false", engine_version: "0.9.1" });
  });
});

describe("POST /api/v1/benchmarks/import", () => {
  const importJson = (json: unknown) => asAdmin(importRoute.POST, { method: "POST", url: "/api/v1/benchmarks/import", json });

  it("imports a vLLM bench serve result with the workload it records", async () => {
    const res = await importJson({ model_id: model.id, hardware_profile: single, result: fixture("vllm-bench-serve.json"), configuration: { precision: "bf16" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: "vllm", configuration: { engine: "vllm", input_tokens: 1024, output_tokens: 256, concurrency: 16, precision: "bf16", num_gpus: 1 } });
    expect(res.body.metrics.ttft_ms.p99).toBe(540.907712);
    expect(res.body.metrics.e2e_latency_ms.p50).toBe(5902.4011873);
  });

  it("imports an LLMPerf summary in milliseconds, taking the engine from the request", async () => {
    const res = await importJson({ model_id: model.id, hardware_profile: single, result: fixture("llmperf-summary.json"), configuration: { precision: "fp8", engine: "tgi" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: "llmperf", configuration: { engine: "tgi", concurrency: 8, input_tokens: 550, output_tokens: 150 } });
    expect(res.body.metrics.ttft_ms.p50).toBeCloseTo(93.2, 9);
    expect(res.body.metrics.error_rate).toBe(0.0125);
  });

  it("says which configuration a result file lacks", async () => {
    const res = await importJson({ model_id: model.id, hardware_profile: single, result: fixture("llmperf-summary.json") });
    expect(res.status).toBe(422);
    expect(res.body.error.details.fields).toEqual({
      "configuration.engine": ["The llmperf result does not say: send it in configuration"],
      "configuration.precision": ["The llmperf result does not say: send it in configuration"],
    });
  });

  it("answers a clear 422 for a file that is none of the formats", async () => {
    const res = await importJson({ model_id: model.id, hardware_profile: single, result: { Type: "POST", "Request Count": 120 }, configuration: { precision: "bf16", engine: "vllm" } });
    expect(res.status).toBe(422);
    expect(res.body.error.details.fields.result[0]).toMatch(/Not a benchmark result file we recognise: expected vLLM/);
  });

  it("takes a GenAI-Perf export as a multipart upload with the configuration as fields", async () => {
    const form = new FormData();
    form.set("file", new Blob([readFileSync("tests/fixtures/benchmarks/genai-perf-profile-export.json")], { type: "application/json" }), "profile_export_genai_perf.json");
    form.set("model_id", model.id);
    form.set("hardware_profile", quad);
    form.set("precision", "fp8");
    form.set("engine", "trt-llm");
    const res = await callRaw(importRoute.POST, "/api/v1/benchmarks/import", { method: "POST", body: form, headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}` } });
    const body = await res.json();
    expect(res.status).toBe(201);
    expect(body).toMatchObject({ source: "genai_perf", configuration: { engine: "trt-llm", precision: "fp8", concurrency: 8, input_tokens: 550, output_tokens: 256, num_gpus: 4 } });
    expect(body.metrics.tpot_ms.p50).toBe(9.1611);
  });

  it("answers 400 for an uploaded file that is not JSON", async () => {
    const form = new FormData();
    form.set("file", new Blob(["duration,completed\n1,2\n"]), "result.csv");
    form.set("model_id", model.id);
    form.set("hardware_profile", single);
    const res = await callRaw(importRoute.POST, "/api/v1/benchmarks/import", { method: "POST", body: form, headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}` } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/The file is not JSON/);
  });
});
