"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { roleAtLeast, roles, type Role } from "@/lib/auth/roles";
import { formErrors } from "@/lib/client/api";
import { useCreateToken, type CreatedToken } from "@/lib/client/accounts";
import { NewTokenSecret } from "./new-token-secret";

const expiries = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
];

type Errors = Record<string, string>;

export function CreateTokenForm({ ownRole }: { ownRole: Role }) {
  const router = useRouter();
  const create = useCreateToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get("name") ?? "").trim();
    const expiry = String(form.get("expiry"));
    setFormError(null);
    if (!name) return setErrors({ name: "Give the token a name, e.g. ci-pipeline" });
    setErrors({});
    try {
      const token = await create.mutateAsync({
        name,
        role: String(form.get("role")) as Role,
        expires_at: expiry === "never" ? null : new Date(Date.now() + Number(expiry) * 86_400_000).toISOString(),
      });
      setCreated(token);
      formElement.reset();
      router.refresh();
    } catch (error) {
      const failure = formErrors(error, { expires_at: "expiry" });
      setErrors(failure.fields);
      setFormError(failure.message);
    }
  }

  const props = (key: string) => ({
    id: key,
    name: key,
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": errors[key] ? `${key}-error` : undefined,
  });

  return (
    <div className="space-y-4">
      {created ? <NewTokenSecret key={created.id} token={created} onDone={() => setCreated(null)} /> : null}
      <form onSubmit={onSubmit} noValidate aria-label="Create a token" className="space-y-4">
        {formError ? <Alert>{formError}</Alert> : null}
        <div className="grid gap-4 md:grid-cols-[2fr_1fr_1fr_auto] md:items-start">
          <Field id="name" label="Name" hint="What uses it, e.g. ci-pipeline" error={errors.name}>
            <Input {...props("name")} required maxLength={100} autoComplete="off" />
          </Field>
          <Field id="role" label="Role" hint={`At most your own (${ownRole})`} error={errors.role}>
            <Select {...props("role")} defaultValue={ownRole}>
              {roles.filter((role) => roleAtLeast(ownRole, role)).map((role) => <option key={role} value={role}>{role}</option>)}
            </Select>
          </Field>
          <Field id="expiry" label="Expires" error={errors.expiry}>
            <Select {...props("expiry")} defaultValue="90">
              {expiries.map((e) => <option key={e.value} value={e.value}>{e.label}</option>)}
            </Select>
          </Field>
          <Button type="submit" className="md:mt-6" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create token"}</Button>
        </div>
      </form>
    </div>
  );
}
