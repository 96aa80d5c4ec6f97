// Reads the shape of a migrated database from PostgreSQL's catalogs.
import type pg from "pg";

export async function readDatabaseShape(client: pg.Client) {
  const columns = await client.query<{ table: string; name: string; type: string; nullable: boolean }>(`
    SELECT c.relname AS table, a.attname AS name, NOT a.attnotnull AS nullable,
           CASE WHEN t.typtype = 'e' THEN 'enum:' || t.typname
                WHEN et.typtype = 'e' THEN 'enum:' || et.typname || '[]'
                ELSE format_type(a.atttypid, a.atttypmod) END AS type
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
     WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'
     ORDER BY 1, 2`);
  const enums = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = current_schema()
     GROUP BY t.typname`);
  const indexes = await client.query<{ table: string; columns: string[]; unique: boolean; method: string }>(`
    SELECT tc.relname AS table, i.indisunique AS unique, am.amname AS method,
           array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_class tc ON tc.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = tc.relnamespace AND n.nspname = current_schema()
      JOIN pg_am am ON am.oid = ic.relam
     WHERE tc.relname <> '_prisma_migrations'`);
  const foreignKeys = await client.query<{ table: string; columns: string[]; references: string; referencedColumns: string[]; onDelete: string }>(`
    SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS references,
           array(SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = ANY(c.conkey))::text[] AS columns,
           array(SELECT attname FROM pg_attribute WHERE attrelid = c.confrelid AND attnum = ANY(c.confkey))::text[] AS "referencedColumns",
           CASE c.confdeltype WHEN 'a' THEN 'NoAction' WHEN 'r' THEN 'Restrict' WHEN 'c' THEN 'Cascade'
                              WHEN 'n' THEN 'SetNull' ELSE 'SetDefault' END AS "onDelete"
      FROM pg_constraint c
      JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = current_schema()
     WHERE c.contype = 'f'`);
  return { columns: columns.rows, enums: enums.rows, indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}
