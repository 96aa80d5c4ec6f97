// What the server does once at start-up.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { ensureConfiguredAdmin, ensureDemoAdmin } from "@/lib/auth/service";
import { closeDatabase, getDatabase } from "@/lib/db";
import { dataDir, env } from "@/lib/env";
import { seedIfEmpty } from "@/lib/seed/demo-catalog";

export async function startServer(): Promise<void> {
  try {
    const { kind } = await getDatabase();
    await ensureConfiguredAdmin();
    if (kind === "pglite" && env.BUDMODEL_SEED_DEMO === "true") {
      await seedIfEmpty();
      const demo = await ensureDemoAdmin();
      if (demo) {
        const file = path.join(dataDir, "demo-admin.txt");
        await writeFile(/*turbopackIgnore: true*/ file, `email: ${demo.email}\npassword: ${demo.password}\n`, { mode: 0o600 });
        console.log(`\n  Demo admin created: ${demo.email} / ${demo.password}\n  (also saved in ${file}; sign in at /signin)\n`);
      }
    }
    console.log(JSON.stringify({ level: "info", msg: "database ready", kind }));
  } catch (error) {
    // The server still starts: requests answer 503 and the database is retried on each one.
    console.error(JSON.stringify({ level: "error", msg: "database not ready", error: (error as Error).message }));
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      closeDatabase().finally(() => process.exit(0));
    });
  }
}
