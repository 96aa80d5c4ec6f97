"use client";
// The number of models waiting for a license review, beside the admins' Reviews link. The header
// sits outside the page's QueryClientProvider, so it fetches on its own: on mount, every minute,
// and whenever a review or policy changes (LICENSES_CHANGED, sent by lib/client/licenses.ts).
// The header asks once and shows the number in each place (the menus and the Reviews link).
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { LICENSES_CHANGED } from "@/lib/client/licenses";

/** The pending count, kept fresh while `enabled` (an admin is signed in); null until known. */
export function usePendingLicenseCount(enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = () =>
      apiFetch<{ total: number }>("/api/v1/models?license_status=pending&page_size=1")
        .then((page) => live && setCount(page.total))
        .catch(() => undefined);
    load();
    const timer = setInterval(load, 60_000);
    window.addEventListener(LICENSES_CHANGED, load);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(LICENSES_CHANGED, load);
    };
  }, [enabled]);
  return enabled ? count : null;
}

export function PendingLicenseCount({ count }: { count: number | null }) {
  if (!count) return null;
  return (
    <span className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-500 px-1.5 text-xs font-semibold text-white tabular-nums" aria-label={`${count} pending`}>
      {count}
    </span>
  );
}
