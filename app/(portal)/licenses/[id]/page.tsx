import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CategoryBadge, PolicyBadge, SuitabilityBadge, policyLabels } from "@/components/licenses/badges";
import { LicenseHistory } from "@/components/licenses/history";
import { PolicyForm } from "@/components/licenses/policy-form";
import { TermsList } from "@/components/licenses/terms";
import { LicenseStatusBadge } from "@/components/models/status-badges";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { can, getPortalActor } from "@/lib/auth/portal";
import { formatDate } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import { listLicenseModels, listLicensePolicyHistory } from "@/lib/licenses/listing";
import { getLicenseOrThrow } from "@/lib/licenses/service";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(id: string) {
  return getLicenseOrThrow(decodeURIComponent(id)).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const license = await getLicenseOrThrow(decodeURIComponent((await params).id)).catch(() => null);
  return { title: license?.name ?? "License" };
}

export default async function LicensePage({ params, searchParams }: Props) {
  const license = await load((await params).id);
  const pageParam = (await searchParams).page;
  const page = Math.max(1, Number(Array.isArray(pageParam) ? pageParam.at(-1) : pageParam) || 1);
  const [models, policyHistory, actor] = await Promise.all([
    listLicenseModels(license.id, page, 50), listLicensePolicyHistory(license.id), getPortalActor(),
  ]);
  const isAdmin = can(actor, "admin");
  const counts = license.model_counts;
  return (
    <>
      <PageHeader
        title={license.name}
        description={
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code>{license.id}</code>
            <CategoryBadge category={license.category} />
            <SuitabilityBadge suitability={license.suitability} />
            <PolicyBadge policy={license.policy?.policy} />
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="What it allows">
            <p className="mb-4 text-sm text-zinc-700 dark:text-zinc-300">{license.summary}</p>
            {license.notes ? <p className="mb-4 text-sm text-amber-800 dark:text-amber-300">Note: {license.notes}</p> : null}
            <TermsList terms={license.terms} notes={license.term_notes} />
            <div className="mt-4 space-y-1 text-xs text-zinc-500 dark:text-zinc-400">
              {license.link ? <p>Text: <a href={license.link} className="text-indigo-700 hover:underline dark:text-indigo-300" rel="noreferrer">{license.link}</a></p> : null}
              {license.aliases.length ? <p>Also written as: {license.aliases.map((a) => <code key={a} className="mr-1">{a}</code>)}</p> : null}
              <p>
                Detection: {license.text ? `matches ${license.text.complete ? "the full text" : "its distinctive passages (not the full text)"} shipped in the repo` : "by id, name or link only (no text shipped)"}.
              </p>
            </div>
          </Card>
          <Card title={`Models under this license (${counts.total})`}>
            <div id="models" className="mb-3 flex flex-wrap gap-2 text-sm">
              {(["pending", "approved", "approved_with_conditions", "rejected"] as const).map((s) => (
                <Link key={s} href={`/models?license_type=${encodeURIComponent(license.id)}&license_status=${s}`} className="hover:underline">
                  <LicenseStatusBadge status={s} /> {counts[s]}
                </Link>
              ))}
            </div>
            {models.data.length === 0 ? (
              <EmptyState title="No models carry this license yet" />
            ) : (
              <>
                <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
                  {models.data.map((m) => (
                    <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                      <span>
                        <Link href={`/models/${m.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">{m.name}</Link>
                        {m.license_type !== license.id ? <code className="ml-2 text-xs">{m.license_type}</code> : null}
                      </span>
                      <span className="flex items-center gap-2">
                        {m.own_decision ? <Badge>own decision</Badge> : null}
                        <LicenseStatusBadge status={m.license_status} />
                      </span>
                    </li>
                  ))}
                </ul>
                <Pagination basePath={`/licenses/${license.id}`} params={{}} page={models.page} totalPages={models.total_pages} />
              </>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Policy">
            {license.policy ? (
              <div className="mb-4 text-sm">
                <p className="font-medium">{policyLabels[license.policy.policy]}</p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">Set by {license.policy.set_by} on {formatDate(license.policy.set_at)}</p>
                {license.policy.conditions ? <p className="mt-2"><span className="font-medium">Conditions:</span> {license.policy.conditions}</p> : null}
                {license.policy.notes ? <p className="mt-1 whitespace-pre-line text-zinc-700 dark:text-zinc-300">{license.policy.notes}</p> : null}
              </div>
            ) : (
              <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">No standing policy: every model under this license waits for its own review.</p>
            )}
            {isAdmin ? <PolicyForm licenseId={license.id} current={license.policy} /> : <p className="text-xs text-zinc-500">Admins set the policy.</p>}
          </Card>
          <Card title="Policy history"><LicenseHistory events={policyHistory} /></Card>
        </div>
      </div>
    </>
  );
}
