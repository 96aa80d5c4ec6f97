// The artifact and scan endpoints: what the route handlers and the OpenAPI document are built from.
import { defineEndpoint } from "@/lib/http/endpoint";
import {
  artifactListSchema, artifactPageSchema, listArtifactsQuerySchema, listScansQuerySchema, scanPageSchema, scanSchema, uploadFormSchema,
} from "./schema";

export const uploadArtifactsEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/models/{id}/artifacts", tag: "Scans", role: "engineer",
  summary: "Upload model files (multipart, one or more fields named file), streamed to storage and hashed",
  multipart: uploadFormSchema,
  success: { status: 201, description: "The stored artifacts (a file with an existing path replaces it)", schema: artifactListSchema },
  // 507: the artifact store is full; nothing of the upload is kept.
  errors: [400, 404, 413, 507],
});

export const listArtifactsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/models/{id}/artifacts", tag: "Scans", role: "viewer",
  summary: "A model's files: uploads and Hub files", query: listArtifactsQuerySchema,
  success: { status: 200, description: "A page of artifacts", schema: artifactPageSchema },
  errors: [404],
});

export const requestScanEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/models/{id}/scan", tag: "Scans", role: "engineer",
  summary: "Scan a model's files (ClamAV, pickle, safetensors, GGUF, archives) as a queued job",
  success: {
    status: 202,
    description: "The queued scan; Location names it. A scan already queued or running is returned instead, with 200.",
    schema: scanSchema,
  },
  errors: [404, 409, 503],
});

export const getScanEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/scans/{id}", tag: "Scans", role: "viewer",
  summary: "A scan: status, verdict, progress, and each file's report",
  success: { status: 200, description: "The scan", schema: scanSchema },
  errors: [404],
});

export const listScansEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/models/{id}/scans", tag: "Scans", role: "viewer",
  summary: "A model's scan history, newest first", query: listScansQuerySchema,
  success: { status: 200, description: "A page of scans", schema: scanPageSchema },
  errors: [404],
});

export const scanEndpoints = [uploadArtifactsEndpoint, listArtifactsEndpoint, requestScanEndpoint, getScanEndpoint, listScansEndpoint];
