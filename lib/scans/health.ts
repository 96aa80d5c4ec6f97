// What the health check says about scanning: clamd (answering, engine and signature version) and
// the scan queue (started, with the scans waiting and running).
import { z } from "zod";
import { env } from "@/lib/env";
import { bossStarted, getBoss } from "@/lib/jobs/boss";
import { db } from "@/lib/db";
import { clamdCommand, parseVersion } from "./scanners/clamd";
import { SCAN_QUEUE } from "./jobs";

export const clamavHealthSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  host: z.string(),
  port: z.number(),
  version: z.string().nullable().meta({ description: "clamd's engine version, e.g. ClamAV 1.4.6" }),
  signatures: z.string().nullable().meta({ description: "The official signature database's version and date; null when clamd runs on custom signatures only" }),
});

export const queueHealthSchema = z.object({
  status: z.enum(["ok", "not_configured", "unavailable"]),
  scans: z.object({ queued: z.number().int(), running: z.number().int() }).nullable(),
  workers_in_process: z.number().int().meta({ description: "Scan workers this process runs (SCAN_CONCURRENCY, 0 when SCAN_WORKERS_IN_SERVER=false)" }),
});

export async function clamavHealth(): Promise<z.infer<typeof clamavHealthSchema>> {
  const base = { host: env.CLAMAV_HOST, port: env.CLAMAV_PORT };
  const [pong, version] = await Promise.all([
    clamdCommand(env.CLAMAV_HOST, env.CLAMAV_PORT, "PING"),
    clamdCommand(env.CLAMAV_HOST, env.CLAMAV_PORT, "VERSION"),
  ]);
  if (pong !== "PONG") return { status: "unavailable", ...base, version: null, signatures: null };
  const parsed = version ? parseVersion(version) : null;
  return {
    status: "ok", ...base, version: parsed?.engine ?? null,
    signatures: parsed?.signatures ? `${parsed.signatures}${parsed.signature_date ? ` (${parsed.signature_date})` : ""}` : null,
  };
}

export async function queueHealth(): Promise<z.infer<typeof queueHealthSchema>> {
  const workers = env.SCAN_WORKERS_IN_SERVER === "true" ? env.SCAN_CONCURRENCY : 0;
  if (!bossStarted()) return { status: "not_configured", scans: null, workers_in_process: 0 };
  try {
    const boss = await Promise.race([getBoss(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000))]);
    await boss.getQueue(SCAN_QUEUE);
    const groups = await (await db()).scan.groupBy({ by: ["status"], where: { status: { in: ["queued", "running"] } }, _count: { _all: true } });
    const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
    return { status: "ok", scans: { queued: count("queued"), running: count("running") }, workers_in_process: workers };
  } catch {
    return { status: "unavailable", scans: null, workers_in_process: workers };
  }
}
