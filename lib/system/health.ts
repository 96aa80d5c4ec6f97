// The service's health: 200 when it can serve (the database answers), 503 otherwise. ClamAV
// being down is reported but is not by itself a 503.
import { z } from "zod";
import { db, getDatabase } from "@/lib/db";
import { env, version } from "@/lib/env";
import { clamavHealth, clamavHealthSchema, queueHealth, queueHealthSchema } from "@/lib/scans/health";

export const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded", "unavailable"]),
    database: z.object({ status: z.enum(["ok", "unavailable"]), kind: z.enum(["postgres", "pglite"]).nullable() }),
    clamav: clamavHealthSchema,
    queue: queueHealthSchema,
    version: z.string(),
  })
  .meta({ id: "Health" });

export type Health = z.infer<typeof healthSchema>;

async function databaseStatus(): Promise<Health["database"]> {
  try {
    const { kind } = await getDatabase();
    await (await db()).$queryRaw`SELECT 1`;
    return { status: "ok", kind };
  } catch {
    return { status: "unavailable", kind: env.DATABASE_URL ? "postgres" : "pglite" };
  }
}

export async function checkHealth(): Promise<Health> {
  const [database, clamav, queue] = await Promise.all([databaseStatus(), clamavHealth(), queueHealth()]);
  const status = database.status !== "ok" ? "unavailable" : clamav.status === "ok" && queue.status !== "unavailable" ? "ok" : "degraded";
  return { status, database, clamav, queue, version };
}
