// The browser's side of the API: one fetch helper that turns the error shape into ApiError,
// the query keys in one place, and the TanStack Query hooks for models.
"use client";
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { ModelDto } from "@/lib/models/schema";

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly fields: Record<string, string[]>) {
    super(message);
  }
}

export interface FormErrors {
  /** Beside each field: the server's messages for it. */
  fields: Record<string, string>;
  /** Above the form's button: what went wrong, or null when nothing did. */
  message: string | null;
}

/**
 * What a form shows for a failed request. A nested path ("config.hidden_size") counts for its
 * top-level field, unless `rename` names the form field a path belongs to. An error that is not
 * the API's (the network) gets a message that says so.
 */
export function formErrors(error: unknown, rename: Record<string, string> = {}): FormErrors {
  if (!error) return { fields: {}, message: null };
  if (!(error instanceof ApiError)) return { fields: {}, message: "The registry could not be reached. Check your connection and try again." };
  const fields: Record<string, string> = {};
  for (const [path, messages] of Object.entries(error.fields)) {
    const field = rename[path] ?? path.split(".")[0];
    fields[field] = [fields[field], ...messages].filter(Boolean).join(" ");
  }
  return { fields, message: error.message };
}

export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    headers: { Accept: "application/json", ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...rest.headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new ApiError(response.status, error.code ?? "internal", error.message ?? `Request failed (${response.status})`, error.details?.fields ?? {});
  }
  return body as T;
}

export const queryKeys = {
  models: ["models"] as const,
  model: (id: string) => ["models", id] as const,
};

/** After a model was written: the lists are stale, and the model's own answer is this one. */
export function rememberSavedModel(queryClient: QueryClient, model: ModelDto): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.models });
  queryClient.setQueryData(queryKeys.model(model.id), model);
}

export function useSaveModel(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      id
        ? apiFetch<ModelDto>(`/api/v1/models/${id}`, { method: "PATCH", json: input })
        : apiFetch<ModelDto>("/api/v1/models", { method: "POST", json: input }),
    onSuccess: (model) => rememberSavedModel(queryClient, model),
  });
}

export function useDeleteModel(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`/api/v1/models/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      // The model's own queries (requirements, scans, ...) would only 404 now: drop them, and
      // refresh the lists without holding up the navigation away.
      queryClient.removeQueries({ queryKey: queryKeys.model(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.models });
    },
  });
}
