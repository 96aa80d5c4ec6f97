// The license review workflow: standing policies per license, each model's own decision, the
// status that follows from them, and the history of every decision and change.
import { isUuid } from "@/lib/http/ids";
import { asObject } from "@/lib/json-object";
import { describeActor, type Actor } from "@/lib/auth/actor";
import { audited, type WriteContext } from "@/lib/audit/service";
import type { DbClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/http/errors";
import { applyRestrictions, effectiveStatus, policyStatus, unknownTerms, type LicenseStatus } from "./rules";
import type { Detection } from "./detect";
import {
  applyPolicyToModels, countModelsByLicense, findLicenseById, findLicenseByType, findLicenseEvents, findModelLicenseState, insertLicenseEvent,
  type LicenseEventRow, type LicenseRow,
} from "./queries";
import { toLicenseDto, toPolicyDto, toTerms } from "./mappers";
import type { LicenseDto, ModelLicenseDto, ReviewInput, SetPolicyInput } from "./schema";

const system: Actor = { type: "system", label: "license review" };

/** How a model's license was found, as the models service passes it on (from the Hub importer). */
export type LicenseDetectionInput = Detection | { license_type: string | null; method: "manual"; confidence: number; candidates?: Detection["candidates"] };

export interface EvaluateOptions {
  modelId: string;
  licenseType: string | null;
  /** The license before this write; `undefined` for a model being created. */
  previousLicenseType?: string | null;
  detected?: LicenseDetectionInput;
  actor?: Actor;
}

/**
 * Called by the models service inside its write transaction when a model is created or its
 * license_type changes: clears the model's own decision (it was for the old license), sets
 * license_status from the license's standing policy (or pending), records how the license was
 * found, and writes the history. Returns the model's new license_status.
 */
export async function evaluateLicenseStatus(tx: DbClient, options: EvaluateOptions): Promise<LicenseStatus> {
  const { modelId, licenseType, previousLicenseType, detected } = options;
  const created = previousLicenseType === undefined;
  const model = await tx.model.findUnique({ where: { id: modelId }, select: { licenseStatus: true } });
  if (!model) throw notFound("Model");
  if (!created && (previousLicenseType ?? null) === (licenseType ?? null)) {
    if (detected) await saveDetection(tx, modelId, detected);
    return model.licenseStatus;
  }
  await tx.modelLicenseReview.deleteMany({ where: { modelId } });
  const license = await findLicenseByType(licenseType, tx);
  const policy = license?.policy ?? null;
  const { status } = effectiveStatus(null, policy?.policy ?? null);
  if (status !== model.licenseStatus) await tx.model.update({ where: { id: modelId }, data: { licenseStatus: status } });
  await saveDetection(tx, modelId, detected ?? { license_type: licenseType, method: "manual", confidence: 1 });
  const actor = describeActor(options.actor ?? system);
  await insertLicenseEvent(tx, {
    kind: created ? "created" : "license_changed",
    modelId,
    licenseType,
    statusBefore: created ? null : model.licenseStatus,
    statusAfter: status,
    decision: policy?.policy ?? null,
    conditions: policy?.conditions ?? null,
    notes: explainStatus(licenseType, license, created ? undefined : previousLicenseType),
    actorId: actor.actorId,
    actorLabel: actor.actorLabel,
  });
  return status;
}

function explainStatus(licenseType: string | null, license: LicenseRow | null, previous: string | null | undefined): string {
  const change = previous !== undefined ? `License changed from ${previous ?? "none"} to ${licenseType ?? "none"}; the previous decision no longer applies. ` : "";
  if (!licenseType) return `${change}No license given: waiting for review.`;
  if (!license) return `${change}${licenseType} is not in the knowledge base: waiting for review.`;
  if (!license.policy) return `${change}No standing policy for ${license.id}: waiting for review.`;
  return `${change}Standing policy for ${license.id}: ${license.policy.policy}.`;
}

async function saveDetection(tx: DbClient, modelId: string, detected: LicenseDetectionInput): Promise<void> {
  const data = {
    licenseType: detected.license_type,
    method: detected.method,
    confidence: detected.confidence,
    candidates: (detected.candidates ?? []) as Prisma.InputJsonArray,
    detectedAt: new Date(),
  };
  await tx.modelLicenseDetection.upsert({ where: { modelId }, create: { modelId, ...data }, update: data });
}

/** An admin's decision for one model: it outranks the license's policy until the license changes. */
export async function reviewModelLicense(modelId: string, input: ReviewInput, context: WriteContext): Promise<ModelLicenseDto> {
  await requireModel(modelId);
  const actor = describeActor(context.actor);
  await audited(context, async (tx) => {
    const before = await findModelLicenseState(modelId, tx);
    if (!before) throw notFound("Model");
    const review = {
      licenseType: before.licenseType,
      decision: input.decision,
      conditions: input.decision === "approved_with_conditions" ? input.conditions?.trim() || null : null,
      notes: input.notes?.trim() || null,
      reviewerId: actor.actorId,
      reviewerLabel: actor.actorLabel,
      decidedAt: new Date(),
    };
    await tx.modelLicenseReview.upsert({ where: { modelId }, create: { modelId, ...review }, update: review });
    await tx.model.update({ where: { id: modelId }, data: { licenseStatus: input.decision } });
    await insertLicenseEvent(tx, {
      kind: "reviewed", modelId, licenseType: before.licenseType, statusBefore: before.licenseStatus, statusAfter: input.decision,
      decision: input.decision, conditions: review.conditions, notes: review.notes, actorId: actor.actorId, actorLabel: actor.actorLabel,
    });
    return {
      result: undefined, action: "model.license_reviewed", resourceType: "model", resourceId: modelId,
      before: { license_status: before.licenseStatus, license_decision: before.licenseReview?.decision ?? null, license_conditions: before.licenseReview?.conditions ?? null, license_notes: before.licenseReview?.notes ?? null },
      after: { license_status: input.decision, license_decision: input.decision, license_conditions: review.conditions, license_notes: review.notes },
    };
  });
  return getModelLicense(modelId);
}

/** Withdraws a model's own decision: the license's standing policy (or pending) applies again. */
export async function clearModelLicenseReview(modelId: string, context: WriteContext): Promise<ModelLicenseDto> {
  await requireModel(modelId);
  const actor = describeActor(context.actor);
  await audited(context, async (tx) => {
    const before = await findModelLicenseState(modelId, tx);
    if (!before) throw notFound("Model");
    if (!before.licenseReview) throw new AppError("conflict", "This model has no decision of its own to withdraw");
    const license = await findLicenseByType(before.licenseType, tx);
    const { status } = effectiveStatus(null, license?.policy?.policy ?? null);
    await tx.modelLicenseReview.delete({ where: { modelId } });
    await tx.model.update({ where: { id: modelId }, data: { licenseStatus: status } });
    await insertLicenseEvent(tx, {
      kind: "review_cleared", modelId, licenseType: before.licenseType, statusBefore: before.licenseStatus, statusAfter: status,
      decision: license?.policy?.policy ?? null, conditions: license?.policy?.conditions ?? null,
      notes: explainStatus(before.licenseType, license, undefined), actorId: actor.actorId, actorLabel: actor.actorLabel,
    });
    return {
      result: undefined, action: "model.license_review_cleared", resourceType: "model", resourceId: modelId,
      before: { license_status: before.licenseStatus, license_decision: before.licenseReview.decision },
      after: { license_status: status, license_decision: null },
    };
  });
  return getModelLicense(modelId);
}

/** The organisation's standing decision for a license; re-evaluates every model under it. */
export async function setLicensePolicy(licenseId: string, input: SetPolicyInput, context: WriteContext): Promise<LicenseDto & { reevaluated: number }> {
  const existing = await findLicenseById(licenseId);
  if (!existing) throw notFound("License");
  const actor = describeActor(context.actor);
  const conditions = input.conditions?.trim() || null;
  const notes = input.notes?.trim() || null;
  const reevaluated = await audited(context, async (tx) => {
    const data = { policy: input.policy, conditions, notes, setById: actor.actorId, setByLabel: actor.actorLabel, setAt: new Date() };
    await tx.licensePolicy.upsert({ where: { licenseId }, create: { licenseId, ...data }, update: data });
    await insertLicenseEvent(tx, {
      kind: "policy_set", modelId: null, licenseType: licenseId, decision: input.policy, conditions, notes,
      actorId: actor.actorId, actorLabel: actor.actorLabel,
    });
    const changed = await applyPolicyToModels(tx, existing, {
      status: policyStatus(input.policy), policy: input.policy, conditions, notes, actorId: actor.actorId, actorLabel: actor.actorLabel,
    });
    return {
      result: changed, action: "license.policy_set", resourceType: "license", resourceId: licenseId,
      before: { policy: existing.policy?.policy ?? null, conditions: existing.policy?.conditions ?? null, notes: existing.policy?.notes ?? null },
      after: { policy: input.policy, conditions, notes, models_reevaluated: changed },
    };
  });
  return { ...(await getLicenseOrThrow(licenseId)), reevaluated };
}

async function requireModel(modelId: string): Promise<void> {
  if (!isUuid(modelId) || !(await findModelLicenseState(modelId))) throw notFound("Model");
}

export async function getLicenseOrThrow(id: string): Promise<LicenseDto> {
  const row = await findLicenseById(id.toLowerCase());
  if (!row) throw notFound("License");
  return toLicenseDto(row, (await countModelsByLicense()).get(row.id));
}

export function toEventDto(row: LicenseEventRow) {
  return {
    id: row.id, at: row.at.toISOString(), kind: row.kind as ModelLicenseDto["history"][number]["kind"], model_id: row.modelId,
    license_type: row.licenseType, status_before: row.statusBefore, status_after: row.statusAfter, decision: row.decision,
    conditions: row.conditions, notes: row.notes, actor: { id: row.actorId, label: row.actorLabel },
  };
}

/** Everything about a model's license: terms with its own restrictions, detection, review, policy, history. */
export async function getModelLicense(modelId: string, client?: DbClient): Promise<ModelLicenseDto> {
  const state = isUuid(modelId) ? await findModelLicenseState(modelId, client) : null;
  if (!state) throw notFound("Model");
  const license = await findLicenseByType(state.licenseType, client);
  // A decision counts only for the license it was made for.
  const decision = state.licenseReview && state.licenseReview.licenseType === state.licenseType ? state.licenseReview : null;
  const policy = license?.policy ?? null;
  const { source } = effectiveStatus(decision?.decision ?? null, policy?.policy ?? null);
  const restrictions = asObject(state.licenseRestrictions);
  const baseTerms = license ? toTerms(license) : unknownTerms;
  const applied = applyRestrictions(baseTerms, restrictions);
  const history = await findLicenseEvents({ modelId }, 50, client);
  const detection = state.licenseDetection;
  return {
    model_id: state.id,
    model_name: state.name,
    license_type: state.licenseType,
    known: license !== null,
    license_id: license?.id ?? null,
    name: license?.name ?? null,
    link: license?.link ?? null,
    category: (license?.category ?? null) as ModelLicenseDto["category"],
    suitability: (license?.suitability ?? null) as ModelLicenseDto["suitability"],
    summary: license?.summary ?? null,
    terms: applied.terms,
    license_terms: license ? baseTerms : null,
    overridden: applied.overridden,
    restrictions,
    additional_restrictions: applied.additional,
    term_notes: (license?.termNotes ?? {}) as Record<string, string>,
    notes: license?.notes ?? null,
    detected: detection
      ? {
          license_type: detection.licenseType, method: detection.method as NonNullable<ModelLicenseDto["detected"]>["method"],
          confidence: detection.confidence, candidates: (detection.candidates ?? []) as { license_type: string; score: number }[],
          detected_at: detection.detectedAt.toISOString(),
        }
      : null,
    review: {
      status: state.licenseStatus,
      source,
      reviewer: source === "decision" ? decision!.reviewerLabel : source === "policy" ? policy!.setByLabel : null,
      decided_at: source === "decision" ? decision!.decidedAt.toISOString() : source === "policy" ? policy!.setAt.toISOString() : null,
      notes: source === "decision" ? decision!.notes : source === "policy" ? policy!.notes : null,
      conditions: source === "decision" ? decision!.conditions : source === "policy" ? policy!.conditions : null,
    },
    policy: policy ? toPolicyDto(policy) : null,
    history: history.map(toEventDto),
  };
}

