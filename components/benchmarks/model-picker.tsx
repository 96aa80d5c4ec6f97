"use client";
// Picks a model by searching the catalog (the catalog can be large: no list of every model).
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";
import type { ModelDto } from "@/lib/models/schema";

export function ModelPicker({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const [search, setSearch] = useState("");
  const [debounced, setDebounced] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const models = useQuery({
    queryKey: ["models", "search", debounced],
    queryFn: () => apiFetch<{ data: ModelDto[] }>(`/api/v1/models?page_size=20${debounced ? `&q=${encodeURIComponent(debounced)}` : ""}`),
  });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id="model-search" label="Find a model">
        <Input id="model-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Search the catalog…" />
      </Field>
      <Field id="model_id" label="Model" error={error}>
        <Select id="model_id" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}>
          <option value="">{models.isLoading ? "Loading…" : "Choose a model"}</option>
          {models.data?.data.map((model) => <option key={model.id} value={model.id}>{model.name}</option>)}
        </Select>
      </Field>
    </div>
  );
}
