// npm run db:seed: load the demo catalog into the configured database.
import { closeDatabase } from "@/lib/db";
import { seedDemoCatalog } from "@/lib/seed/demo-catalog";

const result = await seedDemoCatalog();
console.log(`Demo catalog: ${result.created} models added, ${result.skipped} already there.`);
await closeDatabase();
