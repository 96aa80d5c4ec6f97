import { formatDate } from "@/lib/format";

const units: [Intl.RelativeTimeFormatUnit, number][] = [["day", 86_400_000], ["hour", 3_600_000], ["minute", 60_000]];

export function relativeTime(iso: string, now = Date.now()): string {
  const elapsed = new Date(iso).getTime() - now;
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, ms] of units) if (Math.abs(elapsed) >= ms) return format.format(Math.round(elapsed / ms), unit);
  return "just now";
}

/** When the leaderboard was last rebuilt: relative, with the exact time on hover and for readers. */
export function UpdatedAt({ iso }: { iso: string | null }) {
  if (!iso) return <span>Not refreshed yet: results show after the first refresh.</span>;
  return (
    <span>
      Updated <time dateTime={iso} title={formatDate(iso)} data-testid="leaderboard-updated-at">{relativeTime(iso)}</time> ({formatDate(iso)})
    </span>
  );
}
