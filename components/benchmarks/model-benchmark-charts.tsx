"use client";
// The model page's charts: pick a precision and workload, then see throughput and TTFT over
// concurrency with a line per hardware profile (and engine), so lines stay few enough to read.
import { useState } from "react";
import { Field, Select } from "@/components/ui/field";
import type { Series } from "@/lib/benchmarks/series";
import { ConcurrencyChart } from "./concurrency-chart";

const workloadOf = (s: Series) => `${s.precision}|${s.input_tokens}|${s.output_tokens}`;

export function ModelBenchmarkCharts({ series }: { series: Series[] }) {
  // Offered fullest first: the choice with the most points is the one shown at first.
  const counts = new Map<string, number>();
  for (const s of series) counts.set(workloadOf(s), (counts.get(workloadOf(s)) ?? 0) + s.points.length);
  const choices = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key]) => key);
  const [choice, setChoice] = useState(choices[0]);
  const shown = series.filter((s) => workloadOf(s) === choice);
  const engines = new Set(shown.map((s) => s.engine));
  const labelled = shown.map((s) => ({ ...s, label: engines.size > 1 ? `${s.hardware_profile} · ${s.engine}` : s.hardware_profile }));
  return (
    <div className="space-y-4">
      <div className="max-w-sm">
        <Field id="model-chart-workload" label="Precision and workload">
          <Select id="model-chart-workload" value={choice} onChange={(e) => setChoice(e.target.value)}>
            {choices.map((key) => {
              const [precision, input, output] = key.split("|");
              return <option key={key} value={key}>{precision} · {input} in → {output} out tokens</option>;
            })}
          </Select>
        </Field>
      </div>
      <div className="grid gap-6">
        <ConcurrencyChart series={labelled} metric="output_throughput_tps" />
        <ConcurrencyChart series={labelled} metric="ttft_p50_ms" />
      </div>
    </div>
  );
}
