import type { ReactNode } from "react";

/** A definition list of label / value pairs, laid out in columns. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
      {items.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
          <dd className="mt-1 text-sm break-words">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
