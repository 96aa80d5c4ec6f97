// The scheduled refresh. pg-boss files each cron occurrence under one singleton key per minute
// slot, so however many processes register this schedule, a tick sends one job, and one worker
// takes it; the refresh's advisory lock also serialises it with an admin's refresh.
import type { PgBoss } from "pg-boss";
import { refreshLeaderboard } from "./service";

export const REFRESH_QUEUE = "leaderboard-refresh";

const system = { actor: { type: "system" as const, label: "scheduled leaderboard refresh" } };

export async function registerLeaderboardJobs(boss: PgBoss, { cron }: { cron: string }): Promise<void> {
  await boss.createQueue(REFRESH_QUEUE, { policy: "singleton", retryLimit: 2, retryDelay: 30 });
  await boss.schedule(REFRESH_QUEUE, cron, null, { tz: "UTC" });
  await boss.work(REFRESH_QUEUE, async () => {
    await refreshLeaderboard("schedule", system);
  });
}
