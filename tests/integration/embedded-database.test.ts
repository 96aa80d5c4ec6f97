// The embedded default: with no DATABASE_URL the same code runs on PGlite in a data folder.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "budmodel-pglite-"));
  process.env.DATABASE_URL = "";
  process.env.BUDMODEL_DATA_DIR = dataDir;
});

afterAll(async () => {
  const { closeDatabase } = await import("@/lib/db");
  await closeDatabase();
  await rm(dataDir, { recursive: true, force: true });
});

describe("embedded PGlite database", () => {
  it("migrates on open, serves the catalog code, seeds the demo catalog and keeps data across reopen", async () => {
    const { getDatabase, closeDatabase } = await import("@/lib/db");
    const service = await import("@/lib/models/service");
    const { seedDemoCatalog } = await import("@/lib/seed/demo-catalog");
    expect((await getDatabase()).kind).toBe("pglite");

    const seeded = await seedDemoCatalog();
    expect(seeded.created).toBeGreaterThanOrEqual(40);
    expect((await seedDemoCatalog()).created).toBe(0);

    const page = await service.listModels({ page: 1, page_size: 5, q: "mixtral", min_params: 40 });
    expect(page.data.map((m) => m.name)).toContain("mistralai/Mixtral-8x7B-v0.1");
    const created = await service.createModel({
      name: "acme/pglite-check", description: "", provider: "custom", license_restrictions: {}, requirements: {},
      tags: ["embedded"], source: { type: "custom" }, parameters_exact: 1_000_000_000,
    }, { actor: { type: "system", label: "test" } });
    expect(created.parameter_count).toBe(1);

    // The driver read (the by-id fast path) gives the values $queryRaw gives, on PGlite too.
    const { directQuery, db } = await import("@/lib/db");
    const { Prisma } = await import("@/lib/generated/prisma/client");
    const sql = Prisma.sql`SELECT parameters_exact, created_at, requirements, tags, 9007199254740993::int8 AS beyond_double
      FROM models WHERE id = ${created.id}::uuid`;
    const [direct] = await directQuery<Record<string, unknown>>(sql);
    expect(direct).toEqual((await (await db()).$queryRaw<Record<string, unknown>[]>(sql))[0]);
    expect(direct.beyond_double).toBe(9007199254740993n);

    await closeDatabase();
    const reopened = await service.getModelOrThrow(created.id);
    expect(reopened.tags).toEqual(["embedded"]);
    // PGlite opens its WebAssembly Postgres twice here and seeds the catalog: slow on a busy machine.
  }, 180_000);

  it("refuses a data folder that another live process holds", async () => {
    const { closeDatabase } = await import("@/lib/db");
    const { openDatabase } = await import("@/lib/db/connect");
    await closeDatabase();
    const other = await mkdtemp(path.join(tmpdir(), "budmodel-locked-"));
    await writeFile(path.join(other, "pglite.pid"), String(process.ppid));
    await expect(openDatabase({ dataDir: other })).rejects.toThrow(/in use by process/);
    await rm(other, { recursive: true, force: true });
  });
});
