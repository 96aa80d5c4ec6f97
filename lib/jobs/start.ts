// Every queue's workers and schedules, started once per server process (lib/server-start.ts).
// Each domain adds its registration here; all share the one queue of lib/jobs/boss.ts.
import { registerRunWorker } from "@/lib/benchmarks/runs/job";
import { registerLeaderboardJobs } from "@/lib/leaderboard/job";
import { env } from "@/lib/env";
import { registerScanJobs } from "@/lib/scans/jobs";
import { getBoss } from "./boss";

/** `scanWorkers`: run artifact scans in this process (the server does unless SCAN_WORKERS_IN_SERVER=false; `npm run worker` does). */
export async function startJobs({ scanWorkers = env.SCAN_WORKERS_IN_SERVER === "true" }: { scanWorkers?: boolean } = {}): Promise<void> {
  const boss = await getBoss();
  await registerRunWorker(boss);
  await registerLeaderboardJobs(boss, { cron: env.LEADERBOARD_UPDATE_INTERVAL });
  await registerScanJobs(boss, { work: scanWorkers });
}
