// The committed migrations and the Prisma schema (prisma/schema/*.prisma) must describe the same database: this fails when
// one is changed without the other.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/connect";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { readDatabaseShape } from "./support/database-shape";
import { readPrismaSchema } from "./support/prisma-schema";
import { createScratchDatabase } from "./support/scratch-database";

const key = (columns: string[], table: string) => `${table}(${columns.join(",")})`;

describe("migrations", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let client: pg.Client;

  beforeAll(async () => {
    scratch = await createScratchDatabase("drift");
    const database = await openDatabase({ url: scratch.url, dataDir: "unused" });
    await database.close();
    client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await scratch?.drop();
  });

  it("match schema.prisma: tables, columns, types, nullability, enums, indexes, foreign keys", async () => {
    const files = (await readdir("prisma/schema")).filter((f) => f.endsWith(".prisma"));
    const source = (await Promise.all(files.map((f) => readFile(path.join("prisma/schema", f), "utf8")))).join("\n");
    const expected = readPrismaSchema(source);
    const actual = await readDatabaseShape(client);

    const actualTables = [...new Set(actual.columns.map((c) => c.table))].sort();
    expect(actualTables).toEqual([...expected.tables.keys()].sort());
    for (const [table, columns] of expected.tables) {
      const inDatabase = actual.columns.filter((c) => c.table === table).map(({ name, type, nullable }) => ({ name, type, nullable }));
      expect(inDatabase, `columns of ${table}`).toEqual(
        expect.arrayContaining(columns.map((c) => expect.objectContaining(c))),
      );
      expect(inDatabase.map((c) => c.name).sort(), `no extra columns in ${table}`).toEqual(columns.map((c) => c.name).sort());
    }
    expect(Object.fromEntries(actual.enums.map((e) => [e.name, e.values]))).toEqual(Object.fromEntries(expected.enums));
    const describeIndex = (i: { table: string; columns: string[]; unique: boolean; method: string }) =>
      `${key(i.columns, i.table)} ${i.unique ? "unique " : ""}${i.method}`;
    expect(actual.indexes.map(describeIndex).sort()).toEqual(expected.indexes.map(describeIndex).sort());
    const describeKey = (k: { table: string; columns: string[]; references: string; referencedColumns: string[]; onDelete: string }) =>
      `${key(k.columns, k.table)} -> ${key(k.referencedColumns, k.references)} on delete ${k.onDelete}`;
    expect(actual.foreignKeys.map(describeKey).sort()).toEqual(expected.foreignKeys.map(describeKey).sort());
  });

  it("apply once: a second start applies nothing, and an edited migration is refused", async () => {
    const migrations = await readMigrations();
    const connection = {
      exec: async (sql: string) => void (await client.query(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
      transaction: async (fn: (tx: never) => Promise<void>) => fn(connection as never),
    };
    expect(await applyMigrations(connection, migrations)).toEqual([]);
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(applyMigrations(connection, edited)).rejects.toThrow(/edited after it was applied/);
    const { rows } = await client.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
  });
});
