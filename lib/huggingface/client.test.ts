import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHubStandin, type HubStandin } from "@/scripts/hub-standin/server";
import { createHubClient } from "./client";

let standin: HubStandin;
beforeAll(async () => {
  // Small tree pages, so the listing's Link pagination is followed.
  standin = await startHubStandin({ treePageSize: 2 });
});
afterAll(async () => standin.close());

describe("createHubClient().snapshot", () => {
  it("reads info, every page of the tree, the card, config and LICENSE, and the weights' headers", async () => {
    const snapshot = await createHubClient({ endpoint: standin.url }).snapshot("qwen/qwen2.5-0.5b-instruct");
    const repo = standin.repos.get("qwen/qwen2.5-0.5b-instruct")!;
    expect(snapshot.repoId).toBe("Qwen/Qwen2.5-0.5B-Instruct");
    expect(snapshot.sha).toBe(repo.refs.get("main"));
    expect(snapshot.files.map((f) => f.path).sort()).toEqual([...repo.revisions.get(snapshot.sha)!.files.keys()].sort());
    expect(snapshot.readme).toContain("# Qwen2.5-0.5B-Instruct");
    expect(snapshot.config).toMatchObject({ model_type: "qwen2" });
    expect(snapshot.license?.path).toBe("LICENSE");
    expect(snapshot.license?.text).toContain("Apache License");
    expect(snapshot.weights).toMatchObject({ format: "safetensors", parameters: 494_032_768, files: ["model.safetensors"] });
    // Every content read was pinned to the commit, not to "main".
    expect(standin.log.filter((e) => e.path.includes("/resolve/")).every((e) => e.path.includes(`/resolve/${snapshot.sha}/`))).toBe(true);
  });

  it("pins a requested revision", async () => {
    const before = standin.repos.get("hf-internal-testing/tiny-random-llamaforcausallm")!.refs.get("main")!;
    standin.commit("hf-internal-testing/tiny-random-LlamaForCausalLM", { cardData: { license: "mit" } });
    const snapshot = await createHubClient({ endpoint: standin.url }).snapshot("hf-internal-testing/tiny-random-LlamaForCausalLM", before);
    expect(snapshot).toMatchObject({ sha: before, ref: before });
    expect(snapshot.cardData.license).toBeUndefined();
  });
});
