// The one route wrapper: identity and role first, then validation, then the handler, then the
// mapping of whatever was thrown to the one error shape.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { authorize, checkSameOrigin, resolveActor, type Actor } from "@/lib/auth/actor";
import type { Endpoint } from "./endpoint";
import { AppError, errorResponse, toAppError, validationError } from "./errors";
import { readJsonBody } from "./body";

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<Query, Body> {
  request: Request;
  query: Query;
  body: Body;
  params: Record<string, string>;
  actor: Actor;
  requestId: string;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

export function route<Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  endpoint: Endpoint<Q, B>,
  handler: (context: RouteContext<Parsed<Q>, Parsed<B>>) => Promise<unknown>,
) {
  return async (request: Request, context?: NextContext): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      const actor = await resolveActor(request);
      authorize(actor, endpoint.role);
      checkSameOrigin(actor, request);
      const query = parseQuery(endpoint.query, new URL(request.url).searchParams);
      const body = endpoint.body ? endpoint.body.safeParse(await (endpoint.readBody ?? readJsonBody)(request)) : undefined;
      if (body && !body.success) throw validationError(body.error, "body");
      const params = Object.fromEntries(
        Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, String(v)]),
      );
      const result = await handler({
        request,
        query: query as Parsed<Q>,
        body: body?.data as Parsed<B>,
        params,
        actor,
        requestId,
      });
      const response =
        result instanceof Response ? result : Response.json(result, { status: endpoint.success.status });
      response.headers.set("X-Request-Id", requestId);
      return response;
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.code === "internal") {
        console.error(JSON.stringify({ level: "error", requestId, route: `${endpoint.method} ${endpoint.path}`, error: String((thrown as Error)?.stack ?? thrown) }));
      }
      return errorResponse(error, requestId);
    }
  };
}

function parseQuery(schema: z.ZodType | undefined, params: URLSearchParams): unknown {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const previous = raw[key];
    raw[key] = previous === undefined ? value : [...([] as string[]).concat(previous), value];
  }
  if (!schema) {
    const unknown = Object.keys(raw);
    if (unknown.length) {
      throw new AppError("validation_failed", "This endpoint takes no query parameters", {
        fields: { query: [`Unknown parameter${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`] },
      });
    }
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "query");
  return parsed.data;
}

export function created(body: unknown, location: string): Response {
  return Response.json(body, { status: 201, headers: { Location: location } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
