// Importing from the Hub stand-in through the API: each kind of repository, each kind of failure,
// re-import and sync with their history, and the rule that the token never leaves HF_ENDPOINT.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/models/import/route";
import { GET as historyRoute } from "@/app/api/v1/models/[id]/history/route";
import { GET as licenseRoute } from "@/app/api/v1/models/[id]/license/route";
import { GET as revisionsRoute } from "@/app/api/v1/models/[id]/revisions/route";
import { POST as syncRoute } from "@/app/api/v1/models/[id]/sync/route";
import { closeDatabase, db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ModelDto } from "@/lib/models/schema";
import { GRANTED_TOKEN, startHubStandin, UNGRANTED_TOKEN, type HubStandin } from "@/scripts/hub-standin/server";
import { createIdentity } from "./support/actors";
import { call } from "./support/http";

let standin: HubStandin;
let engineer: Record<string, string>;

// The environment is parsed once at start-up; these tests point it at the stand-in and change
// the token between cases, as an operator would by restarting with other settings.
beforeAll(async () => {
  // The files share one database: a repo another file imported would make these imports updates.
  await (await db()).model.deleteMany();
  standin = await startHubStandin();
  env.HF_ENDPOINT = standin.url;
  engineer = { authorization: `Bearer ${(await createIdentity("engineer")).token}` };
});
beforeEach(() => {
  standin.reset();
  env.HUGGINGFACE_TOKEN = undefined;
});
afterAll(async () => {
  await standin.close();
  await closeDatabase();
});

const importRepo = (repo_id: string, extra: Record<string, unknown> = {}) =>
  call(importRoute, { method: "POST", url: "/api/v1/models/import", json: { repo_id, ...extra }, headers: engineer });
const cdnBytes = () => standin.log.filter((entry) => entry.host === "cdn").reduce((sum, entry) => sum + entry.bytes, 0);
const shaOf = (repoId: string) => { const repo = standin.repos.get(repoId.toLowerCase())!; return repo.refs.get("main")!; };

describe("importing each kind of repository", () => {
  it("a dense single-file model: card, config, exact count, license, files, no weights downloaded", async () => {
    const res = await importRepo("Qwen/Qwen2.5-0.5B-Instruct");
    expect(res.status).toBe(201);
    const model = res.body as ModelDto;
    expect(res.headers.get("location")).toBe(`/api/v1/models/${model.id}`);
    expect(model).toMatchObject({
      name: "Qwen/Qwen2.5-0.5B-Instruct", provider: "huggingface", architecture: "Qwen2ForCausalLM", family: "qwen2",
      parameters_exact: 494_032_768, parameter_count: 0.49, context_length: 32768, license_type: "apache-2.0",
      task: "text-generation", license_status: "pending",
      source: { type: "huggingface", repo_id: "Qwen/Qwen2.5-0.5B-Instruct", revision: shaOf("Qwen/Qwen2.5-0.5B-Instruct"), ref: "main", library: "transformers", gated: false },
    });
    expect(model.parameters_exact).toBe(standin.facts.get("Qwen/Qwen2.5-0.5B-Instruct")!.parameters);
    expect(model.description).toMatch(/^Qwen2\.5 is the latest series of Qwen large language models/);
    expect(model.tags).toEqual(expect.arrayContaining(["chat", "transformers", "safetensors", "qwen2"]));
    expect(model.tags.some((tag) => tag.includes(":"))).toBe(false);
    expect(model.config).toMatchObject({ num_hidden_layers: 24, hidden_size: 896, num_attention_heads: 14, num_key_value_heads: 2, head_dim: 64, vocab_size: 151936, torch_dtype: "bfloat16", tie_word_embeddings: true });
    expect(model.requirements).toMatchObject({ weights_gb: { bf16: 0.99 }, kv_cache_bytes_per_token: 12288 });
    // The whole safetensors file is about a gigabyte; the import read its header only.
    expect(cdnBytes()).toBeLessThan(150_000);

    const revisions = await call(revisionsRoute, { url: `/api/v1/models/${model.id}/revisions`, params: { id: model.id } });
    expect(revisions.body.total).toBe(1);
    const files = revisions.body.data[0].files as { path: string; size: number; sha256: string | null; url: string }[];
    const weights = files.find((file) => file.path === "model.safetensors")!;
    expect(weights).toMatchObject({ size: 988_097_824, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(weights.url).toBe(`${standin.url}/Qwen/Qwen2.5-0.5B-Instruct/resolve/${model.source.revision}/model.safetensors`);
    expect(files.find((file) => file.path === "config.json")!.sha256).toBeNull();

    const history = await call(historyRoute, { url: `/api/v1/models/${model.id}/history`, params: { id: model.id } });
    expect(history.body.data.map((event: { action: string }) => event.action)).toContain("model.imported");

    // License detection saw the card's id; the review starts from it.
    const license = await call(licenseRoute, { url: `/api/v1/models/${model.id}/license`, params: { id: model.id } });
    expect(license.body.detected).toMatchObject({ license_type: "apache-2.0", method: "id" });
  });

  it("a sharded model read through its index (30 shards), within the byte budget", async () => {
    const res = await importRepo("nvidia/Llama-3.1-Nemotron-70B-Instruct-HF");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ parameters_exact: 70_553_706_496, architecture: "LlamaForCausalLM", context_length: 131072, license_type: "llama3.1" });
    expect(res.body.parameters_exact).toBe(standin.facts.get("nvidia/Llama-3.1-Nemotron-70B-Instruct-HF")!.parameters);
    expect(standin.bytesServed()).toBeLessThan(2_000_000);
    const shardReads = standin.log.filter((entry) => entry.host === "cdn" && /model-\d{5}-of-00030/.test(decodeURIComponent(entry.path)));
    expect(shardReads).toHaveLength(30);
    expect(shardReads.every((entry) => entry.range?.startsWith("bytes=0-"))).toBe(true);
  });

  it("a mixture-of-experts model, experts and all", async () => {
    const res = await importRepo("mistralai/Mixtral-8x7B-Instruct-v0.1");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ parameters_exact: 46_702_792_704, architecture: "MixtralForCausalLM", family: "mixtral" });
    expect(res.body.config).toMatchObject({ num_experts: 8, num_experts_per_tok: 2, num_key_value_heads: 8 });
    expect(res.body.parameters_exact).toBe(standin.facts.get("mistralai/Mixtral-8x7B-Instruct-v0.1")!.parameters);
  });

  it("a multimodal model: the language model from text_config, the count over every tower", async () => {
    const res = await importRepo("llava-hf/llava-1.5-7b-hf");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ architecture: "LlavaForConditionalGeneration", family: "llava", context_length: 4096, task: "image-text-to-text", license_type: "llama2" });
    expect(res.body.parameters_exact).toBe(7_063_427_072);
    expect(res.body.parameters_exact).toBe(standin.facts.get("llava-hf/llava-1.5-7b-hf")!.parameters);
    expect(res.body.config).toMatchObject({ num_hidden_layers: 32, hidden_size: 4096, vocab_size: 32064, torch_dtype: "float16" });
  });

  it("a GGUF-only repo, through the GGUF header", async () => {
    const res = await importRepo("TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ parameters_exact: 1_100_048_384, architecture: "LlamaForCausalLM", family: "llama", context_length: 2048, license_type: "apache-2.0" });
    expect(res.body.config).toMatchObject({ num_hidden_layers: 22, hidden_size: 2048, num_key_value_heads: 4, vocab_size: 32000 });
    const ggufReads = standin.log.filter((entry) => entry.host === "cdn");
    expect(ggufReads.every((entry) => decodeURIComponent(entry.path).includes("Q4_K_M") && entry.range)).toBe(true);
    expect(cdnBytes()).toBeLessThan(3_000_000);
  });
});

