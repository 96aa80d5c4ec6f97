// Who is making a request, and whether they may. Accounts arrive in a later change; until then
// every caller is anonymous and writes are open, but every route already passes through here.
import type { Role } from "./roles";

export type Actor = { type: "anonymous" } | { type: "user"; id: string; role: Role };

export async function resolveActor(_request: Request): Promise<Actor> {
  return { type: "anonymous" };
}

export function authorize(_actor: Actor, _required: Role | "public"): void {
  // Open until accounts exist: the role check slots in here.
}
