// The browser's side of users and API tokens: TanStack Query hooks over /api/v1/users and
// /api/v1/tokens, reusing apiFetch (and so ApiError with the server's field messages).
"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@/lib/auth/roles";
import type { TokenDto, UserDto } from "@/lib/auth/schema";
import { apiFetch } from "./api";

export const accountKeys = {
  users: ["users"] as const,
  tokens: ["tokens"] as const,
};

export type CreateTokenBody = { name: string; role: Role; expires_at: string | null };
export type CreatedToken = TokenDto & { token: string };
export type CreateUserBody = { email: string; name: string | null; password: string; role: Role };
export type UserPatch = { role?: Role; name?: string | null; disabled?: boolean; password?: string };

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) => apiFetch<CreatedToken>("/api/v1/tokens", { method: "POST", json: body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useRevokeToken(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`/api/v1/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => apiFetch<UserDto>("/api/v1/users", { method: "POST", json: body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.users }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) =>
      apiFetch<UserDto>(`/api/v1/users/${id}`, { method: "PATCH", json: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.users }),
  });
}
