// The browser's side of artifacts and scans: query keys, TanStack Query hooks (a running scan is
// polled every second until its verdict), and uploads through XMLHttpRequest, whose upload
// progress events fetch() does not offer.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ArtifactDto, ScanDto, ScanSummaryDto } from "@/lib/scans/schema";
import { apiFetch, ApiError, queryKeys } from "./api";

export const scanKeys = {
  artifacts: (modelId: string) => [...queryKeys.model(modelId), "artifacts"] as const,
  history: (modelId: string) => [...queryKeys.model(modelId), "scans"] as const,
  scan: (scanId: string) => ["scans", scanId] as const,
};

type Page<T> = { data: T[]; total: number; page: number; page_size: number; total_pages: number };

export const isOpen = (scan: Pick<ScanSummaryDto, "status"> | undefined | null) => scan?.status === "queued" || scan?.status === "running";

export function useArtifacts(modelId: string, initialData?: Page<ArtifactDto>) {
  return useQuery({
    queryKey: scanKeys.artifacts(modelId),
    queryFn: () => apiFetch<Page<ArtifactDto>>(`/api/v1/models/${modelId}/artifacts?page_size=100`),
    initialData,
  });
}

export function useScanHistory(modelId: string, initialData?: Page<ScanSummaryDto>) {
  return useQuery({
    queryKey: scanKeys.history(modelId),
    queryFn: () => apiFetch<Page<ScanSummaryDto>>(`/api/v1/models/${modelId}/scans?page_size=10`),
    initialData,
  });
}

/** A scan, polled every second while it is queued or running. */
export function useScan(scanId: string | null, initialData?: ScanDto) {
  return useQuery({
    queryKey: scanKeys.scan(scanId ?? "none"),
    queryFn: () => apiFetch<ScanDto>(`/api/v1/scans/${scanId}`),
    enabled: scanId !== null,
    initialData: initialData && initialData.id === scanId ? initialData : undefined,
    staleTime: 0,
    refetchInterval: (query) => (isOpen(query.state.data) ? 1000 : false),
  });
}

export function useRequestScan(modelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<ScanDto>(`/api/v1/models/${modelId}/scan`, { method: "POST" }),
    onSuccess: (scan) => {
      queryClient.setQueryData(scanKeys.scan(scan.id), scan);
      queryClient.invalidateQueries({ queryKey: scanKeys.history(modelId) });
    },
  });
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Uploads files as multipart/form-data, reporting bytes sent; resolves with the stored artifacts. */
export function uploadFiles(modelId: string, files: File[], onProgress: (progress: UploadProgress) => void): Promise<ArtifactDto[]> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append("file", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/models/${modelId}/artifacts`);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : files.reduce((sum, f) => sum + f.size, 0) });
    xhr.onload = () => {
      let body: { data?: ArtifactDto[]; error?: { code?: string; message?: string; details?: { fields?: Record<string, string[]> } } } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body?.data) resolve(body.data);
      else reject(new ApiError(xhr.status, body?.error?.code ?? "internal", body?.error?.message ?? `Upload failed (${xhr.status})`, body?.error?.details?.fields ?? {}));
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "The upload was interrupted (network error)", {}));
    xhr.send(form);
  });
}

export function useUpload(modelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ files, onProgress }: { files: File[]; onProgress: (progress: UploadProgress) => void }) => uploadFiles(modelId, files, onProgress),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scanKeys.artifacts(modelId) }),
  });
}
