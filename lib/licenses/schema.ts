// zod schemas for licenses: the knowledge base, policies, per-model reviews, detection and
// history, as api.md describes them. Shared by route handlers, portal forms and the OpenAPI document.
import { z } from "zod";
import { pageOf, pageParams } from "@/lib/http/pagination";
import { licenseStatuses } from "@/lib/models/schema";
import { licenseCategories, suitabilities, termsSchema } from "./catalog";
import { decisions, policies } from "./rules";

const note = (label: string) => z.string().trim().max(5000, `${label} are at most 5,000 characters`);

export const policySchema = z
  .object({
    policy: z.enum(policies),
    conditions: z.string().nullable(),
    notes: z.string().nullable(),
    set_by: z.string().nullable().meta({ description: "Who set it (an email, or the bootstrap token)" }),
    set_at: z.iso.datetime(),
  })
  .meta({ id: "LicensePolicy" });

export const modelCountsSchema = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  approved: z.number().int(),
  approved_with_conditions: z.number().int(),
  rejected: z.number().int(),
});

export const licenseSchema = z
  .object({
    id: z.string().meta({ example: "llama3.1" }),
    name: z.string(),
    link: z.string().nullable(),
    category: z.enum(licenseCategories),
    suitability: z.enum(suitabilities),
    summary: z.string(),
    aliases: z.array(z.string()),
    terms: termsSchema,
    term_notes: z.record(z.string(), z.string()).meta({ description: "Where a term is uncertain or needs a caveat" }),
    notes: z.string().nullable(),
    text: z
      .object({ source: z.string(), complete: z.boolean() })
      .nullable()
      .meta({ description: "The reference text detection matches against; complete is false when only its distinctive passages are shipped" }),
    policy: policySchema.nullable(),
    model_counts: modelCountsSchema,
  })
  .meta({ id: "License" });

export type LicenseDto = z.infer<typeof licenseSchema>;

export const licenseSorts = ["id", "name", "suitability", "models"] as const;

export const listLicensesQuerySchema = z.strictObject({
  ...pageParams,
  page_size: z.coerce.number().int().min(1).max(100).default(100),
  sort: z.enum(licenseSorts).optional(),
  q: z.string().trim().max(200).optional(),
  category: z.enum(licenseCategories).optional(),
  suitability: z.enum(suitabilities).optional(),
  commercial_use: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  policy: z.enum([...policies, "none"]).optional(),
});

export type ListLicensesQuery = z.output<typeof listLicensesQuerySchema>;

export const licensePageSchema = pageOf(licenseSchema, "LicensePage");

export const setPolicySchema = z
  .strictObject({
    policy: z.enum(policies),
    conditions: note("Conditions").nullish(),
    notes: note("Notes").nullish(),
  })
  .refine((v) => v.policy !== "allow_with_conditions" || !!v.conditions?.trim(), {
    message: "Write the conditions that come with allow_with_conditions",
    path: ["conditions"],
  })
  .meta({ id: "LicensePolicyInput" });

export type SetPolicyInput = z.output<typeof setPolicySchema>;

export const reviewInputSchema = z
  .strictObject({
    decision: z.enum(decisions),
    notes: note("Notes").nullish(),
    conditions: note("Conditions").nullish(),
  })
  .refine((v) => v.decision !== "approved_with_conditions" || !!v.conditions?.trim(), {
    message: "Write the conditions of the approval",
    path: ["conditions"],
  })
  .refine((v) => v.decision !== "rejected" || !!v.notes?.trim(), { message: "Say why the model is rejected", path: ["notes"] })
  .meta({ id: "LicenseReviewInput" });

export type ReviewInput = z.output<typeof reviewInputSchema>;

export const detectionMethods = ["id", "name", "link", "text", "none", "manual"] as const;

const candidatesSchema = z.array(z.object({ license_type: z.string(), score: z.number() }));

