"use client";
// An admin's "refresh now": rebuilds the leaderboard and re-renders the page with it.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useRefreshLeaderboard } from "@/lib/client/benchmarks";

export function RefreshButton() {
  const router = useRouter();
  const refresh = useRefreshLeaderboard();
  return (
    <div className="flex items-center gap-3">
      {refresh.error ? <span role="alert" className="text-sm text-red-600 dark:text-red-400">{refresh.error.message}</span> : null}
      <Button variant="secondary" disabled={refresh.isPending} onClick={() => refresh.mutate(undefined, { onSuccess: () => router.refresh() })}>
        {refresh.isPending ? "Refreshing…" : "Refresh now"}
      </Button>
    </div>
  );
}
