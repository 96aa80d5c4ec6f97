// The requirements endpoint on real model records, and the catalog's "fits on" filter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/models/route";
import { GET as requirementsRoute } from "@/app/api/v1/models/[id]/requirements/route";
import { closeDatabase } from "@/lib/db";
import { gpuTypes } from "@/lib/hardware/gpus";
import { createModel } from "@/lib/models/service";
import { modelInputSchema, type ModelDto } from "@/lib/models/schema";
import { call } from "./support/http";

const system = { actor: { type: "system" as const, label: "requirements test" } };
const suffix = Date.now().toString(36);
let llama8b: ModelDto;
let llama70b: ModelDto;
let bare: ModelDto;

beforeAll(async () => {
  const config8b = { num_hidden_layers: 32, hidden_size: 4096, intermediate_size: 14336, num_attention_heads: 32, num_key_value_heads: 8, head_dim: 128, vocab_size: 128256 };
  llama8b = await createModel(modelInputSchema.parse({ name: `req/llama-8b-${suffix}`, parameters_exact: 8_030_261_248, context_length: 131072, config: config8b, tags: ["fits-test"] }), system);
  llama70b = await createModel(modelInputSchema.parse({ name: `req/llama-70b-${suffix}`, parameters_exact: 70_553_706_496, context_length: 131072, config: { ...config8b, num_hidden_layers: 80, hidden_size: 8192, intermediate_size: 28672, num_attention_heads: 64 }, tags: ["fits-test"] }), system);
  bare = await createModel(modelInputSchema.parse({ name: `req/unknown-${suffix}`, tags: ["fits-test"] }), system);
});
afterAll(async () => closeDatabase());

const requirements = (model: ModelDto, query = "") =>
  call(requirementsRoute, { url: `/api/v1/models/${model.id}/requirements${query}`, params: { id: model.id } });

describe("GET /api/v1/models/{id}/requirements", () => {
  it("defaults to bf16, 8K context, one sequence, and answers for every GPU type", async () => {
    const res = await requirements(llama8b);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      precision: "bf16", context_length: 8192, concurrency: 1, parameters: 8_030_261_248, parameters_source: "exact",
      weights_gb: { bf16: 16.06, fp8: 8.03, int8: 8.03, int4: 4.02 }, kv_cache_bytes_per_token: 131072,
      memory: { weights_gb: 16.06, kv_cache_gb: 1.07, overhead_gb: 1, total_gb: 18.13, min_gpu_memory_gb: 20.1 },
      gpu_memory_utilization: 0.9,
    });
    expect(res.body.memory.min_gpu_memory_gb).toBe(llama8b.requirements.min_gpu_memory_gb);
    expect(res.body.hardware.map((h: { gpu_type: string }) => h.gpu_type)).toEqual(gpuTypes.map((g) => g.id));
    const byGpu = Object.fromEntries(res.body.hardware.map((h: { gpu_type: string }) => [h.gpu_type, h]));
    expect(byGpu["h100-80gb"]).toMatchObject({ fits_one_card: true, cards_needed: 1, max_context_one_card: 131072 });
    expect(byGpu["t4-16gb"]).toMatchObject({ fits_one_card: false, cards_needed: 2 });
    for (const name of ["H100 80GB", "H200 141GB", "A100 40GB", "A100 80GB", "L40S 48GB", "L4 24GB", "A10G 24GB", "RTX 4090 24GB", "MI300X 192GB"]) {
      expect(res.body.hardware.some((h: { name: string }) => h.name.includes(name)), name).toBe(true);
    }
    expect(res.body.context_grid.map((row: { context_length: number }) => row.context_length)).toEqual([4096, 8192, 16384, 32768, 65536, 131072]);
    expect(res.body.context_grid.at(-1).cards_needed["l4-24gb"]).toBe(2);
  });

  it("follows precision, context length, concurrency and KV cache dtype", async () => {
    const res = await requirements(llama70b, "?precision=int4&context_length=32768&concurrency=4&kv_cache_dtype=fp8");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ precision: "int4", context_length: 32768, concurrency: 4, kv_cache_dtype: "fp8", kv_cache_bytes_per_token: 163840 });
    expect(res.body.memory.kv_cache_gb).toBe(21.47);
    const h100 = res.body.hardware.find((h: { gpu_type: string }) => h.gpu_type === "h100-80gb");
    expect(h100).toMatchObject({ fits_one_card: true, cards_needed: 1 });
    const bf16 = await requirements(llama70b, "?context_length=131072");
    expect(bf16.body.hardware.find((h: { gpu_type: string }) => h.gpu_type === "h100-80gb").cards_needed).toBe(4);
  });

  it("refuses a context longer than the model's, and values out of range", async () => {
    const tooLong = await requirements(llama8b, "?context_length=262144");
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.details.fields.context_length).toBeDefined();
    expect((await requirements(llama8b, "?precision=fp4")).status).toBe(422);
    expect((await requirements(llama8b, "?concurrency=0")).status).toBe(422);
  });

  it("says what is missing for a model with no parameter count or architecture", async () => {
    const res = await requirements(bare);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ parameters: null, memory: null, hardware: [], context_grid: [] });
    expect(res.body.notes[0]).toMatch(/parameter count is not known/);
  });

  it("is a 404 for an unknown model", async () => {
    const res = await call(requirementsRoute, { url: "/api/v1/models/x/requirements", params: { id: "00000000-0000-4000-8000-000000000000" } });
    expect(res.status).toBe(404);
  });
});

describe("GET /api/v1/models?fits_on=", () => {
  const names = async (gpu: string) =>
    (await call(listRoute, { url: `/api/v1/models?q=fits-test&fits_on=${gpu}&page_size=100` })).body.data.map((m: ModelDto) => m.name).filter((n: string) => n.endsWith(suffix));

  it("keeps the models whose default requirements fit one card of that GPU", async () => {
    expect(await names("h100-80gb")).toEqual([llama8b.name]);
    expect(await names("mi300x-192gb")).toEqual(expect.arrayContaining([llama8b.name, llama70b.name]));
    expect(await names("t4-16gb")).toEqual([]);
  });

  it("refuses a GPU type it does not know", async () => {
    expect((await call(listRoute, { url: "/api/v1/models?fits_on=tpu-v5" })).status).toBe(422);
  });
});
