import Link from "next/link";
import type { AuditEventDto } from "@/lib/audit/schema";
import { AuditChanges } from "./audit-changes";

const th = "px-4 py-3 font-medium";

/** "2026-11-27 08:51:15": the column says UTC. */
function formatUtc(iso: string): string {
  return iso.slice(0, 19).replace("T", " ");
}

function Resource({ event }: { event: AuditEventDto }) {
  if (!event.resource_id) return <>{event.resource_type}</>;
  const shortId = <code className="text-xs">{event.resource_id.slice(0, 8)}</code>;
  if (event.resource_type === "model" && event.action !== "model.deleted") {
    return (
      <Link href={`/models/${event.resource_id}`} className="text-indigo-700 hover:underline dark:text-indigo-300" title={event.resource_id}>
        model {shortId}
      </Link>
    );
  }
  return <span title={event.resource_id}>{event.resource_type} {shortId}</span>;
}

export function AuditTable({ events }: { events: AuditEventDto[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={th}>Time (UTC)</th>
            <th scope="col" className={th}>Actor</th>
            <th scope="col" className={th}>Action</th>
            <th scope="col" className={th}>Resource</th>
            <th scope="col" className={th}>Changes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 align-top dark:divide-zinc-800">
          {events.map((event) => (
            <tr key={event.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <td className="px-4 py-3 whitespace-nowrap tabular-nums text-zinc-700 dark:text-zinc-300">
                <time dateTime={event.at}>{formatUtc(event.at)}</time>
              </td>
              <td className="max-w-64 min-w-44 px-4 py-3 break-words">{event.actor.label}</td>
              <td className="px-4 py-3 whitespace-nowrap"><code className="text-xs">{event.action}</code></td>
              <td className="px-4 py-3 whitespace-nowrap"><Resource event={event} /></td>
              <td className="min-w-72 px-4 py-3"><AuditChanges changes={event.changes} created={event.action.endsWith(".created")} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
