import type { Metadata } from "next";
import { NotAllowed, requireSignedIn } from "@/components/auth/access";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Alert, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { listAuditQuerySchema } from "@/lib/audit/schema";
import { listAuditEvents } from "@/lib/audit/service";
import { can } from "@/lib/auth/portal";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const filterKeys = ["actor", "resource_type", "action", "page"];

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireSignedIn("/admin/audit");
  if (!can(actor, "admin")) return <NotAllowed title="Only admins can read the audit log" />;
  // Empty form fields arrive as "", which means "any"; other parameters are not this page's.
  const values = Object.fromEntries(
    Object.entries(await searchParams)
      .map(([key, value]): [string, string | undefined] => [key, Array.isArray(value) ? value.at(-1) : value])
      .filter((entry): entry is [string, string] => filterKeys.includes(entry[0]) && typeof entry[1] === "string" && entry[1].trim() !== ""),
  );
  const parsed = listAuditQuerySchema.safeParse(values);
  const result = parsed.success ? await listAuditEvents(parsed.data) : null;
  const filtered = Object.keys(values).some((key) => key !== "page");
  return (
    <>
      <PageHeader
        title="Audit log"
        description={result ? `${result.total.toLocaleString("en-US")} event${result.total === 1 ? "" : "s"}${filtered ? " match" : ""}, newest first. Every write is recorded with who made it.` : undefined}
      />
      <div className="space-y-6">
        <AuditFilters values={values} />
        {!parsed.success ? (
          <Alert>
            These filters are not valid: {parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}.
          </Alert>
        ) : result && result.data.length === 0 ? (
          <EmptyState title={filtered ? "No events match" : "No events yet"}>
            {filtered ? "Try fewer filters. Actions match exactly, e.g. model.updated." : "Changes to models, users and tokens will show here."}
          </EmptyState>
        ) : result ? (
          <>
            <AuditTable events={result.data} />
            <Pagination basePath="/admin/audit" params={values} page={result.page} totalPages={result.total_pages} />
          </>
        ) : null}
      </div>
    </>
  );
}
