// The license knowledge base as shipped in the repo (prisma/seed/licenses.json), validated once.
// The database's licenses table is loaded from it (migration, then kept in step at start-up);
// detection reads the ids, names, links and texts from here, with no database needed.
import { z } from "zod";
import catalogFile from "@/prisma/seed/licenses.json" with { type: "json" };

export const licenseCategories = ["permissive", "weak_copyleft", "copyleft", "open_restrictive", "non_commercial", "no_redistribution", "proprietary"] as const;
export const suitabilities = ["most", "good", "low", "worst"] as const;
export const copyleftKinds = ["none", "weak", "strong", "network"] as const;

export const termsSchema = z
  .object({
    commercial_use: z.boolean().meta({ description: "Commercial use is allowed" }),
    attribution: z.string().nullable().meta({ description: "What attribution or notice the license asks for; null when none" }),
    redistribution: z.boolean(),
    modification: z.boolean(),
    non_commercial_only: z.boolean(),
    mau_limit: z.number().int().nullable().meta({ description: "Monthly active users above which a separate license is needed" }),
    naming_requirement: z.string().nullable().meta({ description: "How derived models must be named" }),
    acceptable_use_policy: z.string().nullable().meta({ description: "The use policy the license incorporates (a link or a description)" }),
    region_restrictions: z.string().nullable(),
    pass_through_restrictions: z.boolean().meta({ description: "Restrictions must be passed on to recipients" }),
    use_restrictions: z.string().nullable().meta({ description: "Other limits on use (e.g. no improving other LLMs, no hosting)" }),
    copyleft: z.enum(copyleftKinds),
  })
  .strict()
  .meta({ id: "LicenseTerms" });

export type LicenseTerms = z.infer<typeof termsSchema>;
export const termKeys = Object.keys(termsSchema.shape) as (keyof LicenseTerms)[];

const catalogEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.+_-]*$/),
    name: z.string().min(1),
    link: z.url().nullable(),
    category: z.enum(licenseCategories),
    suitability: z.enum(suitabilities),
    summary: z.string(),
    aliases: z.array(z.string().regex(/^[a-z0-9][a-z0-9.+_-]*$/)),
    names: z.array(z.string()),
    urls: z.array(z.url()),
    text: z.object({ file: z.string(), source: z.string(), complete: z.boolean() }).strict().nullable(),
    terms: termsSchema,
    term_notes: z.record(z.string(), z.string()),
    notes: z.string().nullable(),
  })
  .strict();

export type CatalogLicense = z.infer<typeof catalogEntrySchema>;

export const licenseCatalog: CatalogLicense[] = z
  .object({ $comment: z.string().optional(), licenses: z.array(catalogEntrySchema) })
  .parse(catalogFile)
  .licenses;

/** The ids a model's license_type may use for a license: its own id and its aliases, lower case. */
export function licenseKeys(license: Pick<CatalogLicense, "id" | "aliases">): string[] {
  return [license.id, ...license.aliases];
}

/** The catalog entry a model's license_type names (case-insensitive, aliases included). */
export function findCatalogLicense(licenseType: string | null | undefined): CatalogLicense | undefined {
  if (!licenseType) return undefined;
  const key = licenseType.trim().toLowerCase();
  return licenseCatalog.find((license) => licenseKeys(license).includes(key));
}
