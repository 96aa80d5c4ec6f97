import type { Metadata } from "next";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const metadata: Metadata = { title: "API reference" };

type Operation = {
  summary: string;
  tags: string[];
  "x-required-role": string;
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string }>;
};

const methodTones: Record<string, BadgeTone> = { get: "info", post: "good", put: "warn", patch: "warn", delete: "bad" };

function describeSchema(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.join(" | ");
  const parts = [schema.type ?? (schema.anyOf ? "various" : "")].filter(Boolean).map(String);
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(`${schema.minimum ?? ""}..${schema.maximum ?? ""}`);
  if (schema.default !== undefined) parts.push(`default ${String(schema.default)}`);
  return parts.join(", ");
}

export default function DocsPage() {
  const document = buildOpenApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Generated from the same schemas that validate requests. Machine-readable:{" "}
            <a className="text-indigo-600 underline dark:text-indigo-400" href="/api/v1/openapi.json">/api/v1/openapi.json</a>
          </>
        }
      />
      <div className="space-y-4">
        <Card title="Conventions">
          <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
            <li>JSON in and out, snake_case fields, ids are UUIDs, times ISO 8601 UTC.</li>
            <li>Errors: <code>{`{"error": {"code", "message", "details"}}`}</code>; 422 lists each field under <code>details.fields</code>.</li>
            <li>Lists take <code>page</code>, <code>page_size</code> (max 100), <code>sort</code>, <code>order</code> and answer <code>{`{data, page, page_size, total, total_pages}`}</code>.</li>
            <li>The original unprefixed paths (<code>/models</code>, <code>/models/{"{id}"}</code>, …) answer API clients exactly as their <code>/api/v1</code> twins.</li>
          </ul>
        </Card>
        {operations.map(({ path, method, operation }) => (
          <Card key={`${method} ${path}`}>
            <h2 id={`${method}-${path}`} className="flex flex-wrap items-center gap-2 font-mono text-sm">
              <Badge tone={methodTones[method]}>{method.toUpperCase()}</Badge>
              <span className="font-semibold">{path}</span>
              <span className="ml-auto font-sans text-xs text-zinc-500">role: {operation["x-required-role"]}</span>
            </h2>
            <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{operation.summary}</p>
            {operation.parameters.length ? (
              <table className="mt-4 w-full text-left text-sm">
                <caption className="sr-only">Parameters</caption>
                <thead className="text-xs text-zinc-500 uppercase"><tr><th className="py-1 pr-4 font-medium">Parameter</th><th className="py-1 pr-4 font-medium">In</th><th className="py-1 font-medium">Schema</th></tr></thead>
                <tbody>
                  {operation.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`} className="border-t border-zinc-100 dark:border-zinc-800">
                      <td className="py-1 pr-4 font-mono text-xs">{p.name}{p.required ? " *" : ""}</td>
                      <td className="py-1 pr-4 text-xs">{p.in}</td>
                      <td className="py-1 text-xs text-zinc-600 dark:text-zinc-400">{describeSchema(p.schema)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {operation.requestBody ? (
              <details className="mt-4">
                <summary className="cursor-pointer text-sm font-medium">Request body schema</summary>
                <pre className="mt-2 max-h-96 overflow-auto rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-800">
                  {Object.entries(operation.requestBody.content)
                    .map(([type, { schema }]) => `${type}\n${JSON.stringify(schema, null, 2)}`)
                    .join("\n\n")}
                </pre>
              </details>
            ) : null}
            <p className="mt-4 text-xs text-zinc-500">
              Responses: {Object.entries(operation.responses).map(([status, r]) => `${status} ${r.description}`).join(" · ")}
            </p>
          </Card>
        ))}
        <Card title="Schemas">
          <pre className="max-h-[40rem] overflow-auto rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-800">{JSON.stringify(document.components.schemas, null, 2)}</pre>
        </Card>
      </div>
    </>
  );
}
