import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Policy } from "@/lib/licenses/rules";

const policyTones: Record<Policy, BadgeTone> = { allow: "good", allow_with_conditions: "info", deny: "bad", review: "warn" };
const suitabilityTones: Record<string, BadgeTone> = { most: "good", good: "info", low: "warn", worst: "bad" };

export const policyLabels: Record<Policy, string> = {
  allow: "Allow",
  allow_with_conditions: "Allow with conditions",
  deny: "Deny",
  review: "Review each model",
};

export function PolicyBadge({ policy }: { policy: Policy | null | undefined }) {
  if (!policy) return <Badge>no policy</Badge>;
  return <Badge tone={policyTones[policy]}>policy: {policyLabels[policy].toLowerCase()}</Badge>;
}

export function SuitabilityBadge({ suitability }: { suitability: string | null }) {
  if (!suitability) return null;
  return <Badge tone={suitabilityTones[suitability] ?? "neutral"}>suitability: {suitability}</Badge>;
}

export function CategoryBadge({ category }: { category: string | null }) {
  return category ? <Badge>{category.replaceAll("_", " ")}</Badge> : null;
}
