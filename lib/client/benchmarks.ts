// The browser's side of benchmarks, runs, hardware profiles and the leaderboard: TanStack Query
// hooks over /api/v1, reusing apiFetch (and so ApiError with the server's field messages).
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RunDto } from "@/lib/benchmarks/runs/schema";
import type { toPage } from "@/lib/http/pagination";
import type { HardwareProfileDto } from "@/lib/hardware/schema";
import type { RefreshResultDto } from "@/lib/leaderboard/schema";
import { apiFetch, ApiError } from "./api";

export const benchmarkKeys = {
  runs: ["benchmark-runs"] as const,
  runPage: (page: number, pageSize: number) => ["benchmark-runs", "page", page, pageSize] as const,
  run: (id: string) => ["benchmark-runs", id] as const,
  profiles: ["hardware-profiles"] as const,
};

export type RunBody = Record<string, string | number | boolean | null>;

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RunBody) => apiFetch<RunDto>("/api/v1/benchmarks/run", { method: "POST", json: body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: benchmarkKeys.runs }),
  });
}

export type RunPage = ReturnType<typeof toPage<RunDto>>;

const isOpen = (run: RunDto) => run.status === "queued" || run.status === "running";

/** A page of runs, newest first, polled every 2 s while any of them is still queued or running. */
export function useRuns(page: number, pageSize = 10) {
  return useQuery({
    queryKey: benchmarkKeys.runPage(page, pageSize),
    queryFn: () => apiFetch<RunPage>(`/api/v1/benchmarks/runs?page=${page}&page_size=${pageSize}`),
    refetchInterval: (query) => (query.state.data?.data.some(isOpen) ? 2000 : false),
  });
}

/** A run's status, polled twice a second until it has finished. */
export function useRun(id: string | null) {
  return useQuery({
    queryKey: benchmarkKeys.run(id ?? "none"),
    queryFn: () => apiFetch<RunDto>(`/api/v1/benchmarks/runs/${id}`),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && ["completed", "failed"].includes(query.state.data.status) ? false : 500),
  });
}

export function useRefreshLeaderboard() {
  return useMutation({ mutationFn: () => apiFetch<RefreshResultDto>("/api/v1/leaderboard/refresh", { method: "POST" }) });
}

export type ProfileBody = Partial<Omit<HardwareProfileDto, "created_at" | "updated_at" | "gpu_memory_gb">> & { gpu_memory_gb?: number | null };

export function useSaveProfile(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileBody) =>
      id
        ? apiFetch<HardwareProfileDto>(`/api/v1/hardware-profiles/${id}`, { method: "PATCH", json: body })
        : apiFetch<HardwareProfileDto>("/api/v1/hardware-profiles", { method: "POST", json: body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: benchmarkKeys.profiles }),
  });
}

/** Downloads GET /api/v1/benchmarks as CSV for the given filters (the API answers CSV to Accept: text/csv). */
export async function downloadBenchmarksCsv(query: string): Promise<void> {
  const response = await fetch(`/api/v1/benchmarks?${query}`, { headers: { Accept: "text/csv" } });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(response.status, body?.error?.code ?? "internal", body?.error?.message ?? `Export failed (${response.status})`, {});
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement("a"), { href: url, download: "benchmarks.csv" });
  link.click();
  URL.revokeObjectURL(url);
}
