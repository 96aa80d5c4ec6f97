// The knowledge base file: every license of the domain table, texts that exist, terms that agree
// with each other, and the migration that loads it.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCatalogLicense, licenseCatalog } from "./catalog";

const domainIds = [
  "apache-2.0", "mit", "llama2", "llama3", "llama3.1", "llama3.3", "llama3.2", "llama4", "gemma", "qwen", "qwen-research",
  "deepseek", "creativeml-openrail-m", "openrail++", "bigscience-openrail-m", "bigcode-openrail-m", "bigscience-bloom-rail-1.0",
  "cc-by-4.0", "cc-by-nc-4.0", "mrl", "gpl-3.0", "agpl-3.0",
];
const usual = ["bsd-3-clause", "cc-by-sa-4.0", "cc-by-nc-sa-4.0", "openrail"];

describe("the license knowledge base", () => {
  it("holds every license of the domain table and the usual software licenses, 25 at least", () => {
    const ids = licenseCatalog.map((l) => l.id);
    for (const id of [...domainIds, ...usual]) expect(ids).toContain(id);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("no id or alias names two licenses", () => {
    const keys = licenseCatalog.flatMap((l) => [l.id, ...l.aliases]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("has the domain table's facts", () => {
    const terms = (id: string) => findCatalogLicense(id)!.terms;
    for (const id of ["llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4"]) expect(terms(id).mau_limit).toBe(700_000_000);
    expect(terms("qwen").mau_limit).toBe(100_000_000);
    for (const id of ["qwen-research", "cc-by-nc-4.0", "mrl", "cc-by-nc-sa-4.0"]) {
      expect(terms(id)).toMatchObject({ commercial_use: false, non_commercial_only: true });
    }
    expect(terms("llama3").naming_requirement).toContain('"Llama 3"');
    expect(terms("llama3.1").attribution).toContain("Built with Llama");
    expect(terms("llama3.2").region_restrictions).toContain("European Union");
    expect(terms("llama4").region_restrictions).toContain("European Union");
    expect(terms("llama3.1").region_restrictions).toBeNull();
    expect(terms("gemma").pass_through_restrictions).toBe(true);
    expect(terms("agpl-3.0").copyleft).toBe("network");
    expect(terms("apache-2.0")).toMatchObject({ commercial_use: true, acceptable_use_policy: null, mau_limit: null });
  });

  it("terms agree with each other and with the category", () => {
    for (const l of licenseCatalog) {
      if (l.terms.non_commercial_only) expect(l.terms.commercial_use, l.id).toBe(false);
      if (l.category === "non_commercial") expect(l.terms.non_commercial_only, l.id).toBe(true);
      if (l.category === "permissive") expect(l.terms.copyleft, l.id).toBe("none");
      for (const key of Object.keys(l.term_notes)) expect(Object.keys(l.terms), `${l.id} note on ${key}`).toContain(key);
    }
  });

  it("every text file exists and says where it comes from; every license without text says why", () => {
    const files = readdirSync("lib/licenses/texts");
    for (const l of licenseCatalog) {
      if (!l.text) {
        expect(l.notes, l.id).toMatch(/text/i);
        continue;
      }
      expect(files, l.id).toContain(l.text.file);
      const header = readFileSync(path.join("lib/licenses/texts", l.text.file), "utf8").split("\n")[0];
      expect(header, l.id).toMatch(/^# /);
      if (!l.text.complete) expect(readFileSync(path.join("lib/licenses/texts", l.text.file), "utf8"), l.id).toContain("PASSAGES ONLY");
    }
  });

  it("the migration loads every license of the file", () => {
    const dir = "prisma/migrations";
    const sql = readdirSync(dir).filter((d) => existsSync(path.join(dir, d, "migration.sql"))).map((d) => readFileSync(path.join(dir, d, "migration.sql"), "utf8")).join("\n");
    for (const l of licenseCatalog) expect(sql, l.id).toContain(`('${l.id}', `);
  });
});
