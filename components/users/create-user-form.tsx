"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { roles, type Role } from "@/lib/auth/roles";
import { formErrors } from "@/lib/client/api";
import { useCreateUser } from "@/lib/client/accounts";

type Errors = Record<string, string>;

export function CreateUserForm() {
  const router = useRouter();
  const create = useCreateUser();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (key: string) => String(form.get(key) ?? "").trim();
    setErrors({});
    setMessage(null);
    try {
      const user = await create.mutateAsync({
        email: text("email"),
        name: text("name") || null,
        password: String(form.get("password") ?? ""),
        role: text("role") as Role,
      });
      formElement.reset();
      setMessage({ tone: "info", text: `Created ${user.email} (${user.role}). Give them their password by a safe channel.` });
      router.refresh();
    } catch (error) {
      const failure = formErrors(error);
      setErrors(failure.fields);
      setMessage({ tone: "error", text: failure.message! });
    }
  }

  const props = (key: string) => ({
    id: `new-user-${key}`,
    name: key,
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": errors[key] ? `new-user-${key}-error` : undefined,
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create a user" className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
        <Field id="new-user-email" label="Email" error={errors.email}>
          <Input {...props("email")} type="email" required autoComplete="off" />
        </Field>
        <Field id="new-user-name" label="Name" hint="Optional" error={errors.name}>
          <Input {...props("name")} autoComplete="off" />
        </Field>
        <Field id="new-user-password" label="Password" hint="At least 12 characters" error={errors.password}>
          <Input {...props("password")} type="password" required minLength={12} autoComplete="new-password" />
        </Field>
        <Field id="new-user-role" label="Role" error={errors.role}>
          <Select {...props("role")} defaultValue="viewer">
            {roles.map((role) => <option key={role} value={role}>{role}</option>)}
          </Select>
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create user"}</Button>
      </div>
    </form>
  );
}
