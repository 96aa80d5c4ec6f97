// The state of a test database's application tables (the current schema; pg-boss keeps its own):
// a fingerprint of every row, to prove a request changed nothing, and a snapshot to go back to.
import pg from "pg";

/** Columns that change on reads by design, left out of fingerprints: a token's last use. */
const BOOKKEEPING_COLUMNS: Record<string, string[]> = { api_tokens: ["last_used_at"] };

const SNAPSHOT_SCHEMA = "fuzz_snapshot";

export interface DatabaseState {
  /** Per table: row count and an md5 of all its rows. */
  fingerprint(): Promise<Record<string, string>>;
  /** Copies every table aside; restore() puts them back exactly. */
  snapshot(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function openDatabaseState(url: string): Promise<DatabaseState> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array(SELECT a.attname FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                  ORDER BY a.attnum)::text[] AS columns
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
     WHERE c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
     ORDER BY 1`);
  const tables = rows;
  const fingerprintSql = tables
    .map(({ name }) => {
      const ignored = (BOOKKEEPING_COLUMNS[name] ?? []).map((column) => ` - '${column}'`).join("");
      return `SELECT '${name}' AS name, count(*) AS rows, md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS hash
                FROM (SELECT (to_jsonb(t)${ignored})::text AS r FROM ${quote(name)} t) s`;
    })
    .join("\nUNION ALL\n");
  let snapshotFingerprint: Record<string, string> | undefined;

  const fingerprint = async () => {
    const result = await client.query<{ name: string; rows: string; hash: string }>(fingerprintSql);
    return Object.fromEntries(result.rows.map((row) => [row.name, `${row.rows}:${row.hash}`]));
  };

  return {
    fingerprint,
    async snapshot() {
      await client.query(`DROP SCHEMA IF EXISTS ${SNAPSHOT_SCHEMA} CASCADE; CREATE SCHEMA ${SNAPSHOT_SCHEMA}`);
      for (const { name } of tables) await client.query(`CREATE TABLE ${SNAPSHOT_SCHEMA}.${quote(name)} AS TABLE ${quote(name)}`);
      snapshotFingerprint = await fingerprint();
    },
    async restore() {
      if (!snapshotFingerprint) throw new Error("restore() before snapshot()");
      if (changedTables(snapshotFingerprint, await fingerprint()).length === 0) return;
      // Replica mode: no foreign-key or other triggers while the rows go back as they were. DELETE,
      // not TRUNCATE: on tables this small it is many times faster.
      await client.query("BEGIN");
      try {
        await client.query("SET LOCAL session_replication_role = replica");
        for (const { name } of tables) await client.query(`DELETE FROM ${quote(name)}`);
        for (const { name, columns } of tables) {
          const list = columns.map(quote).join(", ");
          await client.query(`INSERT INTO ${quote(name)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM ${SNAPSHOT_SCHEMA}.${quote(name)}`);
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async close() {
      await client.query(`DROP SCHEMA IF EXISTS ${SNAPSHOT_SCHEMA} CASCADE`).catch(() => undefined);
      await client.end();
    },
  };
}

/** The tables whose fingerprints differ, for a failure message. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]).sort();
}
