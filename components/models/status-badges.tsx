import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ModelDto } from "@/lib/models/schema";

const scanTones: Record<ModelDto["scan_status"], BadgeTone> = {
  not_scanned: "neutral", queued: "info", scanning: "info", clean: "good", flagged: "bad", error: "warn",
};

const licenseTones: Record<ModelDto["license_status"], BadgeTone> = {
  pending: "warn", approved: "good", approved_with_conditions: "info", rejected: "bad",
};

const label = (value: string) => value.replaceAll("_", " ");

export function ScanBadge({ status }: { status: ModelDto["scan_status"] }) {
  return <Badge tone={scanTones[status]}>scan: {label(status)}</Badge>;
}

export function LicenseStatusBadge({ status }: { status: ModelDto["license_status"] }) {
  return <Badge tone={licenseTones[status]}>license: {label(status)}</Badge>;
}
