// Database rows to the API's shapes for licenses and policies.
import { findCatalogLicense, type LicenseTerms } from "./catalog";
import type { LicenseRow, PolicyRow } from "./queries";
import type { LicenseStatus } from "./rules";
import type { LicenseDto } from "./schema";

export function toTerms(row: LicenseRow): LicenseTerms {
  return {
    commercial_use: row.commercialUse,
    attribution: row.attribution,
    redistribution: row.redistribution,
    modification: row.modification,
    non_commercial_only: row.nonCommercialOnly,
    mau_limit: row.mauLimit === null ? null : Number(row.mauLimit),
    naming_requirement: row.namingRequirement,
    acceptable_use_policy: row.acceptableUsePolicy,
    region_restrictions: row.regionRestrictions,
    pass_through_restrictions: row.passThroughRestrictions,
    use_restrictions: row.useRestrictions,
    copyleft: row.copyleft as LicenseTerms["copyleft"],
  };
}

export function toPolicyDto(policy: PolicyRow) {
  return {
    policy: policy.policy,
    conditions: policy.conditions,
    notes: policy.notes,
    set_by: policy.setByLabel,
    set_at: policy.setAt.toISOString(),
  };
}

export function toLicenseDto(row: LicenseRow, counts?: Record<LicenseStatus, number>): LicenseDto {
  const text = findCatalogLicense(row.id)?.text ?? null;
  const c = counts ?? { pending: 0, approved: 0, approved_with_conditions: 0, rejected: 0 };
  return {
    id: row.id,
    name: row.name,
    link: row.link,
    category: row.category as LicenseDto["category"],
    suitability: row.suitability as LicenseDto["suitability"],
    summary: row.summary,
    aliases: row.aliases,
    terms: toTerms(row),
    term_notes: (row.termNotes ?? {}) as Record<string, string>,
    notes: row.notes,
    text: text ? { source: text.source, complete: text.complete } : null,
    policy: row.policy ? toPolicyDto(row.policy) : null,
    model_counts: { total: c.pending + c.approved + c.approved_with_conditions + c.rejected, ...c },
  };
}
