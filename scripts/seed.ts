// npm run db:seed: load the demo catalog into the configured database.
import { closeDatabase } from "@/lib/db";
import { syncLicenseCatalog } from "@/lib/licenses/sync";
import { seedDemoCatalog } from "@/lib/seed/demo-catalog";

console.log(`License knowledge base: ${await syncLicenseCatalog()} licenses in step with prisma/seed/licenses.json.`);
const result = await seedDemoCatalog();
console.log(`Demo catalog: ${result.created} models added, ${result.skipped} already there.`);
await closeDatabase();
