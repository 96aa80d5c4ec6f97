// A throw-away PostgreSQL database for the benchmark: created fresh, migrated with the app's own
// migrations (openDatabase), dropped at the end.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "@/lib/db/connect";

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** The server to create the database on (any database of it; "postgres" by default). */
export const adminUrl = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `budmodel_bench_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };
  try {
    // Migrate exactly as the app does on start-up (openDatabase applies prisma/migrations).
    const database = await openDatabase({ url, dataDir: "/nonexistent-unused" });
    await database.close();
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { name, url, drop };
}
