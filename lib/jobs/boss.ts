// The process's one job queue (pg-boss), started on first use: on PostgreSQL through its own
// pool on DATABASE_URL, on the embedded database through the very PGlite instance Prisma uses
// (PGlite is one process, one connection). Every domain's queues and schedules share it; they
// are registered in lib/jobs/start.ts.
import { fromPglite, PgBoss } from "pg-boss";
import { getDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { processWide } from "@/lib/process-wide";

const holder = processWide<{ current?: Promise<PgBoss> }>("job queue", () => ({}));

async function startBoss(): Promise<PgBoss> {
  const database = await getDatabase();
  // How often jobs whose worker died (missed heartbeats) are found and retried.
  const supervise = { superviseIntervalSeconds: env.QUEUE_SUPERVISE_SECONDS, monitorIntervalSeconds: env.QUEUE_SUPERVISE_SECONDS };
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: "pglite", ...supervise })
    : new PgBoss({ connectionString: env.DATABASE_URL!, max: 4, ...supervise });
  boss.on("error", (error) => log.error("job queue", { error: error.message }));
  await boss.start();
  return boss;
}

export function getBoss(): Promise<PgBoss> {
  if (!holder.current) {
    const starting = startBoss();
    // A failed start (database down) is retried by the next caller, not cached forever.
    starting.catch(() => {
      if (holder.current === starting) holder.current = undefined;
    });
    holder.current = starting;
  }
  return holder.current;
}

/** Whether the queue has been started in this process (health reports it without starting it). */
export function bossStarted(): boolean {
  return holder.current !== undefined;
}

/** Stops workers and schedules' polling; call before closing the database (PGlite above all). */
export async function stopBoss(): Promise<void> {
  const starting = holder.current;
  holder.current = undefined;
  if (!starting) return;
  const boss = await starting.catch(() => null);
  await boss?.stop({ graceful: true, timeout: 10_000 });
}
