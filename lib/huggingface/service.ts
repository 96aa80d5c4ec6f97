// Importing and syncing models from the Hugging Face Hub: read the repository (outside any
// transaction: it is network time), then write the model, its Hub revision and its files, and
// the audit event, in one transaction.
import { diffFields } from "@/lib/audit/changes";
import { audited, type WriteContext } from "@/lib/audit/service";
import type { DbClient } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { toPage } from "@/lib/http/pagination";
import { findModelBySourceRepo } from "@/lib/models/queries";
import type { ModelDto } from "@/lib/models/schema";
import { getModelOrThrow, toModelDto, writeModelInTransaction } from "@/lib/models/service";
import { upsertHubArtifacts } from "@/lib/scans/artifacts";
import { createHubClient, type HubClient, type HubFile, type HubSnapshot } from "./client";
import { toHubAppError } from "./errors";
import { toModelInput } from "./model-input";
import { findHubRevisions, upsertHubRevision, type HubRevisionRow } from "./queries";
import type { HubRevisionDto, ImportModelBody } from "./schema";

/** A client for the configured Hub; made per call so the settings in force are the ones used. */
export function defaultHubClient(): HubClient {
  return createHubClient({ endpoint: env.HF_ENDPOINT, token: env.HUGGINGFACE_TOKEN, timeoutMs: env.HF_TIMEOUT_MS, retries: env.HF_RETRIES });
}

async function readSnapshot(client: HubClient, repoId: string, ref: string): Promise<HubSnapshot> {
  try {
    return await client.snapshot(repoId, ref);
  } catch (error) {
    throw toHubAppError(error, { endpoint: client.endpoint, repoId, revision: ref, tokenSet: client.tokenSet });
  }
}

/** POST /models/import: a new model (created) or the existing one refreshed. */
export async function importModel(body: ImportModelBody, context: WriteContext, client = defaultHubClient()): Promise<{ model: ModelDto; created: boolean }> {
  const snapshot = await readSnapshot(client, body.repo_id, body.revision ?? "main");
  const row = await findModelBySourceRepo(snapshot.repoId);
  return saveSnapshot(snapshot, row ? toModelDto(row) : null, context);
}

/** POST /models/{id}/sync: refresh from the ref the model follows (or move it to `revision`). */
export async function syncModel(id: string, revision: string | undefined, context: WriteContext, client = defaultHubClient()): Promise<ModelDto> {
  const model = await getModelOrThrow(id);
  const source = model.source as { type?: string; repo_id?: string | null; ref?: string | null; revision?: string | null };
  if (source.type !== "huggingface" || !source.repo_id) {
    throw new AppError("conflict", "This model was not imported from the Hugging Face Hub, so there is nothing to sync. Import it with POST /api/v1/models/import.");
  }
  const snapshot = await readSnapshot(client, source.repo_id, revision ?? source.ref ?? "main");
  return (await saveSnapshot(snapshot, model, context)).model;
}

async function saveSnapshot(snapshot: HubSnapshot, current: ModelDto | null, context: WriteContext): Promise<{ model: ModelDto; created: boolean }> {
  const { input, detection } = await toModelInput(snapshot, current);
  return audited(context, async (tx) => {
    const { before, after } = await writeModelInTransaction(tx, current?.id ?? null, input, { licenseDetection: detection, actor: context.actor });
    await recordRevision(tx, after.id, snapshot, before ? Object.keys(diffFields(before, after)) : []);
    return {
      result: { model: after, created: before === null },
      action: before ? "model.synced" : "model.imported",
      resourceType: "model",
      resourceId: after.id,
      before,
      after,
    };
  });
}

async function recordRevision(tx: DbClient, modelId: string, snapshot: HubSnapshot, changedFields: string[]): Promise<void> {
  await upsertHubRevision(tx, {
    modelId,
    repoId: snapshot.repoId,
    revision: snapshot.sha,
    ref: snapshot.ref,
    parametersExact: snapshot.weights ? BigInt(snapshot.weights.parameters) : null,
    weightsFormat: snapshot.weights?.format ?? null,
    files: snapshot.files as unknown as Prisma.InputJsonArray,
    changedFields,
  });
  // The repo's files become the model's artifacts, which a scan streams from the Hub.
  await upsertHubArtifacts(tx, modelId, snapshot.files);
}

export function toHubRevisionDto(row: HubRevisionRow): HubRevisionDto {
  return {
    id: row.id,
    model_id: row.modelId,
    repo_id: row.repoId,
    revision: row.revision,
    ref: row.ref,
    parameters_exact: row.parametersExact === null ? null : Number(row.parametersExact),
    weights_format: row.weightsFormat === "safetensors" || row.weightsFormat === "gguf" ? row.weightsFormat : null,
    changed_fields: row.changedFields ?? [],
    files: Array.isArray(row.files) ? (row.files as unknown as HubFile[]) : [],
    created_at: row.createdAt.toISOString(),
  };
}

export async function listHubRevisions(modelId: string, page: number, pageSize: number) {
  const model = await getModelOrThrow(modelId);
  const { rows, total } = await findHubRevisions(model.id, page, pageSize);
  return toPage(rows.map(toHubRevisionDto), total, page, pageSize);
}
