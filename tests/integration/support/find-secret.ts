// Where a secret has landed: every row of every table in the test database (the app's tables and
// pg-boss's job tables alike), searched as text, and whole API responses.
import { expect } from "vitest";
import { db } from "@/lib/db";

/** "schema.table" of each table holding `needle` anywhere in a row. */
export async function tablesHolding(needle: string): Promise<string[]> {
  const prisma = await db();
  const tables = await prisma.$queryRawUnsafe<{ schema: string; name: string }[]>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const holding: string[] = [];
  for (const { schema, name } of tables) {
    const quoted = `"${schema.replaceAll('"', '""')}"."${name.replaceAll('"', '""')}"`;
    const [{ count }] = await prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM ${quoted} AS t WHERE strpos(t::text, $1) > 0`,
      needle,
    );
    if (count > 0) holding.push(`${schema}.${name}`);
  }
  return holding;
}

/** The search itself must find what is known to be stored: here a run's id, in its row and its job. */
export async function expectSearchFindsRun(runId: string): Promise<void> {
  expect(await tablesHolding(runId), "the search finds a run's id in its row and in pg-boss's job table").toEqual(
    expect.arrayContaining(["public.benchmark_runs", expect.stringMatching(/^pgboss\./)]),
  );
}

export function expectNotIn(values: unknown[], needle: string, what: string): void {
  for (const value of values) expect(JSON.stringify(value), what).not.toContain(needle);
}
