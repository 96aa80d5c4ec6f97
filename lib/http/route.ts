// The one route wrapper: identity, the write limit and role first, then validation, then the
// handler, then the mapping of whatever was thrown to the one error shape; every reply leaves
// through finishReply (security headers, X-Request-Id, the request's log line).
import type { z } from "zod";
import { authorize, checkSameOrigin, resolveActor, type Actor } from "@/lib/auth/actor";
import type { Endpoint } from "./endpoint";
import { AppError, errorReply, toAppError, validationError } from "./errors";
import { readJsonBody } from "./body";
import { finishReply, requestIdOf } from "./finish";
import { jsonReply, Reply, toWebResponse } from "./reply";
import type { RequestHead } from "./request-head";
import { limitWrites } from "./write-limit";

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<Query, Body> {
  /** The Web Request; on the production server's hot reads it is only built when a handler reads it. */
  request: Request;
  query: Query;
  body: Body;
  params: Record<string, string>;
  actor: Actor;
  requestId: string;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

/** A route handler as Next calls it, and as the production server calls it directly (`reply`). */
export interface ApiRoute {
  (request: Request, context?: NextContext): Promise<Response>;
  /** The reply to a request known by its head; `webRequest` makes the Web Request if it is needed. */
  reply(head: RequestHead, params: Record<string, string>, webRequest: () => Request): Promise<Reply>;
}

/**
 * A handler returns the response's data (sent as JSON with the endpoint's success status) or a
 * Reply of its own (created(), noContent(), another status, a stream).
 */
export function route<Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  endpoint: Endpoint<Q, B>,
  handler: (context: RouteContext<Parsed<Q>, Parsed<B>>) => Promise<unknown>,
): ApiRoute {
  const routeName = `${endpoint.method} ${endpoint.path}`;
  const reply = async (head: RequestHead, params: Record<string, string>, webRequest: () => Request): Promise<Reply> => {
    const startedAt = performance.now();
    const requestId = requestIdOf(head);
    let actor: Actor | undefined;
    try {
      actor = await resolveActor(head);
      limitWrites(actor, head);
      authorize(actor, endpoint.role);
      checkSameOrigin(actor, head);
      const query = parseQuery(endpoint.query, head.url);
      const body = endpoint.body ? endpoint.body.safeParse(await (endpoint.readBody ?? readJsonBody)(webRequest())) : undefined;
      if (body && !body.success) throw validationError(body.error, "body");
      const result = await handler({
        get request() {
          return webRequest();
        },
        query: query as Parsed<Q>,
        body: body?.data as Parsed<B>,
        params,
        actor,
        requestId,
      });
      const answer = result instanceof Reply ? result : jsonReply(result, endpoint.success.status);
      return finishReply(answer, { request: head, requestId, startedAt, route: routeName, actor });
    } catch (thrown) {
      const error = toAppError(thrown);
      const failure = error.code === "internal" ? thrown : undefined;
      return finishReply(errorReply(error, requestId), { request: head, requestId, startedAt, route: routeName, actor, failure });
    }
  };
  const handle = async (request: Request, context?: NextContext): Promise<Response> => {
    const params = Object.fromEntries(Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, String(v)]));
    return toWebResponse(await reply(request, params, () => request));
  };
  return Object.assign(handle, { reply });
}

function parseQuery(schema: z.ZodType | undefined, url: string): unknown {
  const raw: Record<string, string | string[]> = {};
  // Most API reads carry no query string: then the URL is not parsed at all.
  for (const [key, value] of url.includes("?") ? new URL(url).searchParams : []) {
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
