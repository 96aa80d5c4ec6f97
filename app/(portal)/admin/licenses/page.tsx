import type { Metadata } from "next";
import Link from "next/link";
import { NotAllowed, requireSignedIn } from "@/components/auth/access";
import { ReviewQueue } from "@/components/licenses/review-queue";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/portal";
import { listReviewQueue } from "@/lib/licenses/listing";
import { licenseStatuses } from "@/lib/models/schema";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "License reviews" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Status = (typeof licenseStatuses)[number];

export default async function LicenseReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireSignedIn("/admin/licenses");
  if (!can(actor, "admin")) return <NotAllowed title="Only admins review licenses" />;
  const params = await searchParams;
  const last = (key: string) => { const v = params[key]; return Array.isArray(v) ? v.at(-1) : v; };
  const status = licenseStatuses.includes(last("status") as Status) ? (last("status") as Status) : undefined;
  const page = Math.max(1, Number(last("page")) || 1);
  const q = last("q")?.trim().slice(0, 200) || undefined;
  const queue = await listReviewQueue({ status, q }, page, 20);
  const tabs: [Status | undefined, string, number][] = [
    [undefined, "All", Object.values(queue.counts).reduce((a, b) => a + b, 0)],
    ...licenseStatuses.map((s) => [s, s.replaceAll("_", " "), queue.counts[s]] as [Status, string, number]),
  ];
  return (
    <>
      <PageHeader
        title="License reviews"
        description={`${queue.counts.pending} model${queue.counts.pending === 1 ? "" : "s"} waiting for review. Pending first, oldest first; a model's decision outranks its license's policy (set policies on each license's page).`}
      />
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2">
        {tabs.map(([s, label, count]) => (
          <Link
            key={label}
            href={`/admin/licenses?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(q ? { q } : {}) })}`}
            aria-current={s === status ? "page" : undefined}
            className={cn("rounded-md border px-3 py-1.5 text-sm", s === status ? "border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900" : "border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800")}
          >
            {label} <span className="tabular-nums">({count})</span>
          </Link>
        ))}
      </nav>
      <form method="get" action="/admin/licenses" role="search" aria-label="Find models to review" className="mb-4 flex max-w-xl gap-2">
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <label htmlFor="queue-q" className="sr-only">Model name or license</label>
        <Input id="queue-q" name="q" type="search" defaultValue={q} placeholder="Model name or license id…" className="flex-1" />
        <Button type="submit" variant="secondary">Find</Button>
      </form>
      {queue.data.length === 0 ? (
        <EmptyState title={status === "pending" ? "Nothing waits for review" : "No models here"} />
      ) : (
        <div className="space-y-4">
          <ReviewQueue items={queue.data} />
          <Pagination basePath="/admin/licenses" params={{ status, q }} page={queue.page} totalPages={queue.total_pages} />
        </div>
      )}
    </>
  );
}
