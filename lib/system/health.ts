// The service's health: 200 when it can serve (the database answers), 503 otherwise. ClamAV
// being down is reported but is not by itself a 503.
import { z } from "zod";
import { db, getDatabase } from "@/lib/db";
import { env, version } from "@/lib/env";
import { pingClamd } from "@/lib/scans/clamd-ping";

export const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded", "unavailable"]),
    database: z.object({ status: z.enum(["ok", "unavailable"]), kind: z.enum(["postgres", "pglite"]).nullable() }),
    clamav: z.object({ status: z.enum(["ok", "unavailable"]), host: z.string(), port: z.number() }),
    queue: z.object({ status: z.enum(["ok", "not_configured", "unavailable"]) }),
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
  const [database, clamdUp] = await Promise.all([
    databaseStatus(),
    pingClamd(env.CLAMAV_HOST, env.CLAMAV_PORT),
  ]);
  const clamav = { status: clamdUp ? "ok" : "unavailable", host: env.CLAMAV_HOST, port: env.CLAMAV_PORT } as const;
  const status = database.status !== "ok" ? "unavailable" : clamdUp ? "ok" : "degraded";
  return { status, database, clamav, queue: { status: "not_configured" }, version };
}
