import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { RoleBadge } from "./role-badge";
import { SignOutButton } from "./sign-out-button";

/** The header's right-hand side: who is signed in, or a way to sign in. */
export function AccountMenu({ actor }: { actor: Actor }) {
  if (actor.type !== "user") {
    return (
      <Link href="/signin" className="rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-indigo-700 hover:bg-zinc-100 dark:text-indigo-300 dark:hover:bg-zinc-800">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex shrink-0 items-center gap-2">
      <span className="hidden max-w-56 truncate text-sm text-zinc-700 sm:inline dark:text-zinc-300" title={actor.email}>
        <span className="sr-only">Signed in as </span>
        {actor.email}
      </span>
      <RoleBadge role={actor.role} />
      <SignOutButton />
    </div>
  );
}
