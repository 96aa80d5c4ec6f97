"use client";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { menuItemClass } from "@/components/ui/menu-item";

/** A menu row in the account menu. */
export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function onClick() {
    setPending(true);
    try {
      // next-auth's own redirect goes to NEXTAUTH_URL (http://localhost:3000 when unset), so
      // go home ourselves; refresh() drops the pages cached while signed in.
      await signOut({ callbackUrl: "/", redirect: false });
      router.push("/");
      router.refresh();
    } catch {
      setPending(false);
    }
  }
  return (
    <button type="button" className={cn(menuItemClass(false), "text-left disabled:cursor-wait")} disabled={pending} onClick={onClick}>
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
