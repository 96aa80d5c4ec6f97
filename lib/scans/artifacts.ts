// A model's files: uploads streamed to storage (hashed on the way, never held in memory), and the
// Hub's files recorded by the Hugging Face importer, which scans then stream from the Hub.
import { audited, type WriteContext } from "@/lib/audit/service";
import type { DbClient } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { boundaryOf, readMultipart } from "@/lib/http/multipart";
import { toPage } from "@/lib/http/pagination";
import { getModelOrThrow } from "@/lib/models/service";
import {
  deleteArtifacts, findAllArtifacts, findArtifactByPath, findArtifacts, upsertArtifact, type ArtifactRow,
} from "./queries";
import { detectFormat, type ArtifactFormat } from "./scanners/detect";
import type { ArtifactDto } from "./schema";
import { removeStored, sanitizeArtifactPath, storeUpload } from "./storage";

export function toArtifactDto(row: ArtifactRow): ArtifactDto {
  return {
    id: row.id,
    model_id: row.modelId,
    path: row.path,
    source: row.source,
    size: Number(row.size),
    sha256: row.sha256,
    format: row.format,
    url: row.source === "huggingface" ? row.url : null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function listArtifacts(modelId: string, page: number, pageSize: number) {
  const model = await getModelOrThrow(modelId);
  const { rows, total } = await findArtifacts(model.id, page, pageSize);
  return toPage(rows.map(toArtifactDto), total, page, pageSize);
}

/** The format a file probably has from its name alone (a Hub file before it is read). */
export function formatFromName(path: string): ArtifactFormat {
  const name = path.toLowerCase();
  if (name.endsWith(".safetensors")) return "safetensors";
  if (name.endsWith(".gguf")) return "gguf";
  if (/\.(bin|pt|pth|ckpt|pkl|pickle)$/.test(name)) return "pickle";
  if (name.endsWith(".joblib")) return "joblib";
  if (name.endsWith(".npy")) return "numpy";
  if (name.endsWith(".npz")) return "numpy_zip";
  if (name.endsWith(".keras")) return "keras";
  if (name.endsWith(".zip")) return "zip";
  if (name.endsWith(".tar")) return "tar";
  if (/\.(gz|tgz)$/.test(name)) return "gzip";
  return "other";
}

/**
 * POST /models/{id}/artifacts: each `file` part of a multipart body is streamed to storage while
 * hashed; past BUDMODEL_MAX_UPLOAD_BYTES the upload is refused (413). A file with the path of an
 * existing artifact replaces it.
 */
export async function uploadArtifacts(modelId: string, request: Request, context: WriteContext): Promise<ArtifactDto[]> {
  const model = await getModelOrThrow(modelId);
  const boundary = boundaryOf(request.headers.get("content-type"));
  if (!request.body) throw new AppError("bad_request", "The request has no body; send the files in fields named file");
  const stored: (Awaited<ReturnType<typeof storeUpload>> & { path: string; format: ArtifactFormat })[] = [];
  try {
    for await (const part of readMultipart(request.body as unknown as AsyncIterable<Uint8Array>, boundary)) {
      if (part.name !== "file" || part.filename === null) continue;
      const path = sanitizeArtifactPath(part.filename);
      if (!path) throw new AppError("validation_failed", `"${part.filename.slice(0, 100)}" is not a usable file name`, { fields: { file: ["Give the file a name"] } });
      const upload = await storeUpload(model.id, part.body, env.BUDMODEL_MAX_UPLOAD_BYTES);
      stored.push({ ...upload, path, format: detectFormat(path, upload.head) });
    }
    if (!stored.length) throw new AppError("validation_failed", "Send at least one file, in a field named file", { fields: { file: ["Required"] } });
    const replaced: (string | null)[] = [];
    const rows = await audited(context, async (tx) => {
      const saved: ArtifactRow[] = [];
      for (const file of stored) {
        const before = await findArtifactByPath(tx, model.id, file.path);
        replaced.push(before?.storagePath ?? null);
        saved.push(await upsertArtifact(tx, {
          modelId: model.id, path: file.path, source: "upload", storagePath: file.storagePath, url: null,
          size: BigInt(file.size), sha256: file.sha256, format: file.format,
        }));
      }
      return {
        result: saved,
        action: "artifact.uploaded",
        resourceType: "model",
        resourceId: model.id,
        after: { files: saved.map((a) => ({ path: a.path, size: Number(a.size), sha256: a.sha256, format: a.format })) },
      };
    });
    for (const file of stored) await file.commit();
    for (const old of replaced) await removeStored(old);
    return rows.map(toArtifactDto);
  } catch (error) {
    for (const file of stored) await file.discard();
    throw error;
  }
}

export interface HubFileInput {
  path: string;
  size: number;
  sha256: string | null;
  url: string;
}

/**
 * The Hugging Face importer's side: makes the model's Hub artifacts exactly `files` (added,
 * updated, removed), in the importer's transaction. Uploaded artifacts are left alone; a Hub file
 * with an uploaded file's path is skipped (the upload is what was scanned).
 */
export async function upsertHubArtifacts(tx: DbClient, modelId: string, files: HubFileInput[]): Promise<void> {
  const existing = await findAllArtifacts(tx, modelId);
  const byPath = new Map(existing.map((a) => [a.path, a]));
  const wanted = new Set<string>();
  for (const file of files) {
    const path = sanitizeArtifactPath(file.path);
    if (!path) continue;
    const current = byPath.get(path);
    if (current?.source === "upload") continue;
    wanted.add(path);
    await upsertArtifact(tx, {
      modelId, path, source: "huggingface", storagePath: null, url: file.url, size: BigInt(file.size),
      sha256: file.sha256?.toLowerCase() ?? null, format: current?.format && current.format !== "other" ? current.format : formatFromName(path),
    });
  }
  await deleteArtifacts(tx, existing.filter((a) => a.source === "huggingface" && !wanted.has(a.path)).map((a) => a.id));
}
