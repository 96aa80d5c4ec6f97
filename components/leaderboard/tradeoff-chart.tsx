"use client";
// Latency against throughput per GPU for one workload, a colour per hardware profile, with each
// profile's Pareto front (the results no other on that hardware beats on both) drawn as a line.
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { axisLabel, axisProps, chartTextClass, colorAt, formatNumber, gridProps, logDomain, logTicks } from "@/components/charts/theme";
import { TooltipBox, TooltipRow } from "@/components/charts/tooltip-box";
import { paretoFront } from "@/lib/leaderboard/pareto";

export interface TradeoffDatum {
  profile: string;
  model: string;
  concurrency: number;
  throughput: number;
  latency: number;
  demo: boolean;
}

type Payload = { payload?: TradeoffDatum };

function PointTooltip({ active, payload, latencyLabel }: { active?: boolean; payload?: Payload[]; latencyLabel: string }) {
  const point = active ? payload?.[0]?.payload : undefined;
  if (!point) return null;
  return (
    <TooltipBox title={point.model}>
      <TooltipRow label="Hardware" value={point.profile} />
      <TooltipRow label="Concurrency" value={point.concurrency} />
      <TooltipRow label="Throughput per GPU" value={`${formatNumber(point.throughput)} tokens/s`} />
      <TooltipRow label={latencyLabel} value={`${formatNumber(point.latency)} ms`} />
      {point.demo ? <TooltipRow label="Data" value="demo, not measured" /> : null}
    </TooltipBox>
  );
}

// Both axes are logarithmic: throughput and latency each span orders of magnitude across
// hardware and concurrency, and a linear axis would crowd most points into one corner.
export function TradeoffChart({ points, latencyLabel }: { points: TradeoffDatum[]; latencyLabel: string }) {
  const profiles = [...new Set(points.map((point) => point.profile))].sort();
  const xDomain = logDomain(points.map((point) => point.throughput));
  const yDomain = logDomain(points.map((point) => point.latency));
  return (
    <div className={chartTextClass} data-testid="tradeoff-chart" role="img" aria-label={`${latencyLabel} against output throughput per GPU, by hardware profile`}>
      <ResponsiveContainer width="100%" height={380}>
        <ScatterChart margin={{ top: 10, right: 20, bottom: 30, left: 20 }}>
          <CartesianGrid {...gridProps} />
          <XAxis type="number" dataKey="throughput" name="Throughput per GPU" scale="log" domain={xDomain} ticks={logTicks(...xDomain)} {...axisProps}
            tickFormatter={(v: number) => formatNumber(v, 0)} label={axisLabel("Output throughput per GPU (tokens/s/GPU, log scale)", "x")} />
          <YAxis type="number" dataKey="latency" name={latencyLabel} scale="log" domain={yDomain} ticks={logTicks(...yDomain)} {...axisProps}
            tickFormatter={(v: number) => formatNumber(v, 0)} label={axisLabel(`${latencyLabel} (ms, log scale)`, "y")} width={70} />
          <Tooltip content={<PointTooltip latencyLabel={latencyLabel} />} cursor={{ strokeDasharray: "3 3", stroke: "currentColor" }} />
          <Legend verticalAlign="top" height={36} />
          {profiles.map((profile, index) => {
            const data = points.filter((point) => point.profile === profile);
            return <Scatter key={profile} name={profile} data={data} fill={colorAt(index)} isAnimationActive={false} />;
          })}
          {profiles.map((profile, index) => {
            const front = paretoFront(points.filter((point) => point.profile === profile));
            return (
              <Scatter key={`${profile}-front`} name={`${profile} Pareto front`} data={front} fill="none" legendType="none"
                line={{ stroke: colorAt(index), strokeWidth: 1.5, strokeDasharray: "5 3" }} shape={() => <g />} isAnimationActive={false} />
            );
          })}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
