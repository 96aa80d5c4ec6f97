import Link from "next/link";
import { DisclosureMenu } from "@/components/ui/disclosure-menu";
import { menuItemClass } from "@/components/ui/menu-item";
import type { Actor } from "@/lib/auth/actor";
import { RoleBadge } from "./role-badge";
import { SignOutButton } from "./sign-out-button";

/** The header's right-hand side: a menu for the signed-in user (their tokens, sign out), or a way to sign in. */
export function AccountMenu({ actor }: { actor: Actor }) {
  if (actor.type !== "user") {
    return (
      <Link href="/signin" className="rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-indigo-700 hover:bg-zinc-100 dark:text-indigo-300 dark:hover:bg-zinc-800">
        Sign in
      </Link>
    );
  }
  return (
    <DisclosureMenu
      align="right"
      summary={
        <>
          <span className="sr-only">Account: </span>
          <span className="hidden max-w-56 truncate xl:inline" title={actor.email}>{actor.email}</span>
          <RoleBadge role={actor.role} />
        </>
      }
    >
      <p className="truncate px-3 pt-2 pb-1 text-xs text-zinc-500 dark:text-zinc-400" title={actor.email}>
        Signed in as <span className="font-medium text-zinc-800 dark:text-zinc-200">{actor.email}</span>
      </p>
      <Link href="/settings/tokens" className={menuItemClass(false)}>API tokens</Link>
      <SignOutButton />
    </DisclosureMenu>
  );
}
