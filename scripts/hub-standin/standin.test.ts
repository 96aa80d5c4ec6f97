import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRANTED_TOKEN, startHubStandin, UNGRANTED_TOKEN, type HubStandin } from "./server";
import { decoderTensors, parameterSum, shardTensors } from "./shapes";

let standin: HubStandin;
beforeAll(async () => {
  standin = await startHubStandin({ treePageSize: 3 });
});
afterAll(async () => standin.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${standin.url}${path}`, { headers, redirect: "manual" });

describe("fixture repos", () => {
  it("hold the published exact counts of the models they imitate", () => {
    const published: Record<string, number> = {
      "Qwen/Qwen2.5-0.5B-Instruct": 494_032_768,
      "meta-llama/Llama-3.1-8B-Instruct": 8_030_261_248,
      "mistralai/Mixtral-8x7B-Instruct-v0.1": 46_702_792_704,
      "llava-hf/llava-1.5-7b-hf": 7_063_427_072,
      "TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF": 1_100_048_384,
      "nvidia/Llama-3.1-Nemotron-70B-Instruct-HF": 70_553_706_496,
    };
    for (const [id, count] of Object.entries(published)) expect(standin.facts.get(id)?.parameters, id).toBe(count);
  });

  it("split tensors into exactly the shards asked for, in order", () => {
    const tensors = decoderTensors({ layers: 80, hidden: 8192, intermediate: 28672, heads: 64, kvHeads: 8, vocab: 128256, tied: false, dtype: "BF16" });
    const shards = shardTensors(tensors, 30);
    expect(shards).toHaveLength(30);
    expect(shards.flat()).toEqual(tensors);
    expect(parameterSum(shards.flat())).toBe(70_553_706_496);
  });
});

describe("the Hub's answers", () => {
  it("model info, pinned to the revision's sha", async () => {
    const info = await (await get("/api/models/Qwen/Qwen2.5-0.5B-Instruct/revision/main?expand=sha&expand=cardData")).json();
    expect(info).toMatchObject({ id: "Qwen/Qwen2.5-0.5B-Instruct", sha: expect.stringMatching(/^[0-9a-f]{40}$/), cardData: { license: "apache-2.0" } });
    expect(info.tags).toBeUndefined();
  });

  it("a tree listing in pages linked by Link headers, LFS files with their sha256", async () => {
    const first = await get("/api/models/Qwen/Qwen2.5-0.5B-Instruct/tree/main?recursive=true");
    expect((await first.json()).length).toBe(3);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")?.[1];
    expect(next).toBeDefined();
    const all: { path: string }[] = [];
    for (let url: string | undefined = `${standin.url}/api/models/Qwen/Qwen2.5-0.5B-Instruct/tree/main?recursive=true`; url;) {
      const page: Response = await fetch(url);
      all.push(...(await page.json()));
      url = /<([^>]+)>; rel="next"/.exec(page.headers.get("link") ?? "")?.[1];
    }
    expect(all.find((entry) => entry.path === "model.safetensors")).toMatchObject({ size: 988_097_824, lfs: { oid: expect.stringMatching(/^[0-9a-f]{64}$/), size: 988_097_824 } });
  });

  it("resolves LFS files by redirecting to the download host, which serves byte ranges", async () => {
    const redirect = await get("/Qwen/Qwen2.5-0.5B-Instruct/resolve/main/model.safetensors", { Range: "bytes=0-7" });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("x-linked-size")).toBe("988097824");
    const location = redirect.headers.get("location")!;
    expect(location.startsWith(standin.cdnUrl)).toBe(true);
    const head = await fetch(location, { headers: { Range: "bytes=0-7" } });
    expect(head.status).toBe(206);
    expect(head.headers.get("content-range")).toBe("bytes 0-7/988097824");
    expect(Buffer.from(await head.arrayBuffer()).readBigUInt64LE(0)).toBeGreaterThan(0n);
    expect((await fetch(location, { headers: { Range: "bytes=988097824-" } })).status).toBe(416);
  });

  it("answers gated, private and missing repos as the Hub does", async () => {
    const gated = "/meta-llama/Llama-3.1-8B-Instruct/resolve/main/config.json";
    expect((await get(gated)).headers.get("x-error-code")).toBe("GatedRepo");
    expect((await get(gated)).status).toBe(401);
    expect((await get(gated, { authorization: `Bearer ${UNGRANTED_TOKEN}` })).status).toBe(403);
    expect((await get(gated, { authorization: `Bearer ${GRANTED_TOKEN}` })).status).toBe(200);
    expect((await get("/api/models/meta-llama/Llama-3.1-8B-Instruct/revision/main")).status).toBe(200);
    const hidden = await get("/api/models/acme-corp/internal-model/revision/main");
    expect([hidden.status, hidden.headers.get("x-error-code")]).toEqual([401, "RepoNotFound"]);
    expect((await get("/api/models/acme-corp/internal-model/revision/main", { authorization: `Bearer ${GRANTED_TOKEN}` })).status).toBe(200);
    expect((await get("/api/models/nobody/nothing/revision/main", { authorization: `Bearer ${GRANTED_TOKEN}` })).status).toBe(404);
    expect((await get("/api/models/Qwen/Qwen2.5-0.5B-Instruct/revision/v9")).headers.get("x-error-code")).toBe("RevisionNotFound");
  });

  it("injects failures and makes new revisions on commit", async () => {
    standin.fail({ path: "/api/models/Qwen", status: 429, retryAfter: "7", times: 1 });
    const limited = await get("/api/models/Qwen/Qwen2.5-0.5B-Instruct/revision/main");
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "7"]);
    const before = (await (await get("/api/models/Qwen/Qwen2.5-0.5B-Instruct/revision/main")).json()).sha;
    const revision = standin.commit("Qwen/Qwen2.5-0.5B-Instruct", { cardData: { license: "mit" } });
    const after = await (await get("/api/models/Qwen/Qwen2.5-0.5B-Instruct/revision/main")).json();
    expect(after.sha).toBe(revision.sha);
    expect(after.sha).not.toBe(before);
    expect((await get(`/api/models/Qwen/Qwen2.5-0.5B-Instruct/revision/${before}`)).status).toBe(200);
    standin.reset();
  });
});
