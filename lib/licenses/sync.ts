// Keeps the database's licenses table in step with prisma/seed/licenses.json: the migration loaded
// it once; a corrected or added license in the file reaches an existing database at the next start
// without a migration. Policies are the organisation's and are never touched here.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { licenseCatalog, type CatalogLicense } from "./catalog";

export function toLicenseData(license: CatalogLicense): Prisma.LicenseCreateInput {
  const t = license.terms;
  return {
    id: license.id, name: license.name, link: license.link, category: license.category, suitability: license.suitability,
    summary: license.summary, aliases: license.aliases, commercialUse: t.commercial_use, attribution: t.attribution,
    redistribution: t.redistribution, modification: t.modification, nonCommercialOnly: t.non_commercial_only,
    mauLimit: t.mau_limit === null ? null : BigInt(t.mau_limit), namingRequirement: t.naming_requirement,
    acceptableUsePolicy: t.acceptable_use_policy, regionRestrictions: t.region_restrictions,
    passThroughRestrictions: t.pass_through_restrictions, useRestrictions: t.use_restrictions, copyleft: t.copyleft,
    termNotes: license.term_notes, notes: license.notes,
  };
}

/** Inserts or updates every license of the file; returns how many rows it wrote. */
export async function syncLicenseCatalog(): Promise<number> {
  const prisma = await db();
  await prisma.$transaction(
    licenseCatalog.map((license) => {
      const data = toLicenseData(license);
      const { id: _id, ...update } = data;
      return prisma.license.upsert({ where: { id: license.id }, create: data, update });
    }),
  );
  return licenseCatalog.length;
}
