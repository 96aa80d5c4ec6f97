// The review rules, with no database: a model's own decision outranks the license's standing
// policy, which outranks nothing (pending); and a model's own license_restrictions override or
// add to its license's terms.
import type { LicenseTerms } from "./catalog";

export const policies = ["allow", "allow_with_conditions", "deny", "review"] as const;
export const decisions = ["approved", "approved_with_conditions", "rejected"] as const;
export type Policy = (typeof policies)[number];
export type Decision = (typeof decisions)[number];
export type LicenseStatus = "pending" | Decision;
export type StatusSource = "decision" | "policy" | "none";

const statusOfPolicy: Record<Policy, LicenseStatus> = {
  allow: "approved",
  allow_with_conditions: "approved_with_conditions",
  deny: "rejected",
  review: "pending",
};

export function policyStatus(policy: Policy): LicenseStatus {
  return statusOfPolicy[policy];
}

/** The status a model has, and what decided it. */
export function effectiveStatus(decision: Decision | null, policy: Policy | null): { status: LicenseStatus; source: StatusSource } {
  if (decision) return { status: decision, source: "decision" };
  if (policy) return { status: statusOfPolicy[policy], source: "policy" };
  return { status: "pending", source: "none" };
}

/** What a model with no known license is taken to allow: nothing that is not stated. */
export const unknownTerms: LicenseTerms = {
  commercial_use: false, attribution: null, redistribution: false, modification: false, non_commercial_only: false,
  mau_limit: null, naming_requirement: null, acceptable_use_policy: null, region_restrictions: null,
  pass_through_restrictions: false, use_restrictions: null, copyleft: "none",
};

// Other names models' license_restrictions use for the terms (the demo catalog's, among others).
const aliases: Record<string, keyof LicenseTerms> = {
  non_commercial: "non_commercial_only",
  research_only: "non_commercial_only",
  naming: "naming_requirement",
  prohibited_use_policy: "acceptable_use_policy",
  usage_policy: "acceptable_use_policy",
  use_policy: "acceptable_use_policy",
};

const booleanTerms = new Set<keyof LicenseTerms>(["commercial_use", "redistribution", "modification", "non_commercial_only", "pass_through_restrictions"]);
const textTerms = new Set<keyof LicenseTerms>(["attribution", "naming_requirement", "acceptable_use_policy", "region_restrictions", "use_restrictions"]);

export interface AppliedRestrictions {
  terms: LicenseTerms;
  /** The terms the model's own restrictions changed. */
  overridden: (keyof LicenseTerms)[];
  /** Restrictions that are not one of the terms (e.g. base_model_license), kept as given. */
  additional: Record<string, unknown>;
}

/**
 * The license's terms with the model's restrictions applied. An explicit `commercial_use` wins;
 * otherwise a non-commercial restriction (non_commercial_only, non_commercial, research_only)
 * turns commercial use off. The catalog's commercial_use filter (queries.ts) follows the same rule.
 */
export function applyRestrictions(base: LicenseTerms, restrictions: Record<string, unknown>): AppliedRestrictions {
  const terms: LicenseTerms = { ...base };
  const overridden = new Set<keyof LicenseTerms>();
  const additional: Record<string, unknown> = {};
  const set = <K extends keyof LicenseTerms>(key: K, value: LicenseTerms[K]) => {
    if (terms[key] !== value) overridden.add(key);
    terms[key] = value;
  };
  let explicitCommercial: boolean | undefined;
  let nonCommercial = false;
  for (const [rawKey, value] of Object.entries(restrictions)) {
    const key = (rawKey in base ? rawKey : aliases[rawKey]) as keyof LicenseTerms | undefined;
    if (!key) {
      additional[rawKey] = value;
      continue;
    }
    if (booleanTerms.has(key) && typeof value === "boolean") {
      if (key === "commercial_use") explicitCommercial = value;
      else if (key === "non_commercial_only") nonCommercial ||= value;
      else set(key, value as never);
    } else if (textTerms.has(key) && (typeof value === "string" || typeof value === "boolean" || value === null)) {
      // `true` says the term applies without saying how: keep the license's wording if it has one.
      const text = value === true ? (terms[key] as string | null) ?? "Yes (see the model's card)" : value === false ? null : value;
      set(key, text as never);
    } else if (key === "mau_limit" && (value === null || (typeof value === "number" && Number.isInteger(value) && value > 0))) {
      set("mau_limit", value as number | null);
    } else if (key === "copyleft" && typeof value === "string" && ["none", "weak", "strong", "network"].includes(value)) {
      set("copyleft", value as LicenseTerms["copyleft"]);
    } else {
      additional[rawKey] = value;
    }
  }
  if (explicitCommercial !== undefined) {
    set("commercial_use", explicitCommercial);
    if (explicitCommercial && !nonCommercial) set("non_commercial_only", false);
  } else if (nonCommercial) {
    set("commercial_use", false);
  }
  if (nonCommercial) set("non_commercial_only", true);
  return { terms, overridden: [...overridden], additional };
}
