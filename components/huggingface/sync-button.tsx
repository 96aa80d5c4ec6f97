"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useSyncModel } from "@/lib/client/huggingface";

/** Refreshes an imported model from the Hub; the page reloads to show what changed. */
export function SyncModelButton({ id }: { id: string }) {
  const router = useRouter();
  const sync = useSyncModel(id);
  return (
    <span className="flex items-center gap-2">
      {sync.error ? <span role="alert" className="max-w-xs text-sm text-red-600 dark:text-red-400">{sync.error.message}</span> : null}
      <Button variant="secondary" disabled={sync.isPending} onClick={() => sync.mutate(undefined, { onSuccess: () => router.refresh() })}>
        {sync.isPending ? "Syncing…" : "Sync from Hub"}
      </Button>
    </span>
  );
}
