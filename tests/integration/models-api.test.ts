// The catalog API against a real PostgreSQL database, through the real route handlers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/models/route";
import * as item from "@/app/api/v1/models/[id]/route";
import { closeDatabase, db } from "@/lib/db";
import { BOOTSTRAP_TOKEN } from "./support/actors";
import { call } from "./support/http";

// Writes need an identity: these tests act as the bootstrap admin (permissions.test.ts covers who may).
const write: typeof call = (handler, options = {}) =>
  call(handler, { ...options, headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}`, ...options.headers } });

const llama = {
  name: "meta-llama/Llama-3.1-8B-Instruct",
  description: "Instruction-tuned Llama 3.1 with 8B parameters.",
  provider: "huggingface",
  architecture: "LlamaForCausalLM",
  family: "llama",
  parameters_exact: 8030261248,
  context_length: 131072,
  license_type: "llama3.1",
  license_restrictions: { mau_limit: 700000000 },
  task: "text-generation",
  tags: ["llama", "instruct"],
  source: { type: "huggingface", repo_id: "meta-llama/Llama-3.1-8B-Instruct", revision: null },
  config: { num_hidden_layers: 32, hidden_size: 4096, intermediate_size: 14336, num_attention_heads: 32, num_key_value_heads: 8, vocab_size: 128256 },
};

const others = [
  { name: "mistralai/Mistral-7B-v0.1", parameters_exact: 7241732096, context_length: 32768, license_type: "apache-2.0", architecture: "MistralForCausalLM", provider: "huggingface", tags: ["mistral"], description: "A dense 7B model." },
  { name: "mistralai/Mixtral-8x7B-v0.1", parameters_exact: 46702792704, context_length: 32768, license_type: "apache-2.0", architecture: "MixtralForCausalLM", provider: "huggingface", tags: ["mistral", "moe"], description: "Sparse mixture of experts." },
  { name: "Qwen/Qwen2.5-3B-Instruct", parameters_exact: 3085938688, context_length: 32768, license_type: "qwen-research", architecture: "Qwen2ForCausalLM", provider: "huggingface", tags: ["qwen"], description: "Research-only license." },
  { name: "acme/internal-coder", parameter_count: 13, context_length: 16384, license_type: "mit", provider: "custom", tags: ["code"], description: "Our own code model, running locally." },
  { name: "acme/restricted", parameter_count: 1.5, license_type: "apache-2.0", license_restrictions: { commercial_use: false }, provider: "custom", description: "Apache weights but a contract forbids commercial use." },
];

beforeAll(async () => {
  await (await db()).model.deleteMany();
});

afterAll(async () => {
  await closeDatabase();
});

describe("POST /api/v1/models", () => {
  it("registers a model: 201, Location, snake_case output with derived fields", async () => {
    const res = await write(collection.POST, { method: "POST", url: "/api/v1/models", json: llama });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/models/${res.body.id}`);
    expect(res.body).toMatchObject({
      name: llama.name, parameter_count: 8.03, parameters_exact: 8030261248, context_length: 131072,
      license_status: "pending", scan_status: "not_scanned", provider: "huggingface", tags: ["llama", "instruct"],
    });
    // Requirements worked out from the exact count and the architecture (domain.md's maths).
    expect(res.body.requirements.weights_gb.bf16).toBe(16.06);
    expect(res.body.requirements.kv_cache_bytes_per_token).toBe(131072);
    expect(res.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Object.keys(res.body)).not.toContain("search_vector");
    expect(Object.keys(res.body)).not.toContain("searchVector");
    for (const model of others) {
      expect((await write(collection.POST, { method: "POST", url: "/api/v1/models", json: model })).status).toBe(201);
    }
  });

  it("409 when the name is taken, and nothing changes", async () => {
    const res = await write(collection.POST, { method: "POST", url: "/api/v1/models", json: { name: llama.name } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
    expect(await (await db()).model.count()).toBe(1 + others.length);
  });

  it.each([
    ["malformed JSON", { body: "{bad", headers: { "content-type": "application/json" } }, 400, "bad_request"],
    ["wrong content type", { body: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }, 400, "bad_request"],
    ["empty body", { body: "", headers: { "content-type": "application/json" } }, 400, "bad_request"],
    ["a JSON array", { json: [1, 2] }, 422, "validation_failed"],
    ["an unknown field", { json: { name: "a/b", colour: "red" } }, 422, "validation_failed"],
    ["a read-only field", { json: { name: "a/b", scan_status: "clean" } }, 422, "validation_failed"],
    ["wrong types", { json: { name: 5, context_length: "long", tags: "x" } }, 422, "validation_failed"],
    ["a huge string", { json: { name: "x".repeat(5000) } }, 422, "validation_failed"],
    ["counts that disagree", { json: { name: "a/b", parameter_count: 70, parameters_exact: 8030261248 } }, 422, "validation_failed"],
    ["a body over 1 MiB", { json: { name: "a/b", description: "x".repeat(1_100_000) } }, 413, "payload_too_large"],
  ])("rejects %s with the one error shape", async (_label, request, status, code) => {
    const before = await (await db()).model.count();
    const res = await write(collection.POST, { method: "POST", url: "/api/v1/models", ...request });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Object) } });
    expect(await (await db()).model.count()).toBe(before);
  });

  it("422 lists each field", async () => {
    const res = await write(collection.POST, { method: "POST", url: "/api/v1/models", json: { name: "", context_length: -1, colour: 1 } });
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(["body", "context_length", "name"]);
  });
});

