"use client";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { useDeleteModel } from "@/lib/client/api";

/** Delete with a confirmation dialog (a native <dialog>: focus-trapped, Escape closes it). */
export function DeleteModelButton({ id, name }: { id: string; name: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const remove = useDeleteModel(id);
  return (
    <>
      <Button variant="danger" onClick={() => dialog.current?.showModal()}>Delete</Button>
      <dialog ref={dialog} aria-labelledby="delete-title" className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 text-zinc-900 backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
        <h2 id="delete-title" className="text-lg font-semibold">Delete this model?</h2>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          <strong className="break-all">{name}</strong> and its metadata will be removed from the registry. This cannot be undone.
        </p>
        {remove.error ? <p role="alert" className="mt-3 text-sm text-red-600">{remove.error.message}</p> : null}
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>Cancel</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate(undefined, { onSuccess: () => { dialog.current?.close(); router.push("/models"); router.refresh(); } })}
          >
            {remove.isPending ? "Deleting…" : "Delete model"}
          </Button>
        </div>
      </dialog>
    </>
  );
}
