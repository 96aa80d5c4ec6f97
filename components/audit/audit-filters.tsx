import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

export const auditResourceTypes = ["model", "user", "token"] as const;
const knownActions = ["model.created", "model.updated", "model.deleted", "user.created", "user.updated", "token.created", "token.revoked"];

/** The audit log's filters: a plain GET form, so every view is a shareable URL. */
export function AuditFilters({ values }: { values: Record<string, string | undefined> }) {
  return (
    <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="grid gap-3 md:grid-cols-[2fr_1fr_2fr_auto] md:items-start">
        <Field id="actor" label="Actor">
          <Input id="actor" name="actor" type="search" defaultValue={values.actor} placeholder="Part of an email or token name" />
        </Field>
        <Field id="resource_type" label="Resource type">
          <Select id="resource_type" name="resource_type" defaultValue={values.resource_type ?? ""}>
            <option value="">Any</option>
            {auditResourceTypes.map((type) => <option key={type} value={type}>{type}</option>)}
          </Select>
        </Field>
        <Field id="action" label="Action">
          <Input id="action" name="action" list="audit-actions" defaultValue={values.action} placeholder="e.g. model.updated" autoComplete="off" />
        </Field>
        <datalist id="audit-actions">
          {knownActions.map((action) => <option key={action} value={action} />)}
        </datalist>
        <div className="flex gap-2 md:mt-6">
          <ButtonLink href="/admin/audit" variant="ghost">Clear</ButtonLink>
          <Button type="submit">Filter</Button>
        </div>
      </div>
    </form>
  );
}
