"use client";
// A model's results over concurrency: a line per configuration (hardware, precision, workload,
// engine), on a logarithmic concurrency axis since runs double it.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisLabel, axisProps, chartTextClass, colorAt, formatNumber, gridProps } from "@/components/charts/theme";
import { TooltipBox, TooltipRow } from "@/components/charts/tooltip-box";
import type { Series } from "@/lib/benchmarks/series";

type Metric = "output_throughput_tps" | "ttft_p50_ms";
const labels: Record<Metric, { axis: string; unit: string }> = {
  output_throughput_tps: { axis: "Output throughput (tokens/s)", unit: "tokens/s" },
  ttft_p50_ms: { axis: "TTFT p50 (ms)", unit: "ms" },
};

type Entry = { name?: string; value?: number; color?: string };

function SeriesTooltip({ active, payload, label, unit }: { active?: boolean; payload?: Entry[]; label?: number; unit: string }) {
  if (!active || !payload?.length) return null;
  return (
    <TooltipBox title={`Concurrency ${label}`}>
      {payload.map((entry) => <TooltipRow key={entry.name} label={entry.name ?? ""} value={`${formatNumber(entry.value ?? NaN)} ${unit}`} />)}
    </TooltipBox>
  );
}

export function ConcurrencyChart({ series, metric }: { series: Series[]; metric: Metric }) {
  const { axis, unit } = labels[metric];
  const concurrencies = [...new Set(series.flatMap((s) => s.points.map((p) => p.concurrency)))].sort((a, b) => a - b);
  return (
    <div className={chartTextClass} data-testid={`concurrency-chart-${metric}`} role="img" aria-label={`${axis} against concurrency`}>
      <ResponsiveContainer width="100%" height={360}>
        <LineChart margin={{ top: 10, right: 20, bottom: 30, left: 20 }}>
          <CartesianGrid {...gridProps} />
          <XAxis type="number" dataKey="concurrency" scale="log" domain={["dataMin", "dataMax"]} ticks={concurrencies} allowDuplicatedCategory={false}
            {...axisProps} label={axisLabel("Concurrent requests", "x")} />
          <YAxis type="number" {...axisProps} tickFormatter={(v: number) => formatNumber(v, 0)} label={axisLabel(axis, "y")} width={80} />
          <Tooltip content={<SeriesTooltip unit={unit} />} />
          <Legend verticalAlign="bottom" wrapperStyle={{ paddingTop: 28 }} />
          {series.map((s, index) => (
            <Line key={s.key} name={s.label} data={s.points.filter((p) => p[metric] !== null)} dataKey={metric} stroke={colorAt(index)} strokeWidth={2}
              dot={{ r: 3, fill: colorAt(index) }} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
