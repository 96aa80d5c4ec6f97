// The fields a write changed, as {field: {before, after}}; timestamps are left out as noise.
type Record_ = Record<string, unknown>;
const ignored = new Set(["updated_at", "created_at", "last_used_at"]);

export function diffFields(before: Record_ | null, after: Record_ | null): Record<string, { before: unknown; after: unknown }> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of keys) {
    if (ignored.has(key)) continue;
    const was = before?.[key] ?? null;
    const now = after?.[key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[key] = { before: was, after: now };
  }
  return changes;
}
