// Page guards: anonymous visitors go to sign-in and come back; signed-in users without the role
// see why they cannot use the page. The API checks the same roles on every request.
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { getPortalActor } from "@/lib/auth/portal";

export type SignedInActor = Exclude<Actor, { type: "anonymous" }>;

export function signInPath(callbackUrl: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}

/** The signed-in actor, or a redirect to sign-in that returns to `path` afterwards. */
export async function requireSignedIn(path: string): Promise<SignedInActor> {
  const actor = await getPortalActor();
  if (actor.type === "anonymous") redirect(signInPath(path));
  return actor;
}

/** The 403 page body: what is needed, and a way out. */
export function NotAllowed({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <EmptyState title={title}>
      <p className="mb-4">{children ?? "Your role does not allow this. Ask an admin if you need access."}</p>
      <ButtonLink href="/" variant="secondary">Back to the overview</ButtonLink>
    </EmptyState>
  );
}
