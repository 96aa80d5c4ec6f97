// On a demo start: illustrative benchmark rows for the demo catalog's best-known models (see
// demo-benchmarks.ts), loaded once, flagged as demo data, never passed off as measurements.
import { loadDemoBenchmarks } from "@/lib/benchmarks/service";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { demoBenchmarks, demoModelNames } from "./demo-benchmarks";

export async function seedDemoBenchmarks(): Promise<number> {
  const models = await (await db()).model.findMany({ where: { name: { in: demoModelNames }, parameterCount: { not: null } }, select: { id: true, name: true, parameterCount: true } });
  if (models.length === 0) return 0;
  const inputs = demoBenchmarks(models.map((model) => ({ id: model.id, name: model.name, parameters: model.parameterCount! })));
  const loaded = await loadDemoBenchmarks(inputs, { actor: { type: "system", label: "demo benchmarks seed" } });
  if (loaded) log.info("loaded illustrative demo benchmarks (flagged demo, not measurements)", { rows: loaded });
  return loaded;
}
