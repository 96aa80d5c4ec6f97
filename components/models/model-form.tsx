"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { formErrors, useSaveModel } from "@/lib/client/api";
import { providers, type ModelDto } from "@/lib/models/schema";

type Errors = Record<string, string>;

const numberFields = ["parameter_count", "parameters_exact", "context_length"] as const;
const textFields = ["architecture", "family", "license_type", "task"] as const;

/** Turns the form into the API's JSON; empty optional fields become null. */
function toPayload(form: FormData): { payload: Record<string, unknown>; errors: Errors } {
  const text = (key: string) => String(form.get(key) ?? "").trim();
  const payload: Record<string, unknown> = {
    name: text("name"),
    description: text("description"),
    provider: text("provider"),
    tags: text("tags").split(",").map((t) => t.trim()).filter(Boolean),
  };
  const errors: Errors = {};
  for (const key of textFields) payload[key] = text(key) || null;
  for (const key of numberFields) {
    const value = text(key).replaceAll(",", "").replaceAll("_", "");
    payload[key] = value === "" ? null : Number(value);
    if (value !== "" && !Number.isFinite(Number(value))) errors[key] = "Enter a number";
  }
  const restrictions = text("license_restrictions");
  try {
    payload.license_restrictions = restrictions ? JSON.parse(restrictions) : {};
  } catch {
    errors.license_restrictions = "Enter a JSON object, e.g. {\"mau_limit\": 700000000}";
  }
  return { payload, errors };
}

export function ModelForm({ model }: { model?: ModelDto }) {
  const router = useRouter();
  const save = useSaveModel(model?.id);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { payload, errors: local } = toPayload(new FormData(event.currentTarget));
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    try {
      const saved = await save.mutateAsync(payload);
      router.push(`/models/${saved.id}`);
      router.refresh();
    } catch (error) {
      const failure = formErrors(error);
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
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <div className="md:col-span-2">
          <Field id="name" label="Name" hint="Usually the Hub repo id, e.g. meta-llama/Llama-3.1-8B-Instruct" error={errors.name}>
            <Input {...props("name")} defaultValue={model?.name} required autoComplete="off" />
          </Field>
        </div>
        <div className="md:col-span-2">
          <Field id="description" label="Description" error={errors.description}>
            <Textarea {...props("description")} defaultValue={model?.description} rows={3} className="font-sans" />
          </Field>
        </div>
        <Field id="provider" label="Provider" error={errors.provider}>
          <Select {...props("provider")} defaultValue={model?.provider ?? "custom"}>
            {providers.map((p) => <option key={p} value={p}>{p}</option>)}
          </Select>
        </Field>
        <Field id="task" label="Task" hint="e.g. text-generation" error={errors.task}>
          <Input {...props("task")} defaultValue={model?.task ?? ""} />
        </Field>
        <Field id="architecture" label="Architecture" hint="config.json architectures[0], e.g. LlamaForCausalLM" error={errors.architecture}>
          <Input {...props("architecture")} defaultValue={model?.architecture ?? ""} />
        </Field>
        <Field id="family" label="Family" hint="config.json model_type, e.g. llama" error={errors.family}>
          <Input {...props("family")} defaultValue={model?.family ?? ""} />
        </Field>
        <Field id="parameter_count" label="Parameters (billions)" hint="Worked out from the exact count when left empty" error={errors.parameter_count}>
          <Input {...props("parameter_count")} inputMode="decimal" defaultValue={model?.parameter_count ?? ""} />
        </Field>
        <Field id="parameters_exact" label="Exact parameter count" hint="e.g. 8030261248" error={errors.parameters_exact}>
          <Input {...props("parameters_exact")} inputMode="numeric" defaultValue={model?.parameters_exact ?? ""} />
        </Field>
        <Field id="context_length" label="Context length (tokens)" error={errors.context_length}>
          <Input {...props("context_length")} inputMode="numeric" defaultValue={model?.context_length ?? ""} />
        </Field>
        <Field id="license_type" label="License id" hint="The Hub's id, e.g. apache-2.0, llama3.1" error={errors.license_type}>
          <Input {...props("license_type")} defaultValue={model?.license_type ?? ""} />
        </Field>
        <div className="md:col-span-2">
          <Field id="tags" label="Tags" hint="Comma separated" error={errors.tags}>
            <Input {...props("tags")} defaultValue={model?.tags.join(", ")} />
          </Field>
        </div>
        <div className="md:col-span-2">
          <Field id="license_restrictions" label="License restrictions (JSON)" hint="This model's own terms, e.g. {&quot;mau_limit&quot;: 700000000}" error={errors.license_restrictions}>
            <Textarea {...props("license_restrictions")} rows={3} defaultValue={model && Object.keys(model.license_restrictions).length ? JSON.stringify(model.license_restrictions, null, 2) : ""} />
          </Field>
        </div>
      </div>
      <div className="flex justify-end gap-2">
        <ButtonLink href={model ? `/models/${model.id}` : "/models"} variant="secondary">Cancel</ButtonLink>
        <Button type="submit" disabled={save.isPending}>{save.isPending ? "Saving…" : model ? "Save changes" : "Register model"}</Button>
      </div>
    </form>
  );
}
