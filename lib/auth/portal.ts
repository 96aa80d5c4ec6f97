// The signed-in user for server-rendered pages: the same session check the API makes.
import { cookies } from "next/headers";
import { actorFromCookies, actorRole, type Actor } from "./actor";
import { roleAtLeast, type Role } from "./roles";

export async function getPortalActor(): Promise<Actor> {
  const store = await cookies();
  const header = store.getAll().map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; ");
  const actor = await actorFromCookies(header || null);
  return actor && actor !== "invalid" ? actor : { type: "anonymous" };
}

/** Whether the actor's role reaches `required` (anonymous reaches nothing). */
export function can(actor: Actor, required: Role): boolean {
  const role = actorRole(actor);
  return role !== null && roleAtLeast(role, required);
}
