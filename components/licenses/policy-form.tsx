"use client";
// The organisation's standing decision for one license; saving re-evaluates its models.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Select, Textarea } from "@/components/ui/field";
import { formErrors } from "@/lib/client/api";
import { useSetLicensePolicy } from "@/lib/client/licenses";
import { policies, type Policy } from "@/lib/licenses/rules";
import { policyLabels } from "./badges";

export function PolicyForm({ licenseId, current }: { licenseId: string; current: { policy: Policy; conditions: string | null; notes: string | null } | null }) {
  const router = useRouter();
  const save = useSetLicensePolicy(licenseId);
  const [policy, setPolicy] = useState<Policy>(current?.policy ?? "review");
  const [conditions, setConditions] = useState(current?.conditions ?? "");
  const [notes, setNotes] = useState(current?.notes ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setMessage(null);
    setFailure(null);
    if (policy === "allow_with_conditions" && !conditions.trim()) {
      setErrors({ conditions: "Write the conditions that come with this policy" });
      return;
    }
    setErrors({});
    save.mutate(
      { policy, conditions: conditions.trim() || null, notes: notes.trim() || null },
      {
        onSuccess: (result) => {
          setMessage(`Policy saved: ${result.reevaluated} model${result.reevaluated === 1 ? "" : "s"} changed status.`);
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

  return (
    <form onSubmit={submit} aria-label="License policy" className="space-y-3">
      <Field id="policy" label="Policy for every model under this license" hint="A model's own decision still outranks it.">
        <Select id="policy" value={policy} onChange={(e) => setPolicy(e.target.value as Policy)}>
          {policies.map((p) => <option key={p} value={p}>{policyLabels[p]}</option>)}
        </Select>
      </Field>
      <Field id="policy-conditions" label="Conditions" hint="Required for allow with conditions" error={errors.conditions}>
        <Textarea id="policy-conditions" rows={2} value={conditions} onChange={(e) => setConditions(e.target.value)} aria-invalid={!!errors.conditions || undefined} className="font-sans" />
      </Field>
      <Field id="policy-notes" label="Notes" error={errors.notes}>
        <Textarea id="policy-notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} className="font-sans" />
      </Field>
      <Button type="submit" aria-disabled={save.isPending || undefined}>{save.isPending ? "Saving…" : "Save policy"}</Button>
      {message ? <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">{message}</p> : null}
      {failure && !Object.keys(errors).length ? <Alert>{failure}</Alert> : null}
    </form>
  );
}
