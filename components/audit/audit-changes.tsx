import type { AuditEventDto } from "@/lib/audit/schema";

const LIMIT = 80;
const SHOWN = 3;

function show(value: unknown): string {
  return value === undefined ? "null" : JSON.stringify(value);
}

function truncate(text: string): string {
  return text.length > LIMIT ? `${text.slice(0, LIMIT - 1)}…` : text;
}

type LineProps = { field: string; before: unknown; after: unknown; full?: boolean; created?: boolean };

function Line({ field, before, after, full, created }: LineProps) {
  const fit = full ? (text: string) => text : truncate;
  return (
    <li className="break-all">
      <span className="font-medium text-zinc-800 dark:text-zinc-200">{field}</span>:{" "}
      {created ? null : (
        <>
          <span className="text-zinc-500 dark:text-zinc-400">{fit(show(before))}</span>
          <span aria-label="changed to"> → </span>
        </>
      )}
      <span>{fit(show(after))}</span>
    </li>
  );
}

/**
 * An event's changes, one "field: before → after" line each, shortened; all of them in full
 * behind <details>. A creation shows just the values set (its id is the resource column's).
 */
export function AuditChanges({ changes, created = false }: { changes: AuditEventDto["changes"]; created?: boolean }) {
  const entries = Object.entries(changes).filter(([field]) => !(created && field === "id"));
  if (entries.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  const shortened = entries.length > SHOWN || entries.some(([, c]) => show(c.before).length > LIMIT || show(c.after).length > LIMIT);
  return (
    <div className="group space-y-1 font-mono text-xs">
      {/* The short list gives way to the full one while <details> is open. */}
      <ul className="space-y-0.5 group-has-[details[open]]:hidden">
        {entries.slice(0, SHOWN).map(([field, c]) => <Line key={field} field={field} before={c.before} after={c.after} created={created} />)}
      </ul>
      {shortened ? (
        <details>
          <summary className="cursor-pointer font-sans text-indigo-700 hover:underline dark:text-indigo-300">
            {entries.length > SHOWN ? `All ${entries.length} ${created ? "fields" : "changes"}` : "Show in full"}
          </summary>
          <ul className="mt-1 space-y-0.5">
            {entries.map(([field, c]) => <Line key={field} field={field} before={c.before} after={c.after} created={created} full />)}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
