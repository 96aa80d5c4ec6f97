import type { Metadata } from "next";
import { CatalogFilters } from "@/components/models/catalog-filters";
import { ModelTable } from "@/components/models/model-table";
import { ButtonLink } from "@/components/ui/button";
import { Alert, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { can, getPortalActor } from "@/lib/auth/portal";
import { listModelsQuerySchema } from "@/lib/models/schema";
import { getFacetValues, listModels } from "@/lib/models/service";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ModelsPage({ searchParams }: { searchParams: SearchParams }) {
  // Empty form fields arrive as "", which means "any".
  const values = Object.fromEntries(
    Object.entries(await searchParams)
      .map(([key, value]) => [key, Array.isArray(value) ? value.at(-1) : value])
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  const parsed = listModelsQuerySchema.safeParse(values);
  const [facets, result, actor] = await Promise.all([
    getFacetValues(),
    parsed.success ? listModels(parsed.data) : null,
    getPortalActor(),
  ]);
  const mayRegister = can(actor, "engineer");
  return (
    <>
      <PageHeader
        title="Models"
        description={result ? `${result.total.toLocaleString("en-US")} model${result.total === 1 ? "" : "s"}` : undefined}
        actions={mayRegister ? (
          <>
            <ButtonLink href="/models/import" variant="secondary">Import from Hugging Face</ButtonLink>
            <ButtonLink href="/models/new">Register a model</ButtonLink>
          </>
        ) : undefined}
      />
      <div className="space-y-6">
        <CatalogFilters values={values} facets={facets} />
        {!parsed.success ? (
          <Alert>
            These filters are not valid: {parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}.
          </Alert>
        ) : result && result.data.length === 0 ? (
          <EmptyState title="No models match">Try fewer filters, or a shorter search.</EmptyState>
        ) : result ? (
          <>
            <ModelTable models={result.data} />
            <Pagination basePath="/models" params={values} page={result.page} totalPages={result.total_pages} />
          </>
        ) : null}
      </div>
    </>
  );
}
