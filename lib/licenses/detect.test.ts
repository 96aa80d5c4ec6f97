// Detection on real license texts (the SPDX texts shipped in lib/licenses/texts), edited copies,
// licenses outside the knowledge base and text that is no license at all.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { licenseCatalog } from "./catalog";
import { detectByText, detectLicense } from "./detect";

const read = (file: string) => readFileSync(path.join("lib/licenses", file), "utf8");
const text = (id: string) => read(`texts/${id}.txt`);

describe("detectLicense by the card's id, name or link", () => {
  it("takes a known id (and SPDX spellings) as it is", async () => {
    expect(await detectLicense({ id: "apache-2.0" })).toEqual({ license_type: "apache-2.0", method: "id", confidence: 1 });
    expect(await detectLicense({ id: "Apache-2.0" })).toMatchObject({ license_type: "apache-2.0", method: "id" });
    expect(await detectLicense({ id: "GPL-3.0-only" })).toMatchObject({ license_type: "gpl-3.0", method: "id" });
    expect(await detectLicense({ id: "llama3.1" })).toMatchObject({ license_type: "llama3.1", method: "id" });
  });

  it("for `other`, uses license_name, then license_link", async () => {
    expect(await detectLicense({ id: "other", name: "qwen" })).toMatchObject({ license_type: "qwen", method: "name", confidence: 0.95 });
    expect(await detectLicense({ id: "other", name: "qwen-research", link: "LICENSE" })).toMatchObject({ license_type: "qwen-research", method: "name" });
    expect(await detectLicense({ id: "other", name: "Mistral AI Research License" })).toMatchObject({ license_type: "mrl", method: "name" });
    expect(await detectLicense({ id: "other", name: "deepseek" })).toMatchObject({ license_type: "deepseek", method: "name" });
    expect(await detectLicense({ id: "other", name: "my-license", link: "https://mistral.ai/licenses/MRL-0.1.md" })).toMatchObject({ license_type: "mrl", method: "link", confidence: 0.9 });
    expect(await detectLicense({ id: "other", link: "http://www.apache.org/licenses/LICENSE-2.0.txt" })).toMatchObject({ license_type: "apache-2.0", method: "link" });
    expect(await detectLicense({ id: "other", link: "https://ai.google.dev/gemma/terms/" })).toMatchObject({ license_type: "gemma", method: "link" });
  });

  it("falls back to the LICENSE text when the name and link say nothing", async () => {
    const result = await detectLicense({ id: "other", name: "custom-license", link: "LICENSE", text: text("llama3.2") });
    expect(result).toMatchObject({ license_type: "llama3.2", method: "text" });
    expect(result.confidence).toBeGreaterThan(0.9);
  });

  it("keeps an id the Hub knows and we do not, at half confidence; says unknown when nothing is given", async () => {
    expect(await detectLicense({ id: "cc-by-nd-4.0" })).toMatchObject({ license_type: "cc-by-nd-4.0", method: "id", confidence: 0.5 });
    expect(await detectLicense({ id: "other" })).toEqual({ license_type: null, method: "none", confidence: 0 });
    expect(await detectLicense({})).toEqual({ license_type: null, method: "none", confidence: 0 });
  });
});

describe("detectByText", () => {
  it.each(licenseCatalog.filter((l) => l.text).map((l) => [l.id]))("finds %s from its own text", async (id) => {
    const result = await detectByText(text(id));
    expect(result.license_type).toBe(id);
    expect(result.confidence).toBeGreaterThanOrEqual(0.8);
    expect(result.candidates?.[0]).toEqual({ license_type: id, score: 1 });
  });

  it("ignores case, white space, punctuation and the copyright line", async () => {
    const mit = text("mit").replace("Copyright (c) <year> <copyright holders>", "Copyright (C) 2019-2024 ACME Robotics GmbH");
    const messy = mit.toUpperCase().replace(/[ \t]+/g, "  \t ").replace(/\n/g, "\r\n\r\n").replace(/[.,;:]/g, " ! ");
    expect(await detectByText(messy)).toMatchObject({ license_type: "mit", confidence: 1 });
  });

  it("finds a license whose company name was changed throughout", async () => {
    const renamed = text("llama2").replaceAll("Meta", "Acme").replaceAll("META", "ACME");
    const result = await detectByText(renamed);
    expect(result.license_type).toBe("llama2");
    expect(result.confidence).toBeLessThan(1);
    expect(result.confidence).toBeGreaterThan(0.85);
  });

  it("finds a license with a clause removed, with less confidence", async () => {
    const apache = text("apache-2.0").replace(/9\. Accepting Warranty or Additional Liability[\s\S]*$/, "");
    const result = await detectByText(apache);
    expect(result.license_type).toBe("apache-2.0");
    expect(result.confidence).toBeLessThan(0.95);
    const llama = await detectByText(text("llama2").replace(/v\. You will not use the Llama Materials[^\n]*\n/, ""));
    expect(llama.license_type).toBe("llama2");
  });

  it("tells apart licenses that share most of their text", async () => {
    expect((await detectByText(text("llama3.1"))).candidates?.[1]?.score).toBeLessThan(1);
    expect((await detectByText(text("agpl-3.0"))).license_type).toBe("agpl-3.0");
    expect((await detectByText(text("gpl-3.0"))).license_type).toBe("gpl-3.0");
    expect((await detectByText(text("cc-by-nc-4.0"))).license_type).toBe("cc-by-nc-4.0");
    expect((await detectByText(text("qwen"))).license_type).toBe("qwen");
    // MIT without its one condition is MIT-0, a different license: reported as MIT, but not with confidence.
    const mit0 = await detectByText(read("fixtures/mit-0.txt"));
    expect(mit0.confidence).toBeLessThan(0.9);
  });

  it("finds a passages-only license inside a full copy that has more around it", async () => {
    const full = `Model license\n\n${text("creativeml-openrail-m")}\n\nAttachment B: contact details and further definitions that our copy does not hold.\n`;
    expect(await detectByText(full)).toMatchObject({ license_type: "creativeml-openrail-m" });
    expect((await detectByText(`# LICENSE\n\n${text("mrl")}\n## 4. More sections\nMore text.`)).license_type).toBe("mrl");
  });

  it.each([
    ["the Boost license", "fixtures/bsl-1.0.txt"],
    ["the Eclipse Public License 2.0", "fixtures/epl-2.0.txt"],
    ["the zlib license", "fixtures/zlib.txt"],
  ])("says unknown for %s, which is not in the knowledge base", async (_name, file) => {
    const result = await detectByText(read(file));
    expect(result.license_type).toBeNull();
    expect(result.method).toBe("text");
    expect(result.confidence).toBeLessThan(0.5);
  });

  it("says unknown for text that is no license (a README) and for half a license", async () => {
    const readme = readFileSync("README.md", "utf8");
    expect(await detectByText(readme)).toMatchObject({ license_type: null, method: "text" });
    const half = await detectByText(text("gpl-3.0").slice(0, 12_000));
    expect(half.license_type).toBeNull();
    expect(half.candidates?.[0]?.license_type).toBe("gpl-3.0");
  });
});
