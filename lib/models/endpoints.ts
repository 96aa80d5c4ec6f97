// The model endpoints: what the route handlers and the OpenAPI document are built from.
import { defineEndpoint } from "@/lib/http/endpoint";
import { listModelsQuerySchema, modelInputSchema, modelPageSchema, modelPatchSchema, modelSchema } from "./schema";

export const listModelsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/models", tag: "Models", role: "viewer",
  summary: "List models, with ranked text search, filters, sort and paging",
  query: listModelsQuerySchema,
  success: { status: 200, description: "A page of models", schema: modelPageSchema },
});

export const createModelEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/models", tag: "Models", role: "engineer",
  summary: "Register a model",
  body: modelInputSchema,
  success: { status: 201, description: "The model; Location names it", schema: modelSchema },
  errors: [409, 413],
});

export const getModelEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/models/{id}", tag: "Models", role: "viewer",
  summary: "Get a model",
  success: { status: 200, description: "The model", schema: modelSchema },
  errors: [404],
});

export const replaceModelEndpoint = defineEndpoint({
  method: "PUT", path: "/api/v1/models/{id}", tag: "Models", role: "engineer",
  summary: "Replace a model's editable metadata",
  body: modelInputSchema,
  success: { status: 200, description: "The model", schema: modelSchema },
  errors: [404, 409, 413],
});

export const patchModelEndpoint = defineEndpoint({
  method: "PATCH", path: "/api/v1/models/{id}", tag: "Models", role: "engineer",
  summary: "Change some of a model's metadata",
  body: modelPatchSchema,
  success: { status: 200, description: "The model", schema: modelSchema },
  errors: [404, 409, 413],
});

export const deleteModelEndpoint = defineEndpoint({
  method: "DELETE", path: "/api/v1/models/{id}", tag: "Models", role: "admin",
  summary: "Remove a model",
  success: { status: 204, description: "Removed" },
  errors: [404],
});

export const modelEndpoints = [
  listModelsEndpoint, createModelEndpoint, getModelEndpoint,
  replaceModelEndpoint, patchModelEndpoint, deleteModelEndpoint,
];