describe("gated, private and missing repositories", () => {
  it("a gated repo: without a token, with a token not granted, then with one that is", async () => {
    const without = await importRepo("meta-llama/Llama-3.1-8B-Instruct");
    expect(without.status).toBe(403);
    expect(without.body.error.details).toMatchObject({ hub_error: "gated", repo_id: "meta-llama/Llama-3.1-8B-Instruct" });
    expect(without.body.error.message).toMatch(/gated.*Accept the model's terms.*set HUGGINGFACE_TOKEN/);

    env.HUGGINGFACE_TOKEN = UNGRANTED_TOKEN;
    const ungranted = await importRepo("meta-llama/Llama-3.1-8B-Instruct");
    expect(ungranted.status).toBe(403);
    expect(ungranted.body.error.message).toMatch(/has not been granted access/);

    env.HUGGINGFACE_TOKEN = GRANTED_TOKEN;
    standin.log.length = 0;
    const granted = await importRepo("meta-llama/Llama-3.1-8B-Instruct");
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ parameters_exact: 8_030_261_248, license_type: "llama3.1", context_length: 131072, source: { gated: "manual" } });
  });

  it("the token is sent to HF_ENDPOINT's host and never to another", async () => {
    env.HUGGINGFACE_TOKEN = GRANTED_TOKEN;
    // 200 when an earlier test imported it already: either way the repo was read again.
    expect([200, 201]).toContain((await importRepo("meta-llama/Llama-3.1-8B-Instruct")).status);
    const hub = standin.log.filter((entry) => entry.host === "hub");
    const cdn = standin.log.filter((entry) => entry.host === "cdn");
    expect(cdn.length).toBeGreaterThan(0);
    expect(cdn.every((entry) => entry.authorization === null)).toBe(true);
    expect(hub.every((entry) => entry.authorization === `Bearer ${GRANTED_TOKEN}`)).toBe(true);
  });

  it("a missing repo, and a private one without and with access", async () => {
    const missing = await importRepo("nobody/no-such-model");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: "not_found", details: { hub_error: "not_found" } });
    expect(missing.body.error.message).toMatch(/No model repository nobody\/no-such-model on the Hub, or it is private/);
    expect((await importRepo("acme-corp/internal-model")).status).toBe(404);
    env.HUGGINGFACE_TOKEN = GRANTED_TOKEN;
    expect((await importRepo("acme-corp/internal-model")).status).toBe(201);
  });

  it("an unknown revision", async () => {
    const res = await importRepo("Qwen/Qwen2.5-0.5B-Instruct", { revision: "v9.9" });
    expect(res.status).toBe(404);
    expect(res.body.error.details.hub_error).toBe("revision_not_found");
  });
});

