// Prisma calls for users, sessions and tokens; nothing else touches those tables.
import { db } from "@/lib/db";
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/db/client";

export const userSelect = { id: true, email: true, name: true, role: true, disabled: true, createdAt: true, updatedAt: true } satisfies Prisma.UserSelect;
export type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export const tokenSelect = {
  id: true, name: true, prefix: true, role: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true, userId: true,
} satisfies Prisma.ApiTokenSelect;
export type TokenRow = Prisma.ApiTokenGetPayload<{ select: typeof tokenSelect }>;

export async function findTokenByHash(tokenHash: string) {
  return (await db()).apiToken.findUnique({
    where: { tokenHash },
    select: { ...tokenSelect, user: { select: { email: true, role: true, disabled: true } } },
  });
}

// last_used_at is written at most once a minute per token, not on every request.
export async function touchToken(id: string, lastUsedAt: Date | null, now: Date): Promise<void> {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < 60_000) return;
  await (await db()).apiToken.update({ where: { id }, data: { lastUsedAt: now } });
}

export async function findSessionUser(id: string) {
  return (await db()).session.findUnique({
    where: { id },
    select: { expiresAt: true, user: { select: { id: true, email: true, role: true, disabled: true } } },
  });
}

export async function insertSession(userId: string, expiresAt: Date): Promise<string> {
  return (await (await db()).session.create({ data: { userId, expiresAt }, select: { id: true } })).id;
}

export async function deleteSession(id: string): Promise<void> {
  await (await db()).session.deleteMany({ where: { id } });
}

export async function findUserForSignIn(email: string) {
  return (await db()).user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true } });
}

export async function findUserById(id: string, client?: DbClient) {
  return (client ?? (await db())).user.findUnique({ where: { id }, select: userSelect });
}

export async function findUsers(where: Prisma.UserWhereInput, page: number, pageSize: number) {
  const prisma = await db();
  const [rows, total] = await Promise.all([
    prisma.user.findMany({ where, select: userSelect, orderBy: [{ email: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
    prisma.user.count({ where }),
  ]);
  return { rows, total };
}

export async function countUsers(): Promise<number> {
  return (await db()).user.count();
}

export async function countActiveAdmins(client: DbClient): Promise<number> {
  return client.user.count({ where: { role: "admin", disabled: false } });
}

export async function insertUser(client: DbClient, data: { email: string; name?: string | null; passwordHash: string | null; role: Role }) {
  return client.user.create({ data, select: userSelect });
}

export async function updateUserById(client: DbClient, id: string, data: Prisma.UserUpdateInput) {
  return client.user.update({ where: { id }, data, select: userSelect });
}

export async function deleteSessionsOfUser(client: DbClient, userId: string): Promise<void> {
  await client.session.deleteMany({ where: { userId } });
}

export async function findOidcAccount(provider: string, providerAccountId: string) {
  return (await db()).account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: userSelect } },
  });
}

export async function linkOidcAccount(userId: string, provider: string, providerAccountId: string): Promise<void> {
  await (await db()).account.create({ data: { userId, provider, providerAccountId } });
}

export async function insertToken(client: DbClient, data: { userId: string; name: string; prefix: string; tokenHash: string; role: Role; expiresAt: Date | null }) {
  return client.apiToken.create({ data, select: tokenSelect });
}

export async function findTokensOfUser(userId: string) {
  return (await db()).apiToken.findMany({ where: { userId }, select: tokenSelect, orderBy: { createdAt: "desc" } });
}

export async function findTokenById(id: string, client?: DbClient) {
  return (client ?? (await db())).apiToken.findUnique({ where: { id }, select: tokenSelect });
}

export async function revokeTokenById(client: DbClient, id: string, at: Date) {
  return client.apiToken.update({ where: { id }, data: { revokedAt: at }, select: tokenSelect });
}
