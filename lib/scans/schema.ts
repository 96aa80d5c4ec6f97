// zod schemas for artifacts and scans: the output shapes of api.md and the list queries. Shared by
// the route handlers, the portal and the OpenAPI document.
import { z } from "zod";
import { pageOf, pageParams } from "@/lib/http/pagination";
import { artifactFormats } from "./scanners/detect";
import { scannerNames, severities } from "./scanners/types";

export const scanStates = ["queued", "running", "completed", "failed"] as const;
export const verdicts = ["clean", ...severities] as const;
export const artifactSources = ["upload", "huggingface"] as const;

export const findingSchema = z
  .object({
    scanner: z.enum(scannerNames),
    severity: z.enum(severities),
    rule: z.string().meta({ example: "pickle.dangerous_import" }),
    message: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ScanFinding" });

export const coverageSchema = z
  .object({ scanner: z.enum(scannerNames), covered: z.boolean(), reason: z.string().optional() })
  .meta({ id: "ScanCoverage", description: "Whether a scanner read all of the file it applies to, and why not" });

export const pickleImportSchema = z
  .object({
    module: z.string(),
    name: z.string(),
    safety: z.enum(["innocuous", "suspicious", "dangerous"]),
    severity: z.enum(severities).nullable(),
    count: z.number().int(),
    called: z.boolean(),
    where: z.string().optional().meta({ description: "The archive member holding the pickle" }),
  })
  .meta({ id: "PickleImport" });

export const scanFileSchema = z
  .object({
    path: z.string(),
    source: z.enum(artifactSources),
    size: z.number().int(),
    sha256: z.string().nullable().meta({ description: "Computed by the scan (null until the file is scanned)" }),
    expected_sha256: z.string().nullable().meta({ description: "Recorded for the artifact before the scan" }),
    format: z.string(),
    status: z.enum(["pending", "scanning", "done"]),
    verdict: z.enum(verdicts).nullable(),
    bytes_done: z.number().int(),
    scanners: z.array(coverageSchema),
    findings: z.array(findingSchema),
    imports: z.array(pickleImportSchema),
    summaries: z.array(z.record(z.string(), z.unknown())).meta({ description: "What the format scanners read: tensor inventory, GGUF metadata, archive members" }),
  })
  .meta({ id: "ScanFile" });

const progressSchema = z.object({
  files_total: z.number().int(),
  files_done: z.number().int(),
  bytes_total: z.number().int(),
  bytes_done: z.number().int(),
});

const scanFields = {
  id: z.uuid(),
  model_id: z.uuid(),
  status: z.enum(scanStates),
  verdict: z.enum(verdicts).nullable().meta({ description: "The highest severity found; clean only when every file was covered by every scanner that applies and nothing was found. Null until completed." }),
  progress: progressSchema,
  attempts: z.number().int(),
  requested_by: z.string(),
  created_at: z.iso.datetime(),
  started_at: z.iso.datetime().nullable(),
  finished_at: z.iso.datetime().nullable(),
  error: z.string().nullable(),
};

export const scanSummarySchema = z.object(scanFields).meta({ id: "ScanSummary" });
export const scanSchema = z.object({ ...scanFields, files: z.array(scanFileSchema) }).meta({ id: "Scan" });
export const scanPageSchema = pageOf(scanSummarySchema, "ScanPage");

export const artifactSchema = z
  .object({
    id: z.uuid(),
    model_id: z.uuid(),
    path: z.string(),
    source: z.enum(artifactSources),
    size: z.number().int(),
    sha256: z.string().nullable(),
    format: z.enum(artifactFormats).or(z.string()),
    url: z.string().nullable().meta({ description: "Where a Hub file is fetched from (null for uploads)" }),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Artifact" });

export const artifactListSchema = z.object({ data: z.array(artifactSchema) }).meta({ id: "ArtifactList" });
export const artifactPageSchema = pageOf(artifactSchema, "ArtifactPage");

export const listScansQuerySchema = z.strictObject({ ...pageParams });
export const listArtifactsQuerySchema = z.strictObject({ ...pageParams, page_size: z.coerce.number().int().min(1).max(100).default(100) });

export const uploadFormSchema = z
  .object({ file: z.array(z.string().meta({ format: "binary" })).meta({ description: "One or more files, each in a field named file" }) })
  .meta({ id: "ArtifactUpload" });

export type Finding = z.infer<typeof findingSchema>;
export type ScanDto = z.infer<typeof scanSchema>;
export type ScanSummaryDto = z.infer<typeof scanSummarySchema>;
export type ScanFileDto = z.infer<typeof scanFileSchema>;
export type ArtifactDto = z.infer<typeof artifactSchema>;
export type ListScansQuery = z.infer<typeof listScansQuerySchema>;
export type ListArtifactsQuery = z.infer<typeof listArtifactsQuerySchema>;
