// Users of every role, each with a browser session cookie and an API token, for the tests.
import { encode } from "next-auth/jwt";
import { createToken, createUser } from "@/lib/auth/service";
import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";

export interface TestIdentity {
  userId: string;
  email: string;
  cookie: string;
  token: string;
  sessionId: string;
}

const system = { actor: { type: "system" as const, label: "test set-up" } };

export async function sessionCookieFor(userId: string, expiresInMs = 3600_000): Promise<{ cookie: string; sessionId: string }> {
  const session = await (await db()).session.create({ data: { userId, expiresAt: new Date(Date.now() + expiresInMs) } });
  const jwt = await encode({ token: { sid: session.id, uid: userId }, secret: process.env.NEXTAUTH_SECRET! });
  return { cookie: `next-auth.session-token=${jwt}`, sessionId: session.id };
}

export async function createIdentity(role: Role, label: string = role): Promise<TestIdentity> {
  const email = `${label}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const user = await createUser({ email, name: label, password: "correct-horse-battery", role }, system);
  const { cookie, sessionId } = await sessionCookieFor(user.id);
  const owner = { actor: { type: "user" as const, userId: user.id, email, role, sessionId } };
  const { token } = await createToken({ name: `${label} automation` }, owner);
  return { userId: user.id, email, cookie, token, sessionId };
}

export const BOOTSTRAP_TOKEN = "bootstrap-admin-token-for-tests-0123456789";
