// Service endpoints: health and the OpenAPI document itself.
import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { healthSchema } from "./health";

export const healthEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/health", tag: "Service", role: "public",
  summary: "Health of the service and its dependencies (503 when it cannot serve)",
  success: { status: 200, description: "Healthy or degraded", schema: healthSchema },
  errors: [503],
});

export const openapiEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/openapi.json", tag: "Service", role: "public",
  summary: "This OpenAPI 3.1 document",
  success: { status: 200, description: "The document", schema: z.record(z.string(), z.unknown()) },
});

export const systemEndpoints = [healthEndpoint, openapiEndpoint];
