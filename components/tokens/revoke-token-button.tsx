"use client";
import { useRouter } from "next/navigation";
import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { useRevokeToken } from "@/lib/client/accounts";

/** Revoke with a confirmation dialog (a native <dialog>: focus-trapped, Escape closes it). */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const router = useRouter();
  const revoke = useRevokeToken(id);
  return (
    <>
      <Button variant="secondary" className="h-8 px-3" aria-label={`Revoke ${name}`} onClick={() => dialog.current?.showModal()}>
        Revoke
      </Button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 text-zinc-900 backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
        <h2 id={titleId} className="text-lg font-semibold">Revoke this token?</h2>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Anything still using <strong className="break-all">{name}</strong> will get 401 from now on. This cannot be undone.
        </p>
        {revoke.error ? <p role="alert" className="mt-3 text-sm text-red-600 dark:text-red-400">{revoke.error.message}</p> : null}
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>Cancel</Button>
          <Button
            variant="danger"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(undefined, { onSuccess: () => { dialog.current?.close(); router.refresh(); } })}
          >
            {revoke.isPending ? "Revoking…" : "Revoke token"}
          </Button>
        </div>
      </dialog>
    </>
  );
}
