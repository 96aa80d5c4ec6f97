// npm run worker: a process that runs queued jobs (artifact scans above all) next to the servers,
// for more scanning capacity. Needs DATABASE_URL (PostgreSQL): the embedded database is one
// process only, and the server already runs workers on it. SCAN_CONCURRENCY scans at once.
import { closeDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startJobs } from "@/lib/jobs/start";
import { log } from "@/lib/log";
import { stopScanSweeps } from "@/lib/scans/jobs";

if (!env.DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL): the embedded database is used by the server alone, which runs its own workers.");
  process.exit(2);
}

await startJobs({ scanWorkers: true });
log.info("worker started", { pid: process.pid, scanConcurrency: env.SCAN_CONCURRENCY, clamd: `${env.CLAMAV_HOST}:${env.CLAMAV_PORT}` });

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    stopScanSweeps();
    stopBoss().catch(() => undefined).finally(() => closeDatabase().finally(() => process.exit(0)));
  });
}
