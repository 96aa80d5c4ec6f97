// The compared models' metadata, license, status and requirements, a column each.
import type { ReactNode } from "react";
import Link from "next/link";
import { LicenseStatusBadge, ScanBadge } from "@/components/models/status-badges";
import { formatContext, formatParameters } from "@/lib/format";
import type { ModelDto } from "@/lib/models/schema";

const weights = (model: ModelDto, precision: string) => {
  const value = (model.requirements.weights_gb as Record<string, number> | undefined)?.[precision];
  return value === undefined ? "—" : `${value} GB`;
};

const rows: [string, (model: ModelDto) => ReactNode][] = [
  ["Provider", (m) => m.provider],
  ["Architecture", (m) => m.architecture ?? "—"],
  ["Parameters", (m) => formatParameters(m.parameter_count)],
  ["Context length", (m) => (m.context_length ? `${formatContext(m.context_length)} tokens` : "—")],
  ["License", (m) => (m.license_type ? <code>{m.license_type}</code> : "—")],
  ["License review", (m) => <LicenseStatusBadge status={m.license_status} />],
  ["Security scan", (m) => <ScanBadge status={m.scan_status} />],
  ["Weights bf16", (m) => weights(m, "bf16")],
  ["Weights fp8", (m) => weights(m, "fp8")],
  ["Weights int4", (m) => weights(m, "int4")],
  ["Smallest GPU (bf16)", (m) => (typeof m.requirements.min_gpu_memory_gb === "number" ? `${m.requirements.min_gpu_memory_gb} GB` : "—")],
];

export function CompareFacts({ models }: { models: ModelDto[] }) {
  const cell = "px-3 py-2 align-top";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="compare-facts">
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className={cell}><span className="sr-only">Fact</span></th>
            {models.map((model) => (
              <th key={model.id} className={cell} scope="col">
                <Link href={`/models/${model.id}`} className="font-semibold text-indigo-700 hover:underline dark:text-indigo-300">{model.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map(([label, read]) => (
            <tr key={label}>
              <th scope="row" className={`${cell} font-medium text-zinc-500 dark:text-zinc-400`}>{label}</th>
              {models.map((model) => <td key={model.id} className={cell}>{read(model)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
