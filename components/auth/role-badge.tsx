import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Role } from "@/lib/auth/roles";

const tones: Record<Role, BadgeTone> = { viewer: "neutral", engineer: "info", admin: "warn" };

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={tones[role]}>{role}</Badge>;
}