export const detectionSchema = z
  .object({
    license_type: z.string().nullable(),
    method: z.enum(detectionMethods).meta({ description: "manual: entered by a person or a client, not detected" }),
    confidence: z.number().min(0).max(1),
    candidates: candidatesSchema,
    detected_at: z.iso.datetime(),
  })
  .meta({ id: "LicenseDetection" });

export type DetectionDto = z.infer<typeof detectionSchema>;

export const detectInputSchema = z
  .strictObject({
    id: z.string().trim().max(200).nullish().meta({ description: "The card's license id (e.g. apache-2.0, other)" }),
    name: z.string().trim().max(500).nullish().meta({ description: "The card's license_name" }),
    link: z.string().trim().max(2000).nullish().meta({ description: "The card's license_link" }),
    text: z.string().max(500_000).nullish().meta({ description: "The text of a LICENSE file" }),
  })
  .refine((v) => !!(v.id || v.name || v.link || v.text?.trim()), { message: "Send at least one of id, name, link, text", path: ["body"] })
  .meta({ id: "LicenseDetectInput" });

export const detectResultSchema = z
  .object({
    license_type: z.string().nullable(),
    method: z.enum(["id", "name", "link", "text", "none"]),
    confidence: z.number(),
    candidates: candidatesSchema.optional(),
    license: licenseSchema.omit({ policy: true, model_counts: true }).nullable(),
  })
  .meta({ id: "LicenseDetectResult" });

export const licenseEventSchema = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    kind: z.enum(["created", "license_changed", "reviewed", "review_cleared", "policy_set", "policy_applied"]),
    model_id: z.string().nullable(),
    license_type: z.string().nullable(),
    status_before: z.enum(licenseStatuses).nullable(),
    status_after: z.enum(licenseStatuses).nullable(),
    decision: z.string().nullable().meta({ description: "The review decision or the policy" }),
    conditions: z.string().nullable(),
    notes: z.string().nullable(),
    actor: z.object({ id: z.string().nullable(), label: z.string() }),
  })
  .meta({ id: "LicenseEvent" });

export type LicenseEventDto = z.infer<typeof licenseEventSchema>;

export const reviewSchema = z
  .object({
    status: z.enum(licenseStatuses),
    source: z.enum(["decision", "policy", "none"]).meta({ description: "decision: the model's own review; policy: the license's standing policy; none: waiting for review" }),
    reviewer: z.string().nullable(),
    decided_at: z.iso.datetime().nullable(),
    notes: z.string().nullable(),
    conditions: z.string().nullable(),
  })
  .meta({ id: "LicenseReview" });

export const modelLicenseSchema = z
  .object({
    model_id: z.uuid(),
    model_name: z.string(),
    license_type: z.string().nullable(),
    known: z.boolean().meta({ description: "Whether the license is in the knowledge base" }),
    license_id: z.string().nullable().meta({ description: "The knowledge base's id for it (license_type may be an alias)" }),
    name: z.string().nullable(),
    link: z.string().nullable(),
    category: z.enum(licenseCategories).nullable(),
    suitability: z.enum(suitabilities).nullable(),
    summary: z.string().nullable(),
    terms: termsSchema.meta({ description: "The license's terms with the model's own restrictions applied" }),
    license_terms: termsSchema.nullable().meta({ description: "The license's own terms" }),
    overridden: z.array(z.string()).meta({ description: "Terms the model's restrictions changed" }),
    restrictions: z.record(z.string(), z.unknown()).meta({ description: "The model's own license_restrictions, as stored" }),
    additional_restrictions: z.record(z.string(), z.unknown()),
    term_notes: z.record(z.string(), z.string()),
    notes: z.string().nullable(),
    detected: detectionSchema.nullable(),
    review: reviewSchema,
    policy: policySchema.nullable(),
    history: z.array(licenseEventSchema),
  })
  .meta({ id: "ModelLicense" });

export type ModelLicenseDto = z.infer<typeof modelLicenseSchema>;
