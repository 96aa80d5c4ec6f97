import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { gpuTypes } from "@/lib/hardware/gpus";
import { licenseStatuses, modelSorts, providers, scanStatuses } from "@/lib/models/schema";

type Values = Record<string, string | undefined>;
type Facets = { architectures: string[]; licenseTypes: string[]; tasks: string[] };

function Options({ values, any = "Any" }: { values: readonly string[]; any?: string }) {
  return (
    <>
      <option value="">{any}</option>
      {values.map((value) => (
        <option key={value} value={value}>{value.replaceAll("_", " ")}</option>
      ))}
    </>
  );
}

/** The catalog's search and filters: a plain GET form, so every view is a shareable URL. */
export function CatalogFilters({ values, facets }: { values: Values; facets: Facets }) {
  return (
    <form method="get" action="/models" role="search" aria-label="Search and filter models" className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex gap-2">
        <label htmlFor="q" className="sr-only">Search</label>
        <Input id="q" name="q" type="search" defaultValue={values.q} placeholder="Search name, description, tags…" className="flex-1" />
        <Button type="submit">Search</Button>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">
        <Field id="provider" label="Provider">
          <Select id="provider" name="provider" defaultValue={values.provider ?? ""}><Options values={providers} /></Select>
        </Field>
        <Field id="architecture" label="Architecture">
          <Select id="architecture" name="architecture" defaultValue={values.architecture ?? ""}><Options values={facets.architectures} /></Select>
        </Field>
        <Field id="license_type" label="License">
          <Select id="license_type" name="license_type" defaultValue={values.license_type ?? ""}><Options values={facets.licenseTypes} /></Select>
        </Field>
        <Field id="license_status" label="License status">
          <Select id="license_status" name="license_status" defaultValue={values.license_status ?? ""}><Options values={licenseStatuses} /></Select>
        </Field>
        <Field id="scan_status" label="Scan status">
          <Select id="scan_status" name="scan_status" defaultValue={values.scan_status ?? ""}><Options values={scanStatuses} /></Select>
        </Field>
        <Field id="commercial_use" label="Commercial use">
          <Select id="commercial_use" name="commercial_use" defaultValue={values.commercial_use ?? ""}>
            <option value="">Any</option>
            <option value="true">Allowed</option>
            <option value="false">Not allowed</option>
          </Select>
        </Field>
        <Field id="task" label="Task">
          <Select id="task" name="task" defaultValue={values.task ?? ""}><Options values={facets.tasks} /></Select>
        </Field>
        <Field id="min_params" label="Min params (B)">
          <Input id="min_params" name="min_params" type="number" min={0} step="any" inputMode="decimal" defaultValue={values.min_params} />
        </Field>
        <Field id="max_params" label="Max params (B)">
          <Input id="max_params" name="max_params" type="number" min={0} step="any" inputMode="decimal" defaultValue={values.max_params} />
        </Field>
        <Field id="min_context" label="Min context">
          <Select id="min_context" name="min_context" defaultValue={values.min_context ?? ""}>
            <option value="">Any</option>
            {[4096, 8192, 32768, 131072, 1048576].map((n) => (
              <option key={n} value={n}>{n >= 1048576 ? `${n / 1048576}M` : `${n / 1024}K`}+</option>
            ))}
          </Select>
        </Field>
        <Field id="fits_on" label="Fits on">
          <Select id="fits_on" name="fits_on" defaultValue={values.fits_on ?? ""}>
            <option value="">Any GPU</option>
            {gpuTypes.map((gpu) => <option key={gpu.id} value={gpu.id}>one {gpu.name.replace(/^(NVIDIA|AMD) (GeForce |Instinct )?/, "")}</option>)}
          </Select>
        </Field>
        <Field id="sort" label="Sort by">
          <Select id="sort" name="sort" defaultValue={values.sort ?? ""}>
            <option value="">{values.q ? "Relevance" : "Name"}</option>
            {modelSorts.map((sort) => <option key={sort} value={sort}>{sort.replaceAll("_", " ")}</option>)}
          </Select>
        </Field>
        <Field id="order" label="Order">
          <Select id="order" name="order" defaultValue={values.order ?? ""}>
            <option value="">Default</option>
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </Select>
        </Field>
      </div>
      <div className="flex justify-end gap-2">
        <ButtonLink href="/models" variant="ghost">Clear</ButtonLink>
        <Button type="submit" variant="secondary">Apply filters</Button>
      </div>
    </form>
  );
}
