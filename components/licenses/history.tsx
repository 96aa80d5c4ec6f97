// The license history: decisions, policy changes and license changes, newest first.
import { LicenseStatusBadge } from "@/components/models/status-badges";
import { formatDate } from "@/lib/format";
import type { LicenseEventDto } from "@/lib/licenses/schema";

const kindLabels: Record<LicenseEventDto["kind"], string> = {
  created: "Registered",
  license_changed: "License changed",
  reviewed: "Reviewed",
  review_cleared: "Decision withdrawn",
  policy_set: "Policy set",
  policy_applied: "Policy applied",
};

export function LicenseHistory({ events, showLicense = false }: { events: LicenseEventDto[]; showLicense?: boolean }) {
  if (!events.length) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No decisions yet.</p>;
  return (
    <ol aria-label="License history" className="space-y-3">
      {events.map((event) => (
        <li key={event.id} className="border-l-2 border-zinc-200 pl-3 text-sm dark:border-zinc-700">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{kindLabels[event.kind]}</span>
            {event.decision ? <code className="text-xs">{event.decision}</code> : null}
            {showLicense && event.license_type ? <code className="text-xs">{event.license_type}</code> : null}
            {event.status_after ? (
              <span className="flex items-center gap-1">
                {event.status_before && event.status_before !== event.status_after ? <><LicenseStatusBadge status={event.status_before} /> →</> : null}
                <LicenseStatusBadge status={event.status_after} />
              </span>
            ) : null}
          </div>
          <div className="text-xs text-zinc-500 dark:text-zinc-400">
            <time dateTime={event.at}>{formatDate(event.at)}</time> · {event.actor.label}
          </div>
          {event.conditions ? <p className="mt-1"><span className="font-medium">Conditions:</span> {event.conditions}</p> : null}
          {event.notes ? <p className="mt-1 whitespace-pre-line text-zinc-700 dark:text-zinc-300">{event.notes}</p> : null}
        </li>
      ))}
    </ol>
  );
}
