"use client";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

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
    <Button variant="ghost" className="h-8 px-2 whitespace-nowrap sm:px-3" disabled={pending} onClick={onClick}>
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
