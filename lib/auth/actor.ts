// Who is making a request, and whether they may: a bearer token (personal, or the bootstrap
// BUDMODEL_ADMIN_TOKEN), a signed-in browser session, or nobody.
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import type { RequestHead } from "@/lib/http/request-head";
import { findSessionUser, findTokenByHash, touchToken } from "./queries";
import { roleAtLeast, type Role } from "./roles";
import { authSecret } from "./secret";
import { hashToken, secretsEqual } from "./token-secret";

export type Actor =
  | { type: "anonymous" }
  | { type: "system"; label: string }
  | { type: "bootstrap"; role: "admin" }
  | { type: "user"; userId: string; email: string; role: Role; sessionId: string }
  | { type: "token"; userId: string; email: string; role: Role; tokenId: string; tokenName: string };

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function actorRole(actor: Actor): Role | null {
  if (actor.type === "bootstrap") return "admin";
  if (actor.type === "user" || actor.type === "token") return actor.role;
  if (actor.type === "system") return "admin";
  return null;
}

export async function resolveActor(request: RequestHead): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) return actorFromBearer(authorization);
  const session = await actorFromCookies(request.headers.get("cookie"));
  if (session === "invalid") throw new AppError("unauthorized", "Your session has ended or is invalid: sign in again");
  return session ?? { type: "anonymous" };
}

async function actorFromBearer(header: string): Promise<Actor> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("unauthorized", "Use Authorization: Bearer <token>");
  const token = match[1];
  if (env.BUDMODEL_ADMIN_TOKEN && secretsEqual(token, env.BUDMODEL_ADMIN_TOKEN)) return { type: "bootstrap", role: "admin" };
  const row = await findTokenByHash(hashToken(token));
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.user.disabled) {
    throw new AppError("unauthorized", "This token is invalid, expired or revoked");
  }
  await touchToken(row.id, row.lastUsedAt, now);
  // A token never acts above its owner's current role.
  const role = roleAtLeast(row.user.role, row.role) ? row.role : row.user.role;
  return { type: "token", userId: row.userId, email: row.user.email, role, tokenId: row.id, tokenName: row.name };
}

function readCookie(header: string | null, name: string): string | undefined {
  const cookies = new Map(
    (header ?? "").split(";").map((part) => {
      const index = part.indexOf("=");
      return [part.slice(0, index).trim(), decodeCookieValue(part.slice(index + 1).trim())] as const;
    }),
  );
  if (cookies.has(name)) return cookies.get(name);
  // next-auth splits large cookies into name.0, name.1, ...
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join("") : undefined;
}

/** A cookie value, percent-decoded; one that is not valid percent-encoding is taken as it is. */
function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The signed-in user behind a Cookie header: null when none is presented, "invalid" when it is stale. */
export async function actorFromCookies(cookieHeader: string | null): Promise<Actor | "invalid" | null> {
  if (!cookieHeader) return null;
  const raw = SESSION_COOKIES.map((name) => readCookie(cookieHeader, name)).find(Boolean);
  if (!raw) return null;
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  const sessionId = typeof token?.sid === "string" ? token.sid : null;
  if (!sessionId) return "invalid";
  const session = await findSessionUser(sessionId);
  if (!session || session.expiresAt <= new Date() || session.user.disabled) return "invalid";
  return { type: "user", userId: session.user.id, email: session.user.email, role: session.user.role, sessionId };
}

/** Throws 401 or 403 unless the actor may use an endpoint that needs `required`. */
export function authorize(actor: Actor, required: Role | "public" | "signed_in"): void {
  if (required === "public") return;
  const role = actorRole(actor);
  if (role === null) {
    if (required === "viewer" && env.PUBLIC_READ === "true") return;
    throw new AppError("unauthorized", "Sign in or send an API token to do this");
  }
  if (required !== "signed_in" && !roleAtLeast(role, required)) throw new AppError("forbidden", `This needs the ${required} role; you have ${role}`);
}

/** Cookie-authenticated writes must come from our own pages (bearer tokens need no check). */
export function checkSameOrigin(actor: Actor, request: RequestHead): void {
  if (actor.type !== "user" || ["GET", "HEAD", "OPTIONS"].includes(request.method)) return;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const crossSite = (site !== null && site !== "same-origin" && site !== "none") || (origin !== null && !isOriginOf(origin, host));
  if (crossSite) throw new AppError("forbidden", "Cross-site requests cannot change data");
}

/** Whether an Origin header names `host`: "null", or anything that is not an origin, never does. */
function isOriginOf(origin: string, host: string | null): boolean {
  if (host === null || !URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}

/** Who did it, for the audit log. */
export function describeActor(actor: Actor): { actorType: string; actorId: string | null; actorLabel: string; tokenId: string | null } {
  switch (actor.type) {
    case "user": return { actorType: "user", actorId: actor.userId, actorLabel: actor.email, tokenId: null };
    case "token": return { actorType: "token", actorId: actor.userId, actorLabel: `${actor.email} (token ${actor.tokenName})`, tokenId: actor.tokenId };
    case "bootstrap": return { actorType: "bootstrap", actorId: null, actorLabel: "BUDMODEL_ADMIN_TOKEN", tokenId: null };
    case "system": return { actorType: "system", actorId: null, actorLabel: actor.label, tokenId: null };
    default: return { actorType: "anonymous", actorId: null, actorLabel: "anonymous", tokenId: null };
  }
}
