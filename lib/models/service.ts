// The rules for models: validation beyond the schema, derived fields, and the output mapping.
import { isUuid } from "@/lib/http/ids";
import { asObject } from "@/lib/json-object";
import { audited, type WriteContext } from "@/lib/audit/service";
import type { DbClient } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { toPage } from "@/lib/http/pagination";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { evaluateLicenseStatus, type LicenseDetectionInput } from "@/lib/licenses/service";
import { defaultRequirements, type ArchitectureConfig } from "./architecture";
import { cachedCatalogAnswer } from "./list-cache";
import {
  countModels, deleteModelById, findFacetValues, findModelById, findModels, insertModel, updateModelById,
  type ModelRow,
} from "./queries";
import type { ListModelsQuery, ModelDto, ModelInput, ModelPatch } from "./schema";

export function toModelDto(row: ModelRow): ModelDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    provider: row.provider,
    architecture: row.architecture,
    family: row.family,
    parameter_count: row.parameterCount,
    parameters_exact: row.parametersExact === null ? null : Number(row.parametersExact),
    context_length: row.contextLength,
    license_type: row.licenseType,
    license_restrictions: asObject(row.licenseRestrictions),
    license_status: row.licenseStatus,
    requirements: asObject(row.requirements),
    config: row.config === null ? null : asObject(row.config),
    task: row.task,
    tags: row.tags ?? [],
    source: asObject(row.source),
    scan_status: row.scanStatus,
    created_at: isoTime(row.createdAt),
    updated_at: isoTime(row.updatedAt),
  };
}

