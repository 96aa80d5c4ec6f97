"use client";
// The ranked table, with a choice of two to four models to compare side by side.
import Link from "next/link";
import { useState } from "react";
import { DemoBadge } from "@/components/benchmarks/demo-badge";
import { ButtonLink } from "@/components/ui/button";
import { formatNumber } from "@/components/charts/theme";
import type { LeaderboardEntryDto } from "@/lib/leaderboard/schema";

export function LeaderboardTable({ entries, valueLabel, unit }: { entries: LeaderboardEntryDto[]; valueLabel: string; unit: string }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (id: string) => setChosen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : ids.length < 4 ? [...ids, id] : ids));
  const cell = "px-3 py-2";
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Tick two to four models to compare them.</p>
        {chosen.length >= 2 ? <ButtonLink href={`/compare?ids=${chosen.join(",")}`} variant="secondary">Compare {chosen.length}</ButtonLink> : null}
      </div>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm" data-testid="leaderboard-table">
          <thead className="bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th className={cell}><span className="sr-only">Compare</span></th>
              <th className={cell}>Rank</th>
              <th className={cell}>Model</th>
              <th className={`${cell} text-right`}>{valueLabel} ({unit})</th>
              <th className={`${cell} text-right`}>Per GPU (tokens/s)</th>
              <th className={`${cell} text-right`}>Cost per 1M output tokens</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
            {entries.map((entry) => (
              <tr key={entry.model.id}>
                <td className={cell}>
                  <input type="checkbox" aria-label={`Compare ${entry.model.name}`} checked={chosen.includes(entry.model.id)} onChange={() => toggle(entry.model.id)}
                    disabled={!chosen.includes(entry.model.id) && chosen.length >= 4} />
                </td>
                <td className={`${cell} font-semibold tabular-nums`}>{entry.rank}</td>
                <td className={cell}>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/models/${entry.model.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">{entry.model.name}</Link>
                    {entry.demo ? <DemoBadge /> : null}
                  </div>
                </td>
                <td className={`${cell} text-right font-medium tabular-nums`}>{formatNumber(entry.value)}</td>
                <td className={`${cell} text-right tabular-nums`}>{formatNumber(entry.per_gpu)}</td>
                <td className={`${cell} text-right tabular-nums`}>{entry.cost_per_million_tokens === null ? "—" : `$${entry.cost_per_million_tokens.toFixed(2)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
