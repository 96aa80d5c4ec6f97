// The requirements endpoint: what its route handler and the OpenAPI document are built from.
import { defineEndpoint } from "@/lib/http/endpoint";
import { requirementsQuerySchema, requirementsSchema } from "./schema";

export const requirementsEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/models/{id}/requirements", tag: "Models", role: "viewer",
  summary: "Memory to serve a model at a precision, context length and concurrency, and what hardware it fits",
  query: requirementsQuerySchema,
  success: { status: 200, description: "The breakdown, and for each GPU type the fit, cards needed and largest context", schema: requirementsSchema },
  errors: [404],
});

export const requirementsEndpoints = [requirementsEndpoint];