/** Drivers give a Date; copying one costs much more than it seems (Next wraps the constructor). */
function isoTime(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export async function listModels(query: ListModelsQuery) {
  return cachedCatalogAnswer(JSON.stringify(query), async () => {
    const { rows, total } = await findModels(query);
    return toPage(rows.map(toModelDto), total, query.page, query.page_size);
  });
}

export async function getModelOrThrow(id: string, client?: DbClient): Promise<ModelDto> {
  const row = isUuid(id) ? await findModelById(id, client) : null;
  if (!row) throw notFound("Model");
  return toModelDto(row);
}

/** How a model's license was found (the Hub importer passes its detection on). */
export interface LicenseOptions {
  licenseDetection?: LicenseDetectionInput;
}

export async function createModel(input: ModelInput, context: WriteContext, options: LicenseOptions = {}): Promise<ModelDto> {
  return withNameConflict(input.name, () =>
    audited(context, async (tx) => {
      const model = await withLicenseStatus(tx, toModelDto(await insertModel(tx, toWriteData(input))), undefined, context.actor, options);
      return { result: model, action: "model.created", resourceType: "model", resourceId: model.id, after: model };
    }),
  );
}

/** PUT: every editable field is replaced; fields left out go back to their defaults. */
export async function replaceModel(id: string, input: ModelInput, context: WriteContext, options: LicenseOptions = {}): Promise<ModelDto> {
  return saveModel(id, () => input, context, options);
}

/** PATCH: only the fields sent change; derived fields are worked out on the merged record. */
export async function patchModel(id: string, patch: ModelPatch, context: WriteContext, options: LicenseOptions = {}): Promise<ModelDto> {
  return saveModel(id, (current) => {
    const merged = { ...current, ...patch } as ModelInput;
    if ("parameters_exact" in patch && !("parameter_count" in patch)) merged.parameter_count = null;
    if ("parameter_count" in patch && !("parameters_exact" in patch) && patch.parameter_count !== current.parameter_count) {
      merged.parameters_exact = null;
    }
    if (!("requirements" in patch) && ("parameters_exact" in patch || "parameter_count" in patch || "config" in patch)) {
      merged.requirements = {};
    }
    return merged;
  }, context, options);
}

async function saveModel(id: string, next: (current: ModelDto) => ModelInput, context: WriteContext, options: LicenseOptions): Promise<ModelDto> {
  await getModelOrThrow(id);
  return audited(context, async (tx) => {
    const before = await getModelOrThrow(id, tx);
    const input = next(before);
    const updated = await withNameConflict(input.name, async () => toModelDto(await updateModelById(tx, id, toWriteData(input))));
    const after = await withLicenseStatus(tx, updated, before.license_type, context.actor, options);
    return { result: after, action: "model.updated", resourceType: "model", resourceId: id, before, after };
  });
}

/**
 * Creates (id null) or replaces a model inside a transaction the caller holds, with the same rules
 * as createModel and replaceModel, so an import can write the model and its Hub records together.
 * The caller records the audit event (it runs inside `audited`).
 */
export async function writeModelInTransaction(
  tx: DbClient, id: string | null, input: ModelInput, license: LicenseOptions & { actor?: Actor } = {},
): Promise<{ before: ModelDto | null; after: ModelDto }> {
  const before = id ? await getModelOrThrow(id, tx) : null;
  const written = await withNameConflict(input.name, async () =>
    toModelDto(id ? await updateModelById(tx, id, toWriteData(input)) : await insertModel(tx, toWriteData(input))),
  );
  const after = await withLicenseStatus(tx, written, before ? before.license_type : undefined, license.actor, license);
  return { before, after };
}

/**
 * The license review follows the license: a new model, or one whose license changed, gets its
 * status from the license's standing policy (or pending); a detection is recorded either way.
 */
async function withLicenseStatus(
  tx: DbClient, model: ModelDto, previousLicenseType: string | null | undefined, actor: Actor | undefined, options: LicenseOptions,
): Promise<ModelDto> {
  const changed = previousLicenseType === undefined || previousLicenseType !== model.license_type;
  if (!changed && !options.licenseDetection) return model;
  const license_status = await evaluateLicenseStatus(tx, {
    modelId: model.id, licenseType: model.license_type, previousLicenseType, detected: options.licenseDetection, actor,
  });
  return { ...model, license_status };
}

export async function deleteModel(id: string, context: WriteContext): Promise<void> {
  await getModelOrThrow(id);
  await audited(context, async (tx) => {
    const before = await getModelOrThrow(id, tx);
    await deleteModelById(tx, id);
    return { result: undefined, action: "model.deleted", resourceType: "model", resourceId: id, before };
  });
}

export const getCatalogCounts = countModels;
export const getFacetValues = findFacetValues;

function toWriteData(input: ModelInput): Prisma.ModelCreateInput {
  const parameterCount = resolveParameterCount(input);
  const exact = input.parameters_exact ?? null;
  const config = (input.config ?? null) as ArchitectureConfig | null;
  const requirements =
    Object.keys(input.requirements ?? {}).length > 0 || parameterCount === null
      ? input.requirements ?? {}
      : defaultRequirements(exact ?? parameterCount * 1e9, config ?? undefined);
  return {
    name: input.name,
    description: input.description ?? "",
    provider: input.provider ?? "custom",
    architecture: input.architecture ?? null,
    family: input.family ?? null,
    parameterCount,
    parametersExact: exact === null ? null : BigInt(exact),
    contextLength: input.context_length ?? null,
    licenseType: input.license_type ?? null,
    licenseRestrictions: (input.license_restrictions ?? {}) as Prisma.InputJsonObject,
    requirements: requirements as Prisma.InputJsonObject,
    config: config === null ? Prisma.DbNull : (config as unknown as Prisma.InputJsonObject),
    task: input.task ?? null,
    tags: [...new Set(input.tags ?? [])],
    source: (input.source ?? { type: "custom" }) as Prisma.InputJsonObject,
  };
}

/** Billions, from parameter_count or else the exact count; the two must agree within 1%. */
function resolveParameterCount(input: ModelInput): number | null {
  const exact = input.parameters_exact ?? null;
  const billions = input.parameter_count ?? null;
  if (exact === null) return billions;
  const fromExact = Math.round(exact / 1e7) / 100;
  if (billions !== null && Math.abs(billions - exact / 1e9) > 0.01 * (exact / 1e9) + 0.005) {
    throw new AppError("validation_failed", "parameter_count and parameters_exact disagree", {
      fields: { parameter_count: [`parameters_exact gives ${fromExact} billion`] },
    });
  }
  return billions ?? fromExact;
}

async function withNameConflict<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("conflict", `A model named "${name}" already exists`, { fields: { name: ["This name is taken"] } });
    }
    throw error;
  }
}
