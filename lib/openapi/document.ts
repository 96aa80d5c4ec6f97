// The OpenAPI 3.1 document, generated from the endpoints' zod schemas (never written by hand).
import { z } from "zod";
import { version } from "@/lib/env";
import { errorBodySchema, errorStatus } from "@/lib/http/errors";
import type { Endpoint } from "@/lib/http/endpoint";
import { allEndpoints } from "./endpoints";

type JsonSchema = Record<string, unknown>;

const errorDescriptions: Record<number, string> = Object.fromEntries(
  Object.entries(errorStatus).map(([code, status]) => [status, code]),
);

export function buildOpenApiDocument(endpoints: Endpoint[] = allEndpoints) {
  const components: Record<string, JsonSchema> = {};
  const convert = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const result = z.toJSONSchema(schema, {
      io,
      unrepresentable: "any",
    }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    for (const [id, def] of Object.entries(result.$defs ?? {})) components[id] = rewriteRefs(def);
    delete result.$defs;
    delete result.$schema;
    return rewriteRefs(result);
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const operation: Record<string, unknown> = {
      operationId: operationId(endpoint),
      summary: endpoint.summary,
      tags: [endpoint.tag],
      "x-required-role": endpoint.role,
      parameters: [...pathParameters(endpoint, convert), ...queryParameters(endpoint, convert)],
      responses: responses(endpoint, convert),
    };
    if (endpoint.multipart && !endpoint.body) {
      // An upload read as a stream by its handler: only the form is documented.
      operation.requestBody = { required: true, content: { "multipart/form-data": { schema: convert(endpoint.multipart, "input") } } };
    }
    if (endpoint.body) {
      operation.requestBody = {
        required: true,
        content: {
          "application/json": { schema: convert(endpoint.body, "input") },
          ...(endpoint.multipart ? { "multipart/form-data": { schema: convert(endpoint.multipart, "input") } } : {}),
        },
      };
    }
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation;
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "budmodel API",
      version,
      description:
        "The model registry's HTTP API. Errors share one shape ({error: {code, message, details}}); " +
        "lists take page, page_size (max 100), sort and order; JSON fields are snake_case.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { ...components, Error: convert(errorBodySchema, "output") },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
  };
}

function rewriteRefs(schema: JsonSchema): JsonSchema {
  const text = JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/');
  return JSON.parse(text) as JsonSchema;
}

function operationId(endpoint: Endpoint): string {
  const words = endpoint.path.replace("/api/v1/", "").replace(/[{}]/g, "").split(/[/.]/);
  return [endpoint.method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join("");
}

function pathParameters(endpoint: Endpoint, convert: (s: z.ZodType, io: "input" | "output") => JsonSchema) {
  const declared = endpoint.params ? (convert(endpoint.params, "input").properties as Record<string, JsonSchema>) : {};
  return [...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name, in: "path", required: true, schema: declared[name] ?? { type: "string", format: "uuid" },
  }));
}

function queryParameters(endpoint: Endpoint, convert: (s: z.ZodType, io: "input" | "output") => JsonSchema) {
  if (!endpoint.query) return [];
  const schema = convert(endpoint.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name, in: "query", required: schema.required?.includes(name) ?? false, schema: property,
  }));
}

function responses(endpoint: Endpoint, convert: (s: z.ZodType, io: "input" | "output") => JsonSchema) {
  const { success } = endpoint;
  const result: Record<string, unknown> = {
    [success.status]: success.schema
      ? {
          description: success.description,
          content: {
            "application/json": { schema: convert(success.schema, "output") },
            // Other representations (text/csv) are text whose shape the description gives.
            ...Object.fromEntries((success.contentTypes ?? []).filter((t) => t !== "application/json").map((t) => [t, { schema: { type: "string" } }])),
          },
        }
      : { description: success.description },
  };
  // A JSON body is read with a size cap (lib/http/body.ts): past it, 413.
  const errorStatuses = new Set([...(endpoint.body ? [400, 413] : []), 422, 500, ...(endpoint.errors ?? [])]);
  // Credentials that are presented must be valid, even where none are needed (api.md, Auth).
  errorStatuses.add(401);
  // 403: a role too low, or a write signed in by a session cookie from another site.
  if (endpoint.role === "engineer" || endpoint.role === "admin" || endpoint.method !== "GET") errorStatuses.add(403);
  // Writes are rate limited per caller (WRITE_RATE_LIMIT, lib/http/write-limit.ts).
  if (endpoint.method !== "GET") errorStatuses.add(429);
  for (const status of [...errorStatuses].sort()) {
    result[status] = {
      description: errorDescriptions[status] ?? "error",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return result;
}
