// What every API reply gets on its way out, whether a handler made it or an error did: the
// security headers (security-headers.mjs), its X-Request-Id, and the request's one log line.
// Everything here runs on the API's hot path: headers are set from lists made once, the line is
// one JSON.stringify, skipped entirely below LOG_LEVEL.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { logEnabled, writeLog, type LogLevel } from "@/lib/log";
import type { Reply } from "./reply";
import type { RequestHead } from "./request-head";
import { apiSecurityHeaders, cameOverTls } from "./security-headers.mjs";

export interface RequestOutcome {
  request: RequestHead;
  requestId: string;
  /** performance.now() when the request arrived. */
  startedAt: number;
  /** The endpoint's declaration, e.g. "GET /api/v1/models/{id}". */
  route?: string;
  /** Who made it, once known (not when their credentials were refused). */
  actor?: Actor;
  /** What was thrown, for a 500: logged with its stack, never sent to the client. */
  failure?: unknown;
}

/** The caller's X-Request-Id (cut to 64 characters), or a new one. */
export function requestIdOf(request: RequestHead): string {
  return request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
}

export function finishReply(reply: Reply, outcome: RequestOutcome): Reply {
  const { request, requestId } = outcome;
  reply.headers["X-Request-Id"] = requestId;
  for (const [name, value] of apiSecurityHeaders(cameOverTls(request.headers.get("x-forwarded-proto"), request.url))) {
    reply.headers[name] = value;
  }
  const level: LogLevel = outcome.failure !== undefined ? "error" : reply.status >= 500 ? "warn" : "info";
  if (logEnabled(level)) {
    const { startedAt, failure } = outcome;
    writeLog(level, "request", {
      requestId,
      method: request.method,
      path: pathOf(request.url),
      route: outcome.route,
      status: reply.status,
      duration_ms: Math.round((performance.now() - startedAt) * 10) / 10,
      ...actorFields(outcome.actor),
      ...(failure !== undefined ? { error: describeFailure(failure) } : {}),
    });
  }
  return reply;
}

/**
 * What was thrown, for the log: its name, the first line of its message and its stack frames. The
 * rest of a message can quote the failed call's arguments (Prisma's do: row values, hashes).
 */
function describeFailure(failure: unknown): string {
  if (!(failure instanceof Error)) return String(failure).slice(0, 200);
  const headline = failure.message.split("\n").map((line) => line.trim()).find(Boolean) ?? "";
  const frames = (failure.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return [`${failure.name}: ${headline.slice(0, 300)}`, ...frames].join("\n");
}

/** The path alone: the query string may hold values that are nobody else's business. */
function pathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  const end = url.indexOf("?", start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

/** Who, by id only: never a token, a cookie or an e-mail address. */
function actorFields(actor: Actor | undefined): Record<string, string> {
  if (!actor) return { actor_type: "none" };
  switch (actor.type) {
    case "token": return { actor_type: "token", actor_id: actor.userId, token_id: actor.tokenId };
    case "user": return { actor_type: "user", actor_id: actor.userId };
    case "system": return { actor_type: "system", actor_id: actor.label };
    default: return { actor_type: actor.type };
  }
}
