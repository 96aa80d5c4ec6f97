// Roles, each including the ones before it.
export const roles = ["viewer", "engineer", "admin"] as const;
export type Role = (typeof roles)[number];

export function roleAtLeast(role: Role, required: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(required);
}
