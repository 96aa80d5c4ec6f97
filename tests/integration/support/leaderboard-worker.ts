// A second server process for the schedule test: its own job queue client on the same database,
// registering the same leaderboard schedule and worker as every server does. Run with tsx.
import { PgBoss } from "pg-boss";
import { closeDatabase } from "@/lib/db";
import { registerLeaderboardJobs } from "@/lib/leaderboard/job";

const boss = new PgBoss({
  connectionString: process.env.DATABASE_URL!,
  schema: process.env.PGBOSS_SCHEMA!,
  cronMonitorIntervalSeconds: 1,
  cronWorkerIntervalSeconds: 1,
});
boss.on("error", (error) => console.error(error.message));
await boss.start();
await registerLeaderboardJobs(boss, { cron: process.env.CRON! });
console.log("ready");

process.once("SIGTERM", () => {
  boss.stop({ graceful: false, timeout: 1000 }).finally(() => closeDatabase().finally(() => process.exit(0)));
});
