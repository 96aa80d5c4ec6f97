import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { modelSelect, listModelsSql } from "@/lib/models/queries";
import { listModelsQuerySchema } from "@/lib/models/schema";
const url = "postgresql://postgres@127.0.0.1:5432/budmodel_bench_a2b48842";
const pool = new pg.Pool({ connectionString: url, max: 10 });
const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
const ids = (await pool.query("SELECT id FROM models ORDER BY md5(id::text) LIMIT 1000")).rows.map((r) => r.id);
const SQL = `SELECT id, name, description, provider::text AS provider, architecture, family, parameter_count AS "parameterCount", parameters_exact AS "parametersExact", context_length AS "contextLength", license_type AS "licenseType", license_restrictions AS "licenseRestrictions", license_status::text AS "licenseStatus", requirements, config, task, tags, source, scan_status::text AS "scanStatus", created_at AS "createdAt", updated_at AS "updatedAt" FROM models WHERE id = $1`;
async function bench(name: string, fn: (id: string) => Promise<unknown>, conc: number, n: number) {
  let i = 0; const t = performance.now();
  await Promise.all(Array.from({ length: conc }, async () => { while (i < n) { const id = ids[i++ % ids.length]; await fn(id); } }));
  const ms = performance.now() - t; console.log(`${name} c=${conc}: ${(n / ms * 1000).toFixed(0)} ops/s, ${(ms / n * conc).toFixed(2)} ms/op`);
}
for (let r = 0; r < 2; r++) {
  await bench("pg byId", (id) => pool.query(SQL, [id]), 1, 2000);
  await bench("prisma byId", (id) => prisma.model.findUnique({ where: { id }, select: modelSelect }), 1, 2000);
  await bench("pg byId", (id) => pool.query(SQL, [id]), 10, 5000);
  await bench("prisma byId", (id) => prisma.model.findUnique({ where: { id }, select: modelSelect }), 10, 5000);
}
const q = listModelsQuerySchema.parse({ q: "mistral", provider: "custom", min_params: "20" });
const s = listModelsSql(q);
console.log((await pool.query(s.text, s.values)).rows.length, (await prisma.$queryRaw(s) as unknown[]).length);
await bench("pg list(small)", () => pool.query(s.text, s.values), 1, 300);
await bench("prisma list(small)", () => prisma.$queryRaw(s), 1, 300);
await prisma.$disconnect(); await pool.end();
