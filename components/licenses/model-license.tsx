// The License section of a model's page: its status and what decided it, the conditions, the
// license's terms with the model's own restrictions, how the license was found, the admin's
// review in place, and the decision history.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatDate } from "@/lib/format";
import type { ModelLicenseDto } from "@/lib/licenses/schema";
import { getModelLicense } from "@/lib/licenses/service";
import { CategoryBadge, SuitabilityBadge, policyLabels } from "./badges";
import { LicenseHistory } from "./history";
import { ReviewForm } from "./review-form";
import { TermsList } from "./terms";

const statusStyles: Record<ModelLicenseDto["review"]["status"], { label: string; className: string }> = {
  pending: { label: "Pending review", className: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" },
  approved: { label: "Approved", className: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100" },
  approved_with_conditions: { label: "Approved with conditions", className: "border-indigo-300 bg-indigo-50 text-indigo-900 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-100" },
  rejected: { label: "Rejected", className: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" },
};

const methodLabels: Record<string, string> = {
  id: "from the card's license id", name: "from the card's license name", link: "from the card's license link",
  text: "by matching the LICENSE text", none: "not found", manual: "entered by hand",
};

function Explanation({ license }: { license: ModelLicenseDto }) {
  const { review, policy } = license;
  if (review.source === "decision") {
    return <>Decided for this model by {review.reviewer ?? "an admin"}{review.decided_at ? ` on ${formatDate(review.decided_at)}` : ""}; it outranks any policy.</>;
  }
  if (review.source === "policy" && policy) {
    return <>Standing policy for <code>{license.license_id}</code>: {policyLabels[policy.policy].toLowerCase()} (set by {policy.set_by ?? "an admin"}).</>;
  }
  if (!license.license_type) return <>No license is recorded: an admin must review it.</>;
  if (!license.known) return <><code>{license.license_type}</code> is not in the knowledge base: an admin must review it.</>;
  return <>No standing policy for <code>{license.license_id}</code>: waiting for an admin&apos;s review.</>;
}

export function ModelLicense({ license, mayReview }: { license: ModelLicenseDto; mayReview: boolean }) {
  const status = statusStyles[license.review.status];
  const additional = Object.entries(license.additional_restrictions);
  return (
    <Card title="License" className="scroll-mt-6">
      <div id="license" data-testid="license-status" className={cn("rounded-md border p-3", status.className)}>
        <p className="text-base font-semibold">{status.label}</p>
        <p className="mt-1 text-sm"><Explanation license={license} /></p>
        {license.review.conditions ? <p className="mt-2 text-sm"><span className="font-semibold">Conditions:</span> {license.review.conditions}</p> : null}
        {license.review.notes ? <p className="mt-1 text-sm whitespace-pre-line"><span className="font-semibold">Notes:</span> {license.review.notes}</p> : null}
      </div>

      <div className="mt-4 space-y-1">
        {license.known ? (
          <p className="text-sm font-medium">
            <Link href={`/licenses/${license.license_id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">{license.name}</Link>{" "}
            <code className="text-xs">{license.license_type}</code>
          </p>
        ) : (
          <p className="text-sm"><code>{license.license_type ?? "no license"}</code> <Badge tone="warn">unknown license</Badge></p>
        )}
        <div className="flex flex-wrap gap-1.5"><CategoryBadge category={license.category} /><SuitabilityBadge suitability={license.suitability} /></div>
        {license.summary ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{license.summary}</p> : null}
        {license.notes ? <p className="text-xs text-amber-800 dark:text-amber-300">Note: {license.notes}</p> : null}
      </div>

      <details className="mt-4" open>
        <summary className="cursor-pointer text-sm font-semibold">Terms{license.overridden.length ? " (with this model's restrictions)" : ""}</summary>
        <div className="mt-3">
          {!license.known ? <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">Unknown license: nothing is taken as allowed unless this model&apos;s restrictions say so.</p> : null}
          <TermsList terms={license.terms} overridden={license.overridden} notes={license.term_notes} />
        </div>
      </details>

      {additional.length ? (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">This model&apos;s other restrictions</h3>
          <dl className="mt-2 space-y-1 text-sm">
            {additional.map(([key, value]) => (
              <div key={key} className="flex flex-wrap gap-2"><dt className="font-mono text-xs text-zinc-500">{key}</dt><dd className="break-all">{typeof value === "string" ? value : JSON.stringify(value)}</dd></div>
            ))}
          </dl>
        </div>
      ) : null}

      <div className="mt-4">
        <h3 className="text-sm font-semibold">Detection</h3>
        {license.detected ? (
          <p className="mt-1 text-sm">
            <code>{license.detected.license_type ?? "unknown"}</code> {methodLabels[license.detected.method] ?? license.detected.method}, confidence{" "}
            <Badge tone={license.detected.confidence >= 0.9 ? "good" : license.detected.confidence >= 0.75 ? "warn" : "bad"}>{Math.round(license.detected.confidence * 100)}%</Badge>
            {license.detected.candidates.length ? (
              <span className="mt-1 block text-xs text-zinc-500">Candidates: {license.detected.candidates.map((c) => `${c.license_type} ${Math.round(c.score * 100)}%`).join(", ")}</span>
            ) : null}
          </p>
        ) : (
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Not recorded.</p>
        )}
      </div>

      {mayReview ? (
        <div className="mt-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <h3 className="mb-2 text-sm font-semibold">Your decision</h3>
          <ReviewForm modelId={license.model_id} modelName={license.model_name} hasOwnDecision={license.review.source === "decision"} />
        </div>
      ) : null}

      <details className="mt-4" open={license.history.length <= 5}>
        <summary className="cursor-pointer text-sm font-semibold">Decision history ({license.history.length})</summary>
        <div className="mt-3"><LicenseHistory events={license.history} /></div>
      </details>
    </Card>
  );
}

/** The section as the model page places it: loads the model's license itself. */
export async function ModelLicenseSection({ modelId, mayReview }: { modelId: string; mayReview: boolean }) {
  return <ModelLicense license={await getModelLicense(modelId)} mayReview={mayReview} />;
}
