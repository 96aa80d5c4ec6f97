// The admins' review queue: each model with its license's terms beside it and the decision in place.
import Link from "next/link";
import { LicenseStatusBadge } from "@/components/models/status-badges";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import type { QueueItem } from "@/lib/licenses/listing";
import { PolicyBadge } from "./badges";
import { ReviewForm } from "./review-form";
import { TermsList } from "./terms";

export function ReviewQueue({ items }: { items: QueueItem[] }) {
  return (
    <ul aria-label="Models to review" className="space-y-4">
      {items.map((item) => (
        <li key={item.id}>
          <article aria-label={item.name} className="grid gap-4 rounded-lg border border-zinc-200 bg-white p-4 lg:grid-cols-3 dark:border-zinc-800 dark:bg-zinc-900">
            <div className="space-y-2">
              <h2 className="font-semibold break-words">
                <Link href={`/models/${item.id}#license`} className="text-indigo-700 hover:underline dark:text-indigo-300">{item.name}</Link>
              </h2>
              <div className="flex flex-wrap items-center gap-1.5">
                <LicenseStatusBadge status={item.license_status} />
                {item.own_decision ? <Badge>own decision</Badge> : null}
                <Badge tone="info">{item.provider}</Badge>
              </div>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">Registered {formatDate(item.created_at)}</p>
              {item.description ? <p className="line-clamp-3 text-sm text-zinc-700 dark:text-zinc-300">{item.description}</p> : null}
              {Object.keys(item.restrictions).length ? (
                <p className="text-xs break-all text-zinc-600 dark:text-zinc-400">Model&apos;s own restrictions: <code>{JSON.stringify(item.restrictions)}</code></p>
              ) : null}
            </div>
            <div className="space-y-2">
              {item.license ? (
                <>
                  <p className="text-sm font-medium">
                    <Link href={`/licenses/${item.license.id}`} className="hover:underline">{item.license.name}</Link>{" "}
                    <code className="text-xs">{item.license_type}</code>
                  </p>
                  <PolicyBadge policy={item.license.policy?.policy} />
                  <TermsList terms={item.license.terms} overridden={item.license.overridden} compact />
                </>
              ) : (
                <p className="text-sm">
                  <code>{item.license_type ?? "no license"}</code> <Badge tone="warn">unknown license</Badge>
                  <span className="mt-1 block text-xs text-zinc-600 dark:text-zinc-400">Not in the knowledge base: read the model&apos;s license before deciding.</span>
                </p>
              )}
            </div>
            <ReviewForm modelId={item.id} modelName={item.name} hasOwnDecision={item.own_decision} />
          </article>
        </li>
      ))}
    </ul>
  );
}
