// What the server does once at start-up.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { ensureConfiguredAdmin, ensureDemoAdmin } from "@/lib/auth/service";
import { closeDatabase, getDatabase } from "@/lib/db";
import { dataDir, env } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startJobs } from "@/lib/jobs/start";
import { log } from "@/lib/log";
import { refreshAtStartup } from "@/lib/leaderboard/service";
import { syncLicenseCatalog } from "@/lib/licenses/sync";
import { seedDemoBenchmarks } from "@/lib/seed/demo-benchmark-seed";
import { seedIfEmpty } from "@/lib/seed/demo-catalog";

export async function startServer(): Promise<void> {
  try {
    const { kind } = await getDatabase();
    let demoBenchmarks = 0;
    await syncLicenseCatalog();
    await ensureConfiguredAdmin();
    if (kind === "pglite" && env.BUDMODEL_SEED_DEMO === "true") {
      await seedIfEmpty();
      demoBenchmarks = await seedDemoBenchmarks();
      const demo = await ensureDemoAdmin();
      if (demo) {
        const file = path.join(dataDir, "demo-admin.txt");
        await writeFile(/*turbopackIgnore: true*/ file, `email: ${demo.email}\npassword: ${demo.password}\n`, { mode: 0o600 });
        // The password goes to the file only: logs are often shipped and kept where others read them.
        log.info("demo admin created: its e-mail and password are in the file; sign in at /signin", { email: demo.email, file });
      }
    }
    log.info("database ready", { kind });
    await refreshAtStartup({ actor: { type: "system", label: "leaderboard start-up refresh" } }, demoBenchmarks > 0);
    await startJobs();
  } catch (error) {
    // The server still starts: requests answer 503 and the database is retried on each one.
    log.error("database not ready", { error: (error as Error).message });
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      // The job queue first: on the embedded database it shares PGlite, which closes last.
      stopBoss().catch(() => undefined).finally(() => closeDatabase().finally(() => process.exit(0)));
    });
  }
}
