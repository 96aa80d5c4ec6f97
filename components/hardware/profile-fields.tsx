"use client";
// The fields of a hardware profile, shared by the create form and each row's edit form.
import { Field, Input, Select } from "@/components/ui/field";
import { gpuTypes } from "@/lib/hardware/gpus";
import type { HardwareProfileDto } from "@/lib/hardware/schema";

export const interconnectOptions = ["", "pcie", "nvlink", "infinity_fabric", "ethernet", "infiniband"];

export type ProfileDraft = Pick<HardwareProfileDto, "name" | "gpu_type" | "gpu_count" | "interconnect" | "hourly_price_usd"> & { gpu_memory_gb: number | null };

/** Reads the form's fields into a draft (blank price and memory mean "none" and "the card's"). */
export function readDraft(form: FormData): ProfileDraft {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const number = (name: string) => (text(name) === "" ? null : Number(text(name)));
  return {
    name: text("name"),
    gpu_type: text("gpu_type"),
    gpu_count: Number(text("gpu_count")),
    gpu_memory_gb: number("gpu_memory_gb"),
    interconnect: text("interconnect") || null,
    hourly_price_usd: number("hourly_price_usd"),
  };
}

export function ProfileFields({ prefix, profile, errors }: { prefix: string; profile?: HardwareProfileDto; errors: Record<string, string> }) {
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
      <Field id={id("name")} label="Name" error={errors.name}><Input id={id("name")} name="name" required defaultValue={profile?.name} /></Field>
      <Field id={id("gpu_type")} label="GPU" error={errors.gpu_type}>
        <Select id={id("gpu_type")} name="gpu_type" defaultValue={profile?.gpu_type ?? "h100-80gb"}>
          {gpuTypes.map((gpu) => <option key={gpu.id} value={gpu.id}>{gpu.name}</option>)}
        </Select>
      </Field>
      <Field id={id("gpu_count")} label="GPUs" error={errors.gpu_count}><Input id={id("gpu_count")} name="gpu_count" type="number" min={1} required defaultValue={profile?.gpu_count ?? 1} /></Field>
      <Field id={id("gpu_memory_gb")} label="Memory per GPU (GB)" hint="Blank: the card's" error={errors.gpu_memory_gb}>
        <Input id={id("gpu_memory_gb")} name="gpu_memory_gb" type="number" min={1} step="any" defaultValue={profile?.gpu_memory_gb} />
      </Field>
      <Field id={id("interconnect")} label="Interconnect" error={errors.interconnect}>
        <Select id={id("interconnect")} name="interconnect" defaultValue={profile?.interconnect ?? ""}>
          {interconnectOptions.map((value) => <option key={value} value={value}>{value ? value.replace("_", " ") : "None / single GPU"}</option>)}
        </Select>
      </Field>
      <Field id={id("hourly_price_usd")} label="Price (USD per hour)" hint="The whole machine; blank if unknown" error={errors.hourly_price_usd}>
        <Input id={id("hourly_price_usd")} name="hourly_price_usd" type="number" min={0} step="0.01" defaultValue={profile?.hourly_price_usd ?? undefined} />
      </Field>
    </div>
  );
}
