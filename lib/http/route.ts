// The one route wrapper: identity, the write limit and role first, then validation, then the
// handler, then the mapping of whatever was thrown to the one error shape; every response leaves
// through finishApiResponse (security headers, X-Request-Id, the request's log line).
import type { z } from "zod";
import { authorize, checkSameOrigin, resolveActor, type Actor } from "@/lib/auth/actor";
import type { Endpoint } from "./endpoint";
import { AppError, errorResponse, toAppError, validationError } from "./errors";
import { readJsonBody } from "./body";
import { finishApiResponse, requestIdOf } from "./finish";
import { limitWrites } from "./write-limit";

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
  const routeName = `${endpoint.method} ${endpoint.path}`;
  return async (request: Request, context?: NextContext): Promise<Response> => {
    const startedAt = performance.now();
    const requestId = requestIdOf(request);
    let actor: Actor | undefined;
    try {
      actor = await resolveActor(request);
      limitWrites(actor, request);
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
      return finishApiResponse(response, { request, requestId, startedAt, route: routeName, actor });
    } catch (thrown) {
      const error = toAppError(thrown);
      const failure = error.code === "internal" ? thrown : undefined;
      return finishApiResponse(errorResponse(error, requestId), { request, requestId, startedAt, route: routeName, actor, failure });
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
