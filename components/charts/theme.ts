// Chart colours and axis styling that read on both the light and the dark theme: mid-tone series
// colours, and axes, ticks and grid drawn in the surrounding text colour (currentColor).

export const seriesColors = ["#6366f1", "#10b981", "#f59e0b", "#ef4444", "#0ea5e9", "#a855f7", "#84cc16", "#f97316", "#ec4899", "#14b8a6"];

export const colorAt = (index: number) => seriesColors[index % seriesColors.length];

/** Put on the element around a chart: currentColor is then a muted text colour in either theme. */
export const chartTextClass = "text-zinc-600 dark:text-zinc-400";

export const axisProps = {
  stroke: "currentColor",
  tick: { fill: "currentColor", fontSize: 12 },
  tickLine: { stroke: "currentColor" },
} as const;

export const gridProps = { stroke: "currentColor", strokeOpacity: 0.15, strokeDasharray: "3 3" } as const;

export const axisLabel = (value: string, axis: "x" | "y") =>
  axis === "x"
    ? { value, position: "insideBottom" as const, offset: -12, fill: "currentColor", fontSize: 12 }
    : { value, angle: -90, position: "insideLeft" as const, style: { textAnchor: "middle" as const }, fill: "currentColor", fontSize: 12 };

export function formatNumber(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  if (abs >= 10_000) return value.toLocaleString("en-US", { maximumFractionDigits: 0 });
  if (abs >= 100) return value.toLocaleString("en-US", { maximumFractionDigits: digits });
  return value.toLocaleString("en-US", { maximumFractionDigits: abs >= 1 ? 2 : 3 });
}

/** Round ticks (1, 2, 5 x 10^n) spanning [min, max], for a logarithmic axis. */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max >= min)) return [];
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(min)); power <= Math.ceil(Math.log10(max)); power++) {
    for (const step of [1, 2, 5]) {
      const tick = step * 10 ** power;
      if (tick >= min / 1.0001 && tick <= max * 1.0001) ticks.push(Number(tick.toPrecision(6)));
    }
  }
  return ticks;
}

/** A log axis's domain: out to the round values just beyond the data. */
export function logDomain(values: number[]): [number, number] {
  const positive = values.filter((value) => value > 0);
  if (!positive.length) return [1, 10];
  const round = (value: number, up: boolean) => {
    const power = 10 ** Math.floor(Math.log10(value));
    const steps = up ? [1, 2, 5, 10].find((s) => s * power >= value)! : [5, 2, 1].find((s) => s * power <= value)!;
    return steps * power;
  };
  return [round(Math.min(...positive), false), round(Math.max(...positive), true)];
}
