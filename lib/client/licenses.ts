// The browser's side of license reviews and policies: TanStack Query hooks over /api/v1, reusing
// apiFetch (and so ApiError with the server's field messages). Pages refresh themselves after a
// change; the pending count in the navigation hears of it through a window event.
"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Decision, Policy } from "@/lib/licenses/rules";
import type { LicenseDto, ModelLicenseDto } from "@/lib/licenses/schema";
import { apiFetch, queryKeys } from "./api";

/** Sent on window after a review or policy change (the header's pending count listens). */
export const LICENSES_CHANGED = "budmodel:licenses-changed";

export type ReviewBody = { decision: Decision; notes: string | null; conditions: string | null };
export type PolicyBody = { policy: Policy; notes: string | null; conditions: string | null };

function useInvalidateLicenses() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.invalidateQueries({ queryKey: queryKeys.models });
    window.dispatchEvent(new Event(LICENSES_CHANGED));
  };
}

export function useReviewModelLicense(modelId: string) {
  const invalidate = useInvalidateLicenses();
  return useMutation({
    mutationFn: (body: ReviewBody) => apiFetch<ModelLicenseDto>(`/api/v1/models/${modelId}/license/review`, { method: "POST", json: body }),
    onSuccess: invalidate,
  });
}

export function useClearModelLicenseReview(modelId: string) {
  const invalidate = useInvalidateLicenses();
  return useMutation({
    mutationFn: () => apiFetch<ModelLicenseDto>(`/api/v1/models/${modelId}/license/review`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useSetLicensePolicy(licenseId: string) {
  const invalidate = useInvalidateLicenses();
  return useMutation({
    mutationFn: (body: PolicyBody) =>
      apiFetch<LicenseDto & { reevaluated: number }>(`/api/v1/licenses/${encodeURIComponent(licenseId)}/policy`, { method: "PUT", json: body }),
    onSuccess: invalidate,
  });
}
