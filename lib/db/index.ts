// The process's one database handle, opened (and migrated) on first use.
import { dataDir, env } from "@/lib/env";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { processWide } from "@/lib/process-wide";
import { openDatabase, type Database } from "./connect";

const holder = processWide<{ current?: Promise<Database> }>("database", () => ({}));

export function getDatabase(): Promise<Database> {
  if (!holder.current) {
    const opening = openDatabase({ url: env.DATABASE_URL, dataDir });
    // A failed open (database down) is retried by the next caller, not cached forever.
    opening.catch(() => {
      if (holder.current === opening) holder.current = undefined;
    });
    holder.current = opening;
  }
  return holder.current;
}

export async function db(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** A read straight through the driver, without Prisma (Database.query): for the hottest reads only. */
export async function directQuery<T>(sql: Prisma.Sql): Promise<T[]> {
  return (await getDatabase()).query<T>(sql);
}

export async function closeDatabase(): Promise<void> {
  const opening = holder.current;
  holder.current = undefined;
  if (opening) await (await opening).close();
}
