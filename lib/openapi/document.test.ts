import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";
import { allEndpoints } from "./endpoints";

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("is OpenAPI 3.1 and lists every endpoint once", () => {
    expect(document.openapi).toBe("3.1.0");
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(allEndpoints.map((e) => `${e.method} ${e.path}`).sort());
  });

  it("every $ref points at a schema in components", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    // Schemas nested in components too (a benchmark's metrics): zod names them #/$defs/... at first.
    for (const ref of refs) expect(ref).toMatch(/^#\/components\/schemas\//);
    for (const ref of refs) expect(document.components.schemas).toHaveProperty(ref.replace("#/components/schemas/", ""));
  });

  it("lists the errors any operation can answer: 401 (bad credentials), 403 and 429 on writes, 400 and 413 with a JSON body", () => {
    for (const endpoint of allEndpoints) {
      const operation = (document.paths[endpoint.path] as Record<string, { responses: Record<string, unknown> }>)[endpoint.method.toLowerCase()];
      const statuses = Object.keys(operation.responses);
      const name = `${endpoint.method} ${endpoint.path}`;
      expect(statuses, name).toContain("401");
      if (endpoint.method !== "GET") expect(statuses, name).toContain("403");
      if (endpoint.method !== "GET") expect(statuses, name).toContain("429");
      if (endpoint.body) expect(statuses, name).toEqual(expect.arrayContaining(["400", "413"]));
    }
  });

  it("documents the list filters and their limits from the same schema that validates them", () => {
    const list = (document.paths["/api/v1/models"] as Record<string, { parameters: { name: string; schema: { maximum?: number } }[] }>).get;
    const names = list.parameters.map((p) => p.name);
    for (const name of ["q", "provider", "architecture", "license_type", "license_status", "scan_status", "task", "min_params", "max_params", "min_context", "commercial_use", "page", "page_size", "sort", "order"]) {
      expect(names).toContain(name);
    }
    expect(list.parameters.find((p) => p.name === "page_size")?.schema.maximum).toBe(100);
  });
});
