// What the server does once at start-up.
import { closeDatabase, getDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { seedIfEmpty } from "@/lib/seed/demo-catalog";

export async function startServer(): Promise<void> {
  try {
    const { kind } = await getDatabase();
    if (kind === "pglite" && env.BUDMODEL_SEED_DEMO === "true") await seedIfEmpty();
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
