// The scheduled refresh: it fires on its cron, refreshes, and when two server processes (this
// one and a child process) both register the schedule and a worker, each tick refreshes once.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { inject } from "vitest";
import { afterAll, describe, expect, it } from "vitest";
import { PgBoss } from "pg-boss";
import { closeDatabase, db } from "@/lib/db";
import { registerLeaderboardJobs } from "@/lib/leaderboard/job";

const SCHEMA = "pgboss_schedule_test";
// Every minute, the finest a cron expression fires; the first pass sends the current minute's.
const CRON = "* * * * *";

let local: PgBoss | undefined;
let child: ChildProcess | undefined;

async function startChild(): Promise<ChildProcess> {
  // One node process with tsx's loader (not the tsx CLI, which would put a second process between us).
  const process_ = spawn(process.execPath, ["--import", "tsx", "tests/integration/support/leaderboard-worker.ts"], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), PGBOSS_SCHEMA: SCHEMA, CRON },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  process_.stdout!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (!output.includes("ready")) {
    if (Date.now() > deadline || process_.exitCode !== null) throw new Error(`worker process did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return process_;
}

const scheduledRefreshes = async () =>
  (await db()).leaderboardRefresh.findMany({ where: { trigger: "schedule" }, orderBy: { startedAt: "asc" } });

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
  await local?.stop({ graceful: false, timeout: 1000 });
  await closeDatabase();
});

describe("the scheduled leaderboard refresh", () => {
  it("fires on its cron and refreshes once per tick across two processes", { timeout: 90_000 }, async () => {
    const before = await (await db()).leaderboardRefresh.count({ where: { trigger: "schedule" } });
    expect(before).toBe(0);
    child = await startChild();
    local = new PgBoss({ connectionString: inject("databaseUrl"), schema: SCHEMA, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 });
    await local.start();
    await registerLeaderboardJobs(local, { cron: CRON });

    const deadline = Date.now() + 45_000;
    while ((await scheduledRefreshes()).length === 0) {
      expect(Date.now(), "no scheduled refresh within 45 s").toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Both processes run a cron pass every second: give them several more to refresh twice.
    await new Promise((resolve) => setTimeout(resolve, 8_000));

    const refreshes = await scheduledRefreshes();
    const perMinute = new Map<string, number>();
    for (const refresh of refreshes) {
      const minute = refresh.startedAt.toISOString().slice(0, 16);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    expect([...perMinute.values()].every((count) => count === 1), JSON.stringify([...perMinute])).toBe(true);
    expect(refreshes.length).toBeLessThanOrEqual(2);
    const audit = await (await db()).auditEvent.findFirst({ where: { action: "leaderboard.refreshed", actorLabel: "scheduled leaderboard refresh" } });
    expect(audit).not.toBeNull();
  });
});
