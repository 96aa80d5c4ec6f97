import { Badge } from "@/components/ui/badge";

/** Marks a demo row wherever it shows: illustrative numbers, never a measurement. */
export function DemoBadge() {
  return (
    <span title="Illustrative demo data loaded at start-up, not a measurement">
      <Badge tone="warn">Demo data</Badge>
    </span>
  );
}
