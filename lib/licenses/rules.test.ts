import { describe, expect, it } from "vitest";
import { findCatalogLicense } from "./catalog";
import { applyRestrictions, decisions, effectiveStatus, policies, unknownTerms, type Decision, type Policy } from "./rules";

describe("effectiveStatus", () => {
  const byPolicy: Record<Policy, string> = { allow: "approved", allow_with_conditions: "approved_with_conditions", deny: "rejected", review: "pending" };

  it("is pending with neither a decision nor a policy", () => {
    expect(effectiveStatus(null, null)).toEqual({ status: "pending", source: "none" });
  });

  it.each(policies)("follows the %s policy when the model has no decision of its own", (policy) => {
    expect(effectiveStatus(null, policy)).toEqual({ status: byPolicy[policy], source: "policy" });
  });

  it.each(decisions.flatMap((d) => [null, ...policies].map((p) => [d, p] as [Decision, Policy | null])))(
    "the model's own %s outranks policy %s",
    (decision, policy) => {
      expect(effectiveStatus(decision, policy)).toEqual({ status: decision, source: "decision" });
    },
  );
});

describe("applyRestrictions", () => {
  const llama = findCatalogLicense("llama3.1")!.terms;
  const apache = findCatalogLicense("apache-2.0")!.terms;
  const mrl = findCatalogLicense("mrl")!.terms;

  it("leaves the license's terms alone when the model adds nothing", () => {
    expect(applyRestrictions(llama, {})).toEqual({ terms: llama, overridden: [], additional: {} });
  });

  it("overrides a term the model states, and lists what it changed", () => {
    const { terms, overridden } = applyRestrictions(apache, { commercial_use: false, mau_limit: 1000 });
    expect(terms.commercial_use).toBe(false);
    expect(terms.mau_limit).toBe(1000);
    expect(overridden.sort()).toEqual(["commercial_use", "mau_limit"]);
  });

  it("understands the demo catalog's names for terms, and keeps the rest as additional", () => {
    const { terms, overridden, additional } = applyRestrictions(apache, { non_commercial: true, research_only: true, base_model_license: "llama3.1" });
    expect(terms).toMatchObject({ commercial_use: false, non_commercial_only: true });
    expect(overridden.sort()).toEqual(["commercial_use", "non_commercial_only"]);
    expect(additional).toEqual({ base_model_license: "llama3.1" });
  });

  it("an explicit commercial_use wins over the license (a separate agreement)", () => {
    expect(applyRestrictions(mrl, { commercial_use: true }).terms).toMatchObject({ commercial_use: true, non_commercial_only: false });
  });

  it("`true` for a text term keeps the license's wording, `false` removes it", () => {
    expect(applyRestrictions(llama, { acceptable_use_policy: true }).terms.acceptable_use_policy).toBe(llama.acceptable_use_policy);
    expect(applyRestrictions(apache, { acceptable_use_policy: true }).terms.acceptable_use_policy).toBe("Yes (see the model's card)");
    expect(applyRestrictions(llama, { naming_requirement: false }).terms.naming_requirement).toBeNull();
  });

  it("keeps values of the wrong type as additional rather than as a term", () => {
    const { terms, additional } = applyRestrictions(apache, { mau_limit: "lots", commercial_use: "maybe" });
    expect(terms).toEqual(apache);
    expect(additional).toEqual({ mau_limit: "lots", commercial_use: "maybe" });
  });

  it("an unknown license allows nothing it does not state", () => {
    expect(unknownTerms).toMatchObject({ commercial_use: false, redistribution: false, modification: false });
  });
});
