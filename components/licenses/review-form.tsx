"use client";
// An admin's decision for one model, made in place: approve, approve with conditions (written),
// or reject (with the reason). The server's messages show beside the fields.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { formErrors } from "@/lib/client/api";
import { useClearModelLicenseReview, useReviewModelLicense } from "@/lib/client/licenses";
import type { Decision } from "@/lib/licenses/rules";

const done: Record<Decision, string> = {
  approved: "Approved.",
  approved_with_conditions: "Approved with conditions.",
  rejected: "Rejected.",
};

export function ReviewForm({ modelId, modelName, hasOwnDecision = false }: { modelId: string; modelName: string; hasOwnDecision?: boolean }) {
  const router = useRouter();
  const review = useReviewModelLicense(modelId);
  const clear = useClearModelLicenseReview(modelId);
  const [notes, setNotes] = useState("");
  const [conditions, setConditions] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = review.isPending || clear.isPending;

  const decide = (decision: Decision) => {
    if (busy) return;
    const local: Record<string, string> = {};
    if (decision === "approved_with_conditions" && !conditions.trim()) local.conditions = "Write the conditions of the approval";
    if (decision === "rejected" && !notes.trim()) local.notes = "Say why the model is rejected";
    setErrors(local);
    setMessage(null);
    setFailure(null);
    if (Object.keys(local).length) return;
    review.mutate(
      { decision, notes: notes.trim() || null, conditions: decision === "approved_with_conditions" ? conditions.trim() : null },
      {
        onSuccess: () => {
          setMessage(done[decision]);
          setNotes("");
          setConditions("");
          router.refresh();
        },
        onError: (error) => {
          const failure = formErrors(error);
          setErrors(failure.fields);
          setFailure(failure.message);
        },
      },
    );
  };

  const withdraw = () =>
    clear.mutate(undefined, {
      onSuccess: () => {
        setMessage("Decision withdrawn: the license's policy applies again.");
        router.refresh();
      },
      onError: (error) => setFailure(formErrors(error).message),
    });

  return (
    <form aria-label={`Review the license of ${modelName}`} onSubmit={(e) => e.preventDefault()} className="space-y-3" aria-busy={busy || undefined}>
      <Field id={`${modelId}-conditions`} label="Conditions" hint="Required to approve with conditions" error={errors.conditions}>
        <Textarea id={`${modelId}-conditions`} rows={2} value={conditions} onChange={(e) => setConditions(e.target.value)} aria-invalid={!!errors.conditions || undefined} className="font-sans" />
      </Field>
      <Field id={`${modelId}-notes`} label="Notes" hint="Required to reject: say why" error={errors.notes}>
        <Textarea id={`${modelId}-notes`} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} aria-invalid={!!errors.notes || undefined} className="font-sans" />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={() => decide("approved")} aria-disabled={busy || undefined}>Approve</Button>
        <Button type="button" variant="secondary" onClick={() => decide("approved_with_conditions")} aria-disabled={busy || undefined}>Approve with conditions</Button>
        <Button type="button" variant="danger" onClick={() => decide("rejected")} aria-disabled={busy || undefined}>Reject</Button>
        {hasOwnDecision ? <Button type="button" variant="ghost" onClick={withdraw} aria-disabled={busy || undefined}>Withdraw decision</Button> : null}
      </div>
      {message ? <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">{message}</p> : null}
      {failure && !Object.keys(errors).length ? <Alert>{failure}</Alert> : null}
    </form>
  );
}
