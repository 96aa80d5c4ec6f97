"use client";
// Output throughput of the compared models, bucket by bucket, as grouped bars.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisLabel, axisProps, chartTextClass, colorAt, formatNumber, gridProps } from "@/components/charts/theme";
import { TooltipBox, TooltipRow } from "@/components/charts/tooltip-box";

type Entry = { name?: string; value?: number };

function BarTooltip({ active, payload, label }: { active?: boolean; payload?: Entry[]; label?: string }) {
  if (!active || !payload?.length) return null;
  return (
    <TooltipBox title={label}>
      {payload.map((entry) => <TooltipRow key={entry.name} label={entry.name ?? ""} value={entry.value === undefined ? "—" : `${formatNumber(entry.value)} tokens/s`} />)}
    </TooltipBox>
  );
}

export function CompareChart({ rows, models }: { rows: Record<string, string | number>[]; models: { id: string; name: string }[] }) {
  return (
    <div className={chartTextClass} data-testid="compare-chart" role="img" aria-label="Output throughput by bucket and model">
      <ResponsiveContainer width="100%" height={340}>
        <BarChart data={rows} margin={{ top: 10, right: 20, bottom: 60, left: 50 }}>
          <CartesianGrid {...gridProps} vertical={false} />
          <XAxis dataKey="bucket" {...axisProps} interval={0} angle={-20} textAnchor="end" height={70} tick={{ fill: "currentColor", fontSize: 11 }} />
          <YAxis {...axisProps} tickFormatter={(v: number) => formatNumber(v, 0)} label={axisLabel("Output throughput (tokens/s)", "y")} width={80} />
          <Tooltip content={<BarTooltip />} cursor={{ fill: "currentColor", fillOpacity: 0.08 }} />
          {/* In the models' own order, matching the table below (Recharts sorts by name otherwise). */}
          <Legend verticalAlign="top" height={36} itemSorter={null} />
          {models.map((model, index) => <Bar key={model.id} dataKey={model.id} name={model.name} fill={colorAt(index)} isAnimationActive={false} />)}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
