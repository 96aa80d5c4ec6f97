import type { Metadata } from "next";
import { LicenseComparison, LicenseTable } from "@/components/licenses/compare-table";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { licenseCategories } from "@/lib/licenses/catalog";
import { listLicenses } from "@/lib/licenses/listing";
import { policies } from "@/lib/licenses/rules";
import { listLicensesQuerySchema } from "@/lib/licenses/schema";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Licenses" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LicensesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const compare = ([] as string[]).concat(params.compare ?? []).filter(Boolean);
  const values = Object.fromEntries(
    ["q", "category", "commercial_use", "policy", "sort"].flatMap((key) => {
      const value = params[key];
      const last = Array.isArray(value) ? value.at(-1) : value;
      return last ? [[key, last]] : [];
    }),
  );
  const parsed = listLicensesQuerySchema.safeParse(values);
  const result = parsed.success ? await listLicenses(parsed.data) : null;
  const all = compare.length ? (await listLicenses({ page: 1, page_size: 100 })).data : [];
  const picked = compare.map((id) => all.find((l) => l.id === id)).filter((l) => l !== undefined);
  return (
    <>
      <PageHeader
        title="Licenses"
        description="What each license allows, term by term, and the organisation's standing policy for it. Pick licenses to compare them side by side."
      />
      <div className="space-y-6">
        {picked.length ? (
          <section aria-label="Comparison" className="space-y-3">
            <div className="flex items-center justify-between">
              <h2 className="text-lg font-semibold">Comparing {picked.length} license{picked.length === 1 ? "" : "s"}</h2>
              <ButtonLink href="/licenses" variant="ghost">Clear comparison</ButtonLink>
            </div>
            <LicenseComparison licenses={picked} />
          </section>
        ) : null}
        <form method="get" action="/licenses" role="search" aria-label="Filter licenses" className="grid grid-cols-2 gap-3 rounded-lg border border-zinc-200 bg-white p-4 md:grid-cols-5 dark:border-zinc-800 dark:bg-zinc-900">
          <Field id="q" label="Search"><Input id="q" name="q" type="search" defaultValue={values.q} placeholder="llama, apache…" /></Field>
          <Field id="category" label="Category">
            <Select id="category" name="category" defaultValue={values.category ?? ""}>
              <option value="">Any</option>
              {licenseCategories.map((c) => <option key={c} value={c}>{c.replaceAll("_", " ")}</option>)}
            </Select>
          </Field>
          <Field id="commercial_use" label="Commercial use">
            <Select id="commercial_use" name="commercial_use" defaultValue={values.commercial_use ?? ""}>
              <option value="">Any</option><option value="true">Allowed</option><option value="false">Not allowed</option>
            </Select>
          </Field>
          <Field id="policy" label="Policy">
            <Select id="policy" name="policy" defaultValue={values.policy ?? ""}>
              <option value="">Any</option><option value="none">No policy</option>
              {policies.map((p) => <option key={p} value={p}>{p.replaceAll("_", " ")}</option>)}
            </Select>
          </Field>
          <div className="flex items-end gap-2"><Button type="submit" variant="secondary">Filter</Button><ButtonLink href="/licenses" variant="ghost">Clear</ButtonLink></div>
        </form>
        {!result ? (
          <Alert>These filters are not valid.</Alert>
        ) : result.data.length === 0 ? (
          <EmptyState title="No licenses match" />
        ) : (
          <LicenseTable licenses={result.data} selected={compare} />
        )}
      </div>
    </>
  );
}
