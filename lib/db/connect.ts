// Opens the database: PostgreSQL when DATABASE_URL is set, else embedded PGlite in the data
// folder. Both are served through the same Prisma client and migrated on open.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { applyMigrations, readMigrations, type MigrationConnection } from "./migrate";
import { acquireDataDirLock } from "./lock";

export type DatabaseKind = "postgres" | "pglite";

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** The embedded database itself, for the job queue to share (pg-boss's fromPglite); null on PostgreSQL. */
  pglite: PGlite | null;
  /**
   * One statement straight through the driver, outside any transaction. For the hottest reads
   * only: Prisma's own work per query costs several times a primary-key lookup (npm run bench:api).
   * Values come back as $queryRaw gives them (int8 as bigint, timestamps as Date, JSON parsed).
   */
  query<T>(sql: Prisma.Sql): Promise<T[]>;
  close(): Promise<void>;
}

// Serialises concurrent start-ups against one PostgreSQL database.
const MIGRATION_LOCK_KEY = 840_721_001;
// A server that does not answer (dropped packets rather than a refusal) fails a request with 503
// after this long instead of holding it for the operating system's TCP timeout.
const CONNECT_TIMEOUT_MS = 10_000;

// The drivers' parsers, but int8 as bigint, as Prisma gives it (pg's default is a string, PGlite's a number).
const INT8_OID = 20;
const bigintTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? BigInt : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const bigintParsers = { [INT8_OID]: (value: string) => BigInt(value) };

export async function openDatabase(options: { url?: string; dataDir: string }): Promise<Database> {
  const migrations = await readMigrations();
  if (options.url) return openPostgres(options.url, migrations);
  return openPglite(options.dataDir, migrations);
}

async function openPostgres(
  url: string,
  migrations: Awaited<ReturnType<typeof readMigrations>>,
): Promise<Database> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const connection: MigrationConnection = {
      exec: async (sql) => void (await client.query(sql)),
      query: async (sql, params) => (await client.query(sql, params)).rows,
      transaction: async (fn) => {
        await client.query("BEGIN");
        try {
          await fn(connection);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      },
    };
    await applyMigrations(connection, migrations);
  } finally {
    await client.end();
  }
  // Prisma's adapter passes its own parsers with each query; `types` serves query() below.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, types: bigintTypes });
  // An idle client losing its server (a restart) must not crash the process.
  pool.on("error", (error) => console.error(JSON.stringify({ level: "error", msg: "pg pool", error: error.message })));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    pglite: null,
    query: async <T>(sql: Prisma.Sql) => (await pool.query(sql.text, sql.values)).rows as T[],
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

async function openPglite(
  dataDir: string,
  migrations: Awaited<ReturnType<typeof readMigrations>>,
): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const releaseLock = await acquireDataDirLock(dataDir);
  const pglite = new PGlite(path.join(dataDir, "pglite"));
  await pglite.waitReady;
  const connection: MigrationConnection = {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    transaction: async (fn) =>
      void (await pglite.transaction(async (tx) =>
        fn({
          exec: async (sql) => void (await tx.exec(sql)),
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
        }),
      )),
  };
  await applyMigrations(connection, migrations);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "pglite",
    prisma,
    pglite,
    query: async <T>(sql: Prisma.Sql) => (await pglite.query<T>(sql.text, sql.values, { parsers: bigintParsers })).rows,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      await releaseLock();
    },
  };
}
