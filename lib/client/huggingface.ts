// The browser's side of Hub imports and the requirements calculator: TanStack Query hooks over
// /api/v1/models/import, /models/{id}/sync and /models/{id}/requirements. Keys sit under the
// model's own key, so invalidating a model refreshes its requirements too.
"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ModelDto } from "@/lib/models/schema";
import type { RequirementsDto } from "@/lib/requirements/schema";
import { apiFetch, queryKeys, rememberSavedModel } from "./api";

export interface RequirementsParams {
  precision: string;
  kv_cache_dtype: string;
  concurrency: number;
  context_length?: number;
}

export const hubKeys = {
  requirements: (id: string, params: RequirementsParams) => [...queryKeys.model(id), "requirements", params] as const,
};

/** Imports one repo; the caller runs several in turn for a pasted list. */
export function useImportModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { repo_id: string; revision?: string }) => apiFetch<ModelDto>("/api/v1/models/import", { method: "POST", json: body }),
    onSuccess: (model) => rememberSavedModel(queryClient, model),
  });
}

export function useSyncModel(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<ModelDto>(`/api/v1/models/${id}/sync`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.model(id) }),
  });
}

export function useRequirements(id: string, params: RequirementsParams) {
  const search = new URLSearchParams(
    Object.entries(params).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]),
  );
  return useQuery({
    queryKey: hubKeys.requirements(id, params),
    queryFn: () => apiFetch<RequirementsDto>(`/api/v1/models/${id}/requirements?${search}`),
    // Keep the table on screen while a changed control loads its numbers.
    placeholderData: keepPreviousData,
  });
}
