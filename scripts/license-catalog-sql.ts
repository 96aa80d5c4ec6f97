// Prints SQL that loads prisma/seed/licenses.json into the licenses table (insert, or update the
// terms of a license already there). Used to write the data part of a migration; at start-up
// lib/licenses/sync.ts keeps an existing database in step with the file without a migration.
//   npx tsx scripts/license-catalog-sql.ts >> prisma/migrations/<timestamp>_<name>/migration.sql
import { licenseCatalog } from "@/lib/licenses/catalog";

const text = (value: string | null) => (value === null ? "NULL" : `'${value.replaceAll("'", "''")}'`);
const array = (values: string[]) => (values.length ? `ARRAY[${values.map(text).join(", ")}]::TEXT[]` : "ARRAY[]::TEXT[]");

const columns = [
  "id", "name", "link", "category", "suitability", "summary", "aliases", "commercial_use", "attribution",
  "redistribution", "modification", "non_commercial_only", "mau_limit", "naming_requirement",
  "acceptable_use_policy", "region_restrictions", "pass_through_restrictions", "use_restrictions",
  "copyleft", "term_notes", "notes", "updated_at",
];

const rows = licenseCatalog.map((l) => {
  const t = l.terms;
  return `(${[
    text(l.id), text(l.name), text(l.link), text(l.category), text(l.suitability), text(l.summary), array(l.aliases),
    t.commercial_use, text(t.attribution), t.redistribution, t.modification, t.non_commercial_only,
    t.mau_limit ?? "NULL", text(t.naming_requirement), text(t.acceptable_use_policy), text(t.region_restrictions),
    t.pass_through_restrictions, text(t.use_restrictions), text(t.copyleft), `${text(JSON.stringify(l.term_notes))}::JSONB`,
    text(l.notes), "CURRENT_TIMESTAMP",
  ].join(", ")})`;
});

const updates = columns.filter((c) => c !== "id").map((c) => `"${c}" = EXCLUDED."${c}"`).join(", ");
console.log(`-- The license knowledge base, generated from prisma/seed/licenses.json by scripts/license-catalog-sql.ts.
INSERT INTO "licenses" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES
${rows.join(",\n")}
ON CONFLICT ("id") DO UPDATE SET ${updates};`);
