import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ScanSummaryDto } from "@/lib/scans/schema";

type Verdict = NonNullable<ScanSummaryDto["verdict"]>;
type Safety = "innocuous" | "suspicious" | "dangerous";

const verdictTones: Record<Verdict, BadgeTone> = { clean: "good", low: "info", medium: "warn", high: "bad", critical: "bad" };
const statusTones: Record<ScanSummaryDto["status"], BadgeTone> = { queued: "info", running: "info", completed: "neutral", failed: "warn" };

export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return <Badge>no verdict</Badge>;
  return <Badge tone={verdictTones[verdict]}>{verdict === "clean" ? "clean" : `${verdict}`}</Badge>;
}

export function SeverityBadge({ severity }: { severity: Exclude<Verdict, "clean"> }) {
  return <Badge tone={verdictTones[severity]}>{severity}</Badge>;
}

export function ScanStatusBadge({ status }: { status: ScanSummaryDto["status"] }) {
  return <Badge tone={statusTones[status]}>{status}</Badge>;
}

export const safetyStyles: Record<Safety, string> = {
  innocuous: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  suspicious: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
  dangerous: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
