// The compared models' results in the buckets they share: a row per bucket, a column per model,
// each cell its throughput with latency and cost beneath; the highest throughput in a row marked.
import { formatNumber } from "@/components/charts/theme";
import { describeBucket } from "@/lib/leaderboard/bucket";
import type { SharedResult } from "@/lib/leaderboard/shared";

type Values = SharedResult["byModel"][string];

function ResultCell({ values, best }: { values: Values | undefined; best: boolean }) {
  if (!values) return <span className="text-zinc-400">no result</span>;
  const detail = (label: string, value: number | null, unit = " ms") => (value === null ? null : <span>{label} {formatNumber(value)}{unit}</span>);
  return (
    <div>
      <p className={`tabular-nums ${best ? "font-semibold text-emerald-700 dark:text-emerald-400" : "font-medium"}`}>{formatNumber(values.output_throughput_tps)} tokens/s</p>
      <p className="flex flex-wrap justify-end gap-x-2 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
        {detail("TTFT", values.ttft_p50_ms)}
        {detail("TPOT", values.tpot_p50_ms)}
        {values.cost_per_million_tokens === null ? null : <span>${values.cost_per_million_tokens.toFixed(2)}/1M</span>}
      </p>
    </div>
  );
}

export function SharedResults({ results, models }: { results: SharedResult[]; models: { id: string; name: string }[] }) {
  const cell = "px-3 py-2 text-right align-top";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="shared-results">
        <thead>
          <tr className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
            <th className="px-3 py-2 text-left font-medium">Bucket</th>
            {models.map((model) => <th key={model.id} className={`${cell} font-medium`}>{model.name}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {results.map((result) => {
            const best = Math.max(...Object.values(result.byModel).map((v) => v.output_throughput_tps));
            return (
              <tr key={describeBucket(result.bucket)}>
                <td className="px-3 py-2 align-top text-zinc-700 dark:text-zinc-300">{describeBucket(result.bucket)}</td>
                {models.map((model) => (
                  <td key={model.id} className={cell}>
                    <ResultCell values={result.byModel[model.id]} best={result.byModel[model.id]?.output_throughput_tps === best} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">Each model&apos;s best result per metric in the bucket: output throughput, TTFT p50, TPOT p50, and cost per million output tokens at the profile&apos;s price.</p>
    </div>
  );
}
