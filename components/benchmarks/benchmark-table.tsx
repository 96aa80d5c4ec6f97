import Link from "next/link";
import { formatNumber } from "@/components/charts/theme";
import { Badge } from "@/components/ui/badge";
import type { BenchmarkDto } from "@/lib/benchmarks/schema";
import { formatDate } from "@/lib/format";
import { DemoBadge } from "./demo-badge";

const ms = (value: number | null | undefined) => (value === null || value === undefined ? "—" : formatNumber(value));

export function BenchmarkTable({ benchmarks, showModel = true }: { benchmarks: BenchmarkDto[]; showModel?: boolean }) {
  const cell = "px-3 py-2 whitespace-nowrap";
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <thead className="bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {showModel ? <th className={cell}>Model</th> : null}
            <th className={cell}>Hardware</th>
            <th className={cell}>Precision</th>
            <th className={cell}>Workload (tokens)</th>
            <th className={`${cell} text-right`}>Concurrency</th>
            <th className={cell}>Engine</th>
            <th className={`${cell} text-right`}>Output (tokens/s)</th>
            <th className={`${cell} text-right`}>TTFT p50 (ms)</th>
            <th className={`${cell} text-right`}>TPOT p50 (ms)</th>
            <th className={`${cell} text-right`}>Cost per 1M tokens</th>
            <th className={cell}>Source</th>
            <th className={cell}>Added</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
          {benchmarks.map((b) => (
            <tr key={b.id}>
              {showModel ? (
                <td className={cell}><Link href={`/models/${b.model_id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">{b.model_name}</Link></td>
              ) : null}
              <td className={cell}>{b.hardware_profile}</td>
              <td className={cell}>{b.configuration.precision}</td>
              <td className={cell}>{b.configuration.input_tokens} → {b.configuration.output_tokens}</td>
              <td className={`${cell} text-right tabular-nums`}>{b.configuration.concurrency}</td>
              <td className={cell}>{b.configuration.engine}{b.configuration.engine_version ? ` ${b.configuration.engine_version}` : ""}</td>
              <td className={`${cell} text-right tabular-nums`}>{formatNumber(b.metrics.output_throughput_tps)}</td>
              <td className={`${cell} text-right tabular-nums`}>{ms(b.metrics.ttft_ms?.p50)}</td>
              <td className={`${cell} text-right tabular-nums`}>{ms(b.metrics.tpot_ms?.p50)}</td>
              <td className={`${cell} text-right tabular-nums`}>{b.cost_per_million_tokens === null ? "—" : `$${b.cost_per_million_tokens.toFixed(2)}`}</td>
              <td className={cell}>{b.demo ? <DemoBadge /> : <Badge>{b.source.replace("_", "-")}</Badge>}</td>
              <td className={`${cell} text-zinc-500 dark:text-zinc-400`}>{formatDate(b.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
