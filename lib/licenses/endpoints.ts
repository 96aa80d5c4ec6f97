// The license endpoints: what the route handlers and the OpenAPI document are built from.
import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import {
  detectInputSchema, detectResultSchema, licensePageSchema, licenseSchema, listLicensesQuerySchema, modelLicenseSchema,
  reviewInputSchema, setPolicySchema,
} from "./schema";

const licenseIdParams = z.object({ id: z.string().meta({ description: "The Hub's license id", example: "llama3.1" }) });

export const listLicensesEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/licenses", tag: "Licenses", role: "viewer",
  summary: "The license knowledge base: each license's terms, standing policy and model counts",
  query: listLicensesQuerySchema,
  success: { status: 200, description: "A page of licenses", schema: licensePageSchema },
});

export const getLicenseEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/licenses/{id}", tag: "Licenses", role: "viewer", params: licenseIdParams,
  summary: "One license (by the Hub's id or an alias)",
  success: { status: 200, description: "The license", schema: licenseSchema },
  errors: [404],
});

export const setLicensePolicyEndpoint = defineEndpoint({
  method: "PUT", path: "/api/v1/licenses/{id}/policy", tag: "Licenses", role: "admin", params: licenseIdParams,
  summary: "Set the standing policy for every model under a license; re-evaluates them",
  body: setPolicySchema,
  success: { status: 200, description: "The license with its new policy, and how many models changed status", schema: licenseSchema.extend({ reevaluated: z.number().int() }) },
  errors: [404],
});

export const detectLicenseEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/licenses/detect", tag: "Licenses", role: "signed_in",
  summary: "Find a license from a card's id, license_name, license_link or a LICENSE text",
  body: detectInputSchema,
  success: { status: 200, description: "What was found, how, and how sure", schema: detectResultSchema },
  errors: [413],
});

export const getModelLicenseEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/models/{id}/license", tag: "Licenses", role: "viewer",
  summary: "A model's license: terms with its own restrictions, detection, review, policy and history",
  success: { status: 200, description: "The model's license", schema: modelLicenseSchema },
  errors: [404],
});

export const reviewModelLicenseEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/models/{id}/license/review", tag: "Licenses", role: "admin",
  summary: "Decide a model's license review (outranks the license's policy)",
  body: reviewInputSchema,
  success: { status: 200, description: "The model's license", schema: modelLicenseSchema },
  errors: [404],
});

export const clearModelLicenseReviewEndpoint = defineEndpoint({
  method: "DELETE", path: "/api/v1/models/{id}/license/review", tag: "Licenses", role: "admin",
  summary: "Withdraw a model's own decision: the license's policy (or pending) applies again",
  success: { status: 200, description: "The model's license", schema: modelLicenseSchema },
  errors: [404, 409],
});

export const licenseEndpoints = [
  listLicensesEndpoint, getLicenseEndpoint, setLicensePolicyEndpoint, detectLicenseEndpoint,
  getModelLicenseEndpoint, reviewModelLicenseEndpoint, clearModelLicenseReviewEndpoint,
];
