import Link from "next/link";
import { formatContext, formatParameters } from "@/lib/format";
import type { ModelDto } from "@/lib/models/schema";
import { LicenseStatusBadge, ScanBadge } from "./status-badges";

/** Narrow screens drop the architecture (below 1024 px) and the context length (below 768 px); the model's page has both. */
export function ModelTable({ models }: { models: ModelDto[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Model</th>
            <th scope="col" className="hidden px-4 py-3 font-medium lg:table-cell">Architecture</th>
            <th scope="col" className="px-4 py-3 text-right font-medium">Params</th>
            <th scope="col" className="hidden px-4 py-3 text-right font-medium md:table-cell">Context</th>
            <th scope="col" className="px-4 py-3 font-medium">License</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {models.map((model) => (
            <tr key={model.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <td className="px-4 py-3">
                <Link href={`/models/${model.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">{model.name}</Link>
                <div className="text-xs text-zinc-500">{model.provider}{model.task ? ` · ${model.task}` : ""}</div>
              </td>
              <td className="hidden px-4 py-3 text-zinc-700 lg:table-cell dark:text-zinc-300">{model.architecture ?? "—"}</td>
              <td className="px-4 py-3 text-right tabular-nums">{formatParameters(model.parameter_count)}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">{formatContext(model.context_length)}</td>
              <td className="px-4 py-3"><code className="text-xs whitespace-nowrap">{model.license_type ?? "—"}</code></td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap gap-1"><LicenseStatusBadge status={model.license_status} /><ScanBadge status={model.scan_status} /></div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
