// User and token endpoints.
import { defineEndpoint } from "@/lib/http/endpoint";
import {
  createTokenSchema, createUserSchema, createdTokenSchema, listUsersQuerySchema, patchUserSchema,
  tokenListSchema, userPageSchema, userSchema,
} from "./schema";

export const listUsersEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/users", tag: "Users", role: "admin",
  summary: "List users", query: listUsersQuerySchema,
  success: { status: 200, description: "A page of users", schema: userPageSchema },
});

export const createUserEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/users", tag: "Users", role: "admin",
  summary: "Create a user", body: createUserSchema,
  success: { status: 201, description: "The user", schema: userSchema }, errors: [409],
});

export const patchUserEndpoint = defineEndpoint({
  method: "PATCH", path: "/api/v1/users/{id}", tag: "Users", role: "admin",
  summary: "Change a user's role, name, password, or disable them", body: patchUserSchema,
  success: { status: 200, description: "The user", schema: userSchema }, errors: [404, 409],
});

export const createTokenEndpoint = defineEndpoint({
  method: "POST", path: "/api/v1/tokens", tag: "Tokens", role: "signed_in",
  summary: "Create a personal API token (the secret is shown once)", body: createTokenSchema,
  success: { status: 201, description: "The token, with its secret", schema: createdTokenSchema },
});

export const listTokensEndpoint = defineEndpoint({
  method: "GET", path: "/api/v1/tokens", tag: "Tokens", role: "signed_in",
  summary: "The caller's own tokens",
  success: { status: 200, description: "Tokens, newest first", schema: tokenListSchema },
});

export const revokeTokenEndpoint = defineEndpoint({
  method: "DELETE", path: "/api/v1/tokens/{id}", tag: "Tokens", role: "signed_in",
  summary: "Revoke a token (your own; admins any)",
  success: { status: 204, description: "Revoked" }, errors: [404],
});

export const authEndpoints = [listUsersEndpoint, createUserEndpoint, patchUserEndpoint, createTokenEndpoint, listTokensEndpoint, revokeTokenEndpoint];
