// The process's one database handle, opened (and migrated) on first use.
import { dataDir, env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase, type Database } from "./connect";

const holder = globalThis as unknown as { budmodelDatabase?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  if (!holder.budmodelDatabase) {
    const opening = openDatabase({ url: env.DATABASE_URL, dataDir });
    // A failed open (database down) is retried by the next caller, not cached forever.
    opening.catch(() => {
      if (holder.budmodelDatabase === opening) holder.budmodelDatabase = undefined;
    });
    holder.budmodelDatabase = opening;
  }
  return holder.budmodelDatabase;
}

export async function db(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

export async function closeDatabase(): Promise<void> {
  const opening = holder.budmodelDatabase;
  holder.budmodelDatabase = undefined;
  if (opening) await (await opening).close();
}
