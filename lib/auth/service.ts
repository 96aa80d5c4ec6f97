// The rules for users and tokens: who may create what, the last admin, bootstrap accounts.
import { isUuid } from "@/lib/http/ids";
import { randomBytes } from "node:crypto";
import { audited, type WriteContext } from "@/lib/audit/service";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/http/errors";
import { toPage } from "@/lib/http/pagination";
import type { Actor } from "./actor";
import { hashPassword } from "./password";
import {
  countActiveAdmins, countUsers, deleteSessionsOfUser, findTokenById, findTokensOfUser, findUserById,
  findUserForSignIn, findUsers, insertToken, insertUser, revokeTokenById, updateUserById,
  type TokenRow, type UserRow,
} from "./queries";
import { roleAtLeast, type Role } from "./roles";
import type { CreateTokenInput, CreateUserInput, ListUsersQuery, PatchUserInput, TokenDto, UserDto } from "./schema";
import { generateToken } from "./token-secret";

export function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabled,
    created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString(),
  };
}

export function toTokenDto(row: TokenRow): TokenDto {
  return {
    id: row.id, name: row.name, role: row.role, prefix: row.prefix, user_id: row.userId,
    expires_at: row.expiresAt?.toISOString() ?? null, last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null, created_at: row.createdAt.toISOString(),
  };
}

export async function listUsers(query: ListUsersQuery) {
  const { rows, total } = await findUsers(
    { ...(query.q ? { OR: [{ email: { contains: query.q, mode: "insensitive" } }, { name: { contains: query.q, mode: "insensitive" } }] } : {}), ...(query.role ? { role: query.role } : {}) },
    query.page, query.page_size,
  );
  return toPage(rows.map(toUserDto), total, query.page, query.page_size);
}

export async function getUserOrThrow(id: string): Promise<UserDto> {
  const row = isUuid(id) ? await findUserById(id) : null;
  if (!row) throw notFound("User");
  return toUserDto(row);
}

export async function createUser(input: CreateUserInput, context: WriteContext): Promise<UserDto> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await audited(context, async (tx) => {
      const user = toUserDto(await insertUser(tx, { email: input.email, name: input.name ?? null, passwordHash, role: input.role }));
      return { result: user, action: "user.created", resourceType: "user", resourceId: user.id, after: user };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("conflict", `A user with the email ${input.email} already exists`, { fields: { email: ["This email is taken"] } });
    }
    throw error;
  }
}

export async function updateUser(id: string, patch: PatchUserInput, context: WriteContext): Promise<UserDto> {
  await getUserOrThrow(id);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return audited(context, async (tx) => {
    const before = toUserDto((await findUserById(id, tx))!);
    const after = toUserDto(await updateUserById(tx, id, {
      ...(patch.role ? { role: patch.role } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(passwordHash ? { passwordHash } : {}),
    }));
    if (before.role === "admin" && !before.disabled && (after.role !== "admin" || after.disabled) && (await countActiveAdmins(tx)) === 0) {
      throw new AppError("conflict", "This is the last active admin: make another admin first");
    }
    // Disabling a user or changing their password ends their browser sessions.
    if (patch.disabled || passwordHash) await deleteSessionsOfUser(tx, id);
    const changes = { ...after, ...(passwordHash ? { password: "changed" } : {}) };
    return { result: after, action: "user.updated", resourceType: "user", resourceId: id, before, after: changes };
  });
}

function ownerOf(actor: Actor): { userId: string; role: Role } {
  if (actor.type === "user" || actor.type === "token") return { userId: actor.userId, role: actor.role };
  throw new AppError("forbidden", "Only a user can own tokens; with the bootstrap token, pass user_id");
}

export async function createToken(input: CreateTokenInput, context: WriteContext): Promise<TokenDto & { token: string }> {
  const { actor } = context;
  let owner: { userId: string; role: Role };
  if (input.user_id && !(actor.type === "user" && actor.userId === input.user_id)) {
    if (actor.type !== "bootstrap" && !((actor.type === "user" || actor.type === "token") && actor.role === "admin")) {
      throw new AppError("forbidden", "Only admins can create tokens for other users");
    }
    const user = isUuid(input.user_id) ? await findUserById(input.user_id) : null;
    if (!user || user.disabled) throw new AppError("validation_failed", "No such active user", { fields: { user_id: ["No such active user"] } });
    owner = { userId: user.id, role: user.role };
  } else {
    owner = ownerOf(actor);
  }
  const role = input.role ?? owner.role;
  if (!roleAtLeast(owner.role, role)) {
    throw new AppError("validation_failed", `A token cannot have more than its owner's role (${owner.role})`, { fields: { role: [`At most ${owner.role}`] } });
  }
  const secret = generateToken();
  return audited(context, async (tx) => {
    const token = toTokenDto(await insertToken(tx, {
      userId: owner.userId, name: input.name, prefix: secret.prefix, tokenHash: secret.hash, role,
      expiresAt: input.expires_at ? new Date(input.expires_at) : null,
    }));
    return { result: { ...token, token: secret.token }, action: "token.created", resourceType: "token", resourceId: token.id, after: token };
  });
}

export async function listOwnTokens(actor: Actor): Promise<{ data: TokenDto[] }> {
  if (actor.type !== "user" && actor.type !== "token") return { data: [] };
  return { data: (await findTokensOfUser(actor.userId)).map(toTokenDto) };
}

export async function revokeToken(id: string, context: WriteContext): Promise<void> {
  const row = isUuid(id) ? await findTokenById(id) : null;
  const { actor } = context;
  const isAdmin = actor.type === "bootstrap" || ((actor.type === "user" || actor.type === "token") && actor.role === "admin");
  const isOwner = (actor.type === "user" || actor.type === "token") && row?.userId === actor.userId;
  if (!row || (!isOwner && !isAdmin)) throw notFound("Token");
  if (row.revokedAt) return;
  await audited(context, async (tx) => {
    const after = toTokenDto(await revokeTokenById(tx, id, new Date()));
    return { result: undefined, action: "token.revoked", resourceType: "token", resourceId: id, before: toTokenDto(row), after };
  });
}

/** BUDMODEL_ADMIN_EMAIL/PASSWORD make the first admin once; an existing account is never overwritten. */
export async function ensureConfiguredAdmin(): Promise<void> {
  if (!env.BUDMODEL_ADMIN_EMAIL || !env.BUDMODEL_ADMIN_PASSWORD) return;
  const email = env.BUDMODEL_ADMIN_EMAIL.toLowerCase();
  if (await findUserForSignIn(email)) return;
  await createUser({ email, name: "Administrator", password: env.BUDMODEL_ADMIN_PASSWORD, role: "admin" }, { actor: { type: "system", label: "BUDMODEL_ADMIN_EMAIL at start-up" } });
}

/** The demo start-up: with no users at all, make a demo admin and say its password once. */
export async function ensureDemoAdmin(): Promise<{ email: string; password: string } | null> {
  if ((await countUsers()) > 0) return null;
  const credentials = { email: "admin@budmodel.local", password: randomBytes(12).toString("base64url") };
  await createUser({ ...credentials, name: "Demo admin", role: "admin" }, { actor: { type: "system", label: "demo start-up" } });
  return credentials;
}

export async function userCount(): Promise<number> {
  return countUsers();
}

