// Loads the demo catalog (prisma/seed/models.json: real, published figures) into the database.
// Existing models (by name) are left as they are, so seeding twice changes nothing.
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { modelInputSchema } from "@/lib/models/schema";
import { createModel } from "@/lib/models/service";

import demoModels from "@/prisma/seed/models.json" with { type: "json" };

export async function seedDemoCatalog(entries: unknown[] = demoModels): Promise<{ created: number; skipped: number }> {
  const prisma = await db();
  const existing = new Set((await prisma.model.findMany({ select: { name: true } })).map((m) => m.name));
  let created = 0;
  for (const entry of entries) {
    const input = modelInputSchema.parse(entry);
    if (existing.has(input.name)) continue;
    await createModel(input, { actor: { type: "system", label: "demo catalog seed" } });
    created++;
  }
  return { created, skipped: entries.length - created };
}

/** On start: an empty embedded database gets the demo catalog, so a newcomer sees a living one. */
export async function seedIfEmpty(): Promise<void> {
  const prisma = await db();
  if ((await prisma.model.count()) > 0) return;
  const { created } = await seedDemoCatalog();
  log.info("seeded demo catalog", { models: created });
}
