// The Hugging Face endpoints: what the route handlers and the OpenAPI document are built from.
import { defineEndpoint } from "@/lib/http/endpoint";
import { modelSchema } from "@/lib/models/schema";
import { hubRevisionPageSchema, importModelBodySchema, listRevisionsQuerySchema, syncModelQuerySchema } from "./schema";

// Hub failures: 403 gated, 404 missing or private, 429 rate-limited, 502 an unreadable answer,
// 503 unreachable, 504 no answer in time.
const hubErrors = [403, 404, 429, 502, 503, 504];

export const importModelEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/models/import", tag: "Hugging Face", role: "engineer",
  summary: "Import a model from the Hugging Face Hub (no weights are downloaded)",
  body: importModelBodySchema,
  success: { status: 201, description: "The new model; Location names it. 200 with the existing model, refreshed, when the repo was imported before", schema: modelSchema },
  errors: [...hubErrors, 409, 422],
});

export const syncModelEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/models/{id}/sync", tag: "Hugging Face", role: "engineer",
  summary: "Refresh an imported model from the Hub; what changed goes to its history",
  query: syncModelQuerySchema,
  success: { status: 200, description: "The model, refreshed", schema: modelSchema },
  errors: [...hubErrors, 409],
});

export const listRevisionsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/models/{id}/revisions", tag: "Hugging Face", role: "viewer",
  summary: "The Hub revisions a model has been imported or synced at, newest first, with the repo's files",
  query: listRevisionsQuerySchema,
  success: { status: 200, description: "A page of revisions", schema: hubRevisionPageSchema },
  errors: [404],
});

export const huggingFaceEndpoints = [importModelEndpoint, syncModelEndpoint, listRevisionsEndpoint];