describe("GET /api/v1/models", () => {
  const list = (query: string) => call(collection.GET, { url: `/api/v1/models?${query}` });
  const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((m) => m.name);

  it("pages with the envelope", async () => {
    const res = await list("page_size=2&sort=name");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, page_size: 2, total: 6, total_pages: 3 });
    // Names sort in the database's byte order (upper case first), the same on every page.
    expect(names(res)).toEqual(["Qwen/Qwen2.5-3B-Instruct", "acme/internal-coder"]);
    const all = [...names(res), ...names(await list("page_size=2&sort=name&page=2")), ...names(await list("page_size=2&sort=name&page=3"))];
    expect(all).toEqual([llama.name, ...others.map((m) => m.name)].sort());
    const beyond = await list("page_size=2&page=9");
    expect(beyond.body).toMatchObject({ data: [], total: 6, total_pages: 3 });
  });

  it("ranks text search by relevance: a name match beats a description match", async () => {
    const res = await list("q=mistral");
    expect(names(res).slice(0, 2).sort()).toEqual(["mistralai/Mistral-7B-v0.1", "mistralai/Mixtral-8x7B-v0.1"]);
    expect(names(await list("q=mixtral"))).toEqual(["mistralai/Mixtral-8x7B-v0.1"]);
    // Prefixes and parts of repo ids are words too.
    expect(names(await list("q=qwen2"))).toEqual(["Qwen/Qwen2.5-3B-Instruct"]);
    expect(names(await list("q=experts"))).toEqual(["mistralai/Mixtral-8x7B-v0.1"]);
    expect(names(await list("q=code"))).toEqual(["acme/internal-coder"]);
    expect(names(await list("q=%27%3B%20drop%20table%20models%3B%20--"))).toEqual([]);
  });

  it("filters: provider, architecture, license, params, context, commercial use", async () => {
    expect(names(await list("provider=custom&sort=name"))).toEqual(["acme/internal-coder", "acme/restricted"]);
    expect(names(await list("architecture=MixtralForCausalLM"))).toEqual(["mistralai/Mixtral-8x7B-v0.1"]);
    expect(names(await list("license_type=llama3.1"))).toEqual([llama.name]);
    expect(names(await list("min_params=7&max_params=10&sort=parameter_count&order=asc"))).toEqual(["mistralai/Mistral-7B-v0.1", llama.name]);
    expect(names(await list("min_context=100000"))).toEqual([llama.name]);
    expect(names(await list("commercial_use=false&sort=name"))).toEqual(["Qwen/Qwen2.5-3B-Instruct", "acme/restricted"]);
    expect((await list("commercial_use=true")).body.total).toBe(4);
    expect((await list("license_status=pending")).body.total).toBe(6);
    expect((await list("scan_status=clean")).body.total).toBe(0);
  });

  it("sorts with NULLs last", async () => {
    expect(names(await list("sort=context_length&order=desc")).at(-1)).toBe("acme/restricted");
    expect(names(await list("sort=parameter_count&order=desc"))[0]).toBe("mistralai/Mixtral-8x7B-v0.1");
  });

  it.each([
    "page_size=10000", "page_size=0", "page=0", "page=abc", "sort=password", "order=sideways",
    "provider=nobody", "min_params=-1", "min_params=5&max_params=1", "commercial_use=yes", "colour=red",
    "page=1&page=2",
  ])("422 for %s", async (query) => {
    const res = await list(query);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(Object.keys(res.body.error.details.fields).length).toBeGreaterThan(0);
  });
});

describe("one model", () => {
  const idOf = async (name: string) => (await (await db()).model.findUniqueOrThrow({ where: { name } })).id;

  it("GET returns it; a malformed or unknown id is a 404", async () => {
    const id = await idOf(llama.name);
    const res = await call(item.GET, { params: { id } });
    expect(res.body.name).toBe(llama.name);
    for (const bad of ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "'; --"]) {
      const missing = await call(item.GET, { params: { id: bad } });
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe("not_found");
    }
  });

  it("PATCH changes only what is sent and keeps the rest", async () => {
    const id = await idOf(llama.name);
    const res = await write(item.PATCH, { method: "PATCH", params: { id }, json: { description: "Patched", tags: ["x"] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ description: "Patched", tags: ["x"], parameters_exact: 8030261248, context_length: 131072, license_type: "llama3.1" });
    expect(res.body.config).toMatchObject({ num_hidden_layers: 32 });
    expect(new Date(res.body.updated_at) >= new Date(res.body.created_at)).toBe(true);
    expect((await write(item.PATCH, { method: "PATCH", params: { id }, json: {} })).status).toBe(422);
    expect((await write(item.PATCH, { method: "PATCH", params: { id }, json: { name: "mistralai/Mistral-7B-v0.1" } })).status).toBe(409);
  });

  it("PUT replaces the editable metadata: what is left out goes back to defaults", async () => {
    const id = await idOf("acme/internal-coder");
    const res = await write(item.PUT, { method: "PUT", params: { id }, json: { name: "acme/internal-coder-v2", parameter_count: 14 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, name: "acme/internal-coder-v2", parameter_count: 14, context_length: null, tags: [], description: "", provider: "custom" });
    // The search index follows the rename.
    const found = await call(collection.GET, { url: "/api/v1/models?q=v2" });
    expect(found.body.data.map((m: { id: string }) => m.id)).toEqual([id]);
  });

  it("DELETE answers 204, then the model is gone (404)", async () => {
    const id = await idOf("acme/restricted");
    const res = await write(item.DELETE, { method: "DELETE", params: { id } });
    expect(res.status).toBe(204);
    expect((await call(item.GET, { params: { id } })).status).toBe(404);
    expect((await write(item.DELETE, { method: "DELETE", params: { id } })).status).toBe(404);
  });
});
