import { Card } from "@/components/ui/card";
import type { AuditEventDto } from "@/lib/audit/schema";
import { formatDate } from "@/lib/format";

const SHOWN_FIELDS = 6;
const verbs: Record<string, string> = {
  "model.created": "Registered", "model.updated": "Edited", "model.deleted": "Deleted",
  "model.imported": "Imported from the Hub", "model.synced": "Synced from the Hub",
};

function fieldList(changes: AuditEventDto["changes"]): string {
  const fields = Object.keys(changes).filter((field) => field !== "id");
  if (fields.length === 0) return "no field changed";
  const more = fields.length - SHOWN_FIELDS;
  return fields.slice(0, SHOWN_FIELDS).join(", ") + (more > 0 ? ` and ${more} more` : "");
}

/** The model's own audit trail: who changed what, newest first. */
export function ModelHistory({ events, total }: { events: AuditEventDto[]; total: number }) {
  return (
    <Card title="History">
      {events.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No recorded changes yet.</p>
      ) : (
        <>
          <ol className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {events.map((event) => (
              <li key={event.id} className="py-2 text-sm first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                  <span>
                    <span className="font-medium">{verbs[event.action] ?? event.action}</span>
                    <span className="text-zinc-600 dark:text-zinc-400"> by </span>
                    <span className="break-all">{event.actor.label}</span>
                  </span>
                  <time dateTime={event.at} className="text-xs whitespace-nowrap text-zinc-500 tabular-nums dark:text-zinc-400">{formatDate(event.at)}</time>
                </div>
                <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
                  {event.action === "model.created" || event.action === "model.imported" ? "Set: " : "Changed: "}
                  <span className="font-mono">{fieldList(event.changes)}</span>
                </p>
              </li>
            ))}
          </ol>
          {total > events.length ? (
            <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">The latest {events.length} of {total} changes.</p>
          ) : null}
        </>
      )}
    </Card>
  );
}