describe("rate limits and outages", () => {
  it("a 429 that then succeeds: the import waits it out", async () => {
    standin.fail({ path: "/api/models/hf-internal-testing/tiny-random-LlamaForCausalLM/revision", status: 429, retryAfter: "1", times: 1 });
    const res = await importRepo("hf-internal-testing/tiny-random-LlamaForCausalLM");
    expect(res.status).toBe(201);
    expect(res.body.parameters_exact).toBe(1_032_272);
    expect(standin.log.slice(0, 2).map((entry) => entry.status)).toEqual([429, 200]);
  });

  it("a rate limit too long to wait out is answered as 429 with Retry-After", async () => {
    standin.fail({ path: "/api/models/hf-internal-testing", status: 429, retryAfter: "600", times: 1 });
    const res = await importRepo("hf-internal-testing/tiny-random-LlamaForCausalLM");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("600");
    expect(res.body.error).toMatchObject({ code: "rate_limited", details: { hub_error: "rate_limited", retry_after_seconds: 600 } });
  });

  it("an unreachable Hub is a 503 that names the endpoint", async () => {
    env.HF_ENDPOINT = "http://127.0.0.1:9";
    try {
      // Retries back off for a few seconds before giving up.
      const res = await importRepo("Qwen/Qwen2.5-0.5B-Instruct");
      expect(res.status).toBe(503);
      expect(res.body.error.details.hub_error).toBe("unreachable");
      expect(res.body.error.message).toMatch(/127\.0\.0\.1:9 could not be reached/);
    } finally {
      env.HF_ENDPOINT = standin.url;
    }
  }, 30_000);
});

describe("re-import and sync", () => {
  it("re-importing answers 200 with the same model; a sync after a Hub commit records what changed", async () => {
    const first = await importRepo("hf-internal-testing/tiny-random-LlamaForCausalLM");
    expect([200, 201]).toContain(first.status);
    const id = first.body.id as string;
    const again = await importRepo("HF-Internal-Testing/tiny-random-LlamaForCausalLM");
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);

    const commit = standin.commit("hf-internal-testing/tiny-random-LlamaForCausalLM", {
      cardData: { license: "apache-2.0", pipeline_tag: "text-generation" },
      body: "# tiny-random\n\nA tiny Llama for tests, now with a license and a task on its card.\n",
    });
    const synced = await call(syncRoute, { method: "POST", url: `/api/v1/models/${id}/sync`, params: { id }, headers: engineer });
    expect(synced.status).toBe(200);
    expect(synced.body).toMatchObject({ id, license_type: "apache-2.0", task: "text-generation", source: { revision: commit.sha } });
    expect(synced.body.description).toMatch(/now with a license/);

    const history = await call(historyRoute, { url: `/api/v1/models/${id}/history`, params: { id } });
    const event = history.body.data[0];
    expect(event.action).toBe("model.synced");
    expect(Object.keys(event.changes)).toEqual(expect.arrayContaining(["description", "license_type", "task", "source"]));
    expect(event.changes.source.after.revision).toBe(commit.sha);

    const revisions = await call(revisionsRoute, { url: `/api/v1/models/${id}/revisions`, params: { id } });
    expect(revisions.body.data.map((r: { revision: string }) => r.revision)).toEqual([commit.sha, first.body.source.revision]);
    expect(revisions.body.data[0].changed_fields).toEqual(expect.arrayContaining(["license_type", "task"]));
  });

  it("a sync of a model that did not come from the Hub is a 409; of no model, a 404", async () => {
    const { POST: create } = await import("@/app/api/v1/models/route");
    const custom = await call(create, { method: "POST", url: "/api/v1/models", json: { name: `acme/custom-${Date.now()}` }, headers: engineer });
    const conflict = await call(syncRoute, { method: "POST", url: `/api/v1/models/${custom.body.id}/sync`, params: { id: custom.body.id }, headers: engineer });
    expect(conflict.status).toBe(409);
    const missing = await call(syncRoute, { method: "POST", url: "/api/v1/models/00000000-0000-4000-8000-000000000000/sync", params: { id: "00000000-0000-4000-8000-000000000000" }, headers: engineer });
    expect(missing.status).toBe(404);
  });
});

describe("the request body", () => {
  it("takes a repo id or a pasted Hub URL, and refuses anything else with 422", async () => {
    const url = await importRepo("https://huggingface.co/hf-internal-testing/tiny-random-LlamaForCausalLM/tree/main");
    expect([200, 201]).toContain(url.status);
    expect(url.body.name).toBe("hf-internal-testing/tiny-random-LlamaForCausalLM");
    for (const bad of ["", "not a repo id!", "a/b/c", "org--x/name"]) {
      const res = await importRepo(bad);
      expect(res.status, bad).toBe(422);
      expect(res.body.error.details.fields.repo_id).toBeDefined();
    }
  });
});
