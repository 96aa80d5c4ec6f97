// Catalog list answers are reused until the catalog changes, including changes made outside this
// process (written here with plain SQL, as a worker or another server would).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/models/route";
import { closeDatabase, db } from "@/lib/db";
import { cachedCatalogAnswer } from "@/lib/models/list-cache";
import { BOOTSTRAP_TOKEN } from "./support/actors";
import { call } from "./support/http";

const admin = { authorization: `Bearer ${BOOTSTRAP_TOKEN}` };
const listTotal = async (query: string) => (await call(collection.GET, { url: `/api/v1/models?${query}` })).body.total as number;

beforeAll(async () => {
  await (await db()).model.deleteMany();
  for (const name of ["cachetest/alpha", "cachetest/beta"]) {
    const created = await call(collection.POST, { method: "POST", url: "/api/v1/models", headers: admin, json: { name, provider: "custom", parameter_count: 7, license_type: "apache-2.0" } });
    expect(created.status).toBe(201);
  }
});

afterAll(closeDatabase);

describe("catalog list cache", () => {
  it("reads once while the catalog is unchanged, and again after any write to models", async () => {
    let reads = 0;
    const read = async () => ++reads;
    expect(await cachedCatalogAnswer("probe", read)).toBe(1);
    expect(await cachedCatalogAnswer("probe", read)).toBe(1);
    await (await db()).$executeRawUnsafe(`UPDATE models SET description = 'changed elsewhere' WHERE name = 'cachetest/alpha'`);
    expect(await cachedCatalogAnswer("probe", read)).toBe(2);
  });

  it("shows models written by another process at once", async () => {
    expect(await listTotal("q=cachetest")).toBe(2);
    await (await db()).$executeRawUnsafe(
      `INSERT INTO models (id, name, provider, parameter_count, updated_at) VALUES (gen_random_uuid(), 'cachetest/gamma', 'custom', 7, now())`,
    );
    expect(await listTotal("q=cachetest")).toBe(3);
    await (await db()).$executeRawUnsafe(`DELETE FROM models WHERE name = 'cachetest/gamma'`);
    expect(await listTotal("q=cachetest")).toBe(2);
  });

  it("follows license knowledge-base changes in the commercial_use filter", async () => {
    const before = await listTotal("q=cachetest&commercial_use=true");
    expect(before).toBe(2);
    await (await db()).$executeRawUnsafe(`UPDATE licenses SET commercial_use = false WHERE id = 'apache-2.0'`);
    try {
      expect(await listTotal("q=cachetest&commercial_use=true")).toBe(0);
    } finally {
      await (await db()).$executeRawUnsafe(`UPDATE licenses SET commercial_use = true WHERE id = 'apache-2.0'`);
    }
    expect(await listTotal("q=cachetest&commercial_use=true")).toBe(2);
  });
});
