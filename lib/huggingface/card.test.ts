import { describe, expect, it } from "vitest";
import { cardBody, cardLicense, catalogTags, describeFromCard } from "./card";

const readme = `---
license: apache-2.0
tags:
- chat
---
# Qwen2.5-0.5B-Instruct

<a href="https://chat.qwenlm.ai/"><img src="badge.svg"/></a>

## Introduction

Qwen2.5 is the latest series of **Qwen** large language models. See [the blog](https://qwenlm.github.io) for details.

- Significantly more knowledge.

| Model | Size |
|---|---|
`;

describe("describeFromCard", () => {
  it("takes the prose after the front matter, headings, badges, lists and tables", () => {
    expect(cardBody(readme).startsWith("# Qwen2.5")).toBe(true);
    expect(describeFromCard(readme)).toBe("Qwen2.5 is the latest series of Qwen large language models. See the blog for details.");
  });

  it("caps a long card at about 2,000 characters", () => {
    const long = `# Title\n\n${"word ".repeat(1000)}\n`;
    const description = describeFromCard(long);
    expect(description.length).toBeLessThanOrEqual(2000);
    expect(description.endsWith("…")).toBe(true);
  });

  it("is empty for a card with no prose", () => {
    expect(describeFromCard("---\nlicense: mit\n---\n# Title\n")).toBe("");
  });
});

describe("catalogTags", () => {
  it("drops facet tags and duplicates", () => {
    expect(catalogTags(["transformers", "safetensors", "license:apache-2.0", "region:us", "base_model:Qwen/Qwen2.5-0.5B", "arxiv:2407.10671", "chat", "chat", "en", "endpoints_compatible"])).toEqual(["transformers", "safetensors", "chat", "en"]);
  });
});

describe("cardLicense", () => {
  it("uses the id, or for 'other' the license_name", () => {
    expect(cardLicense({ license: "llama3.1" })).toEqual({ id: "llama3.1", name: null, link: null });
    expect(cardLicense({ license: "other", license_name: "qwen", license_link: "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE" })).toMatchObject({ id: "qwen", link: expect.stringContaining("LICENSE") });
    expect(cardLicense({ license: "other" }).id).toBe("other");
    expect(cardLicense({})).toEqual({ id: null, name: null, link: null });
  });
});
