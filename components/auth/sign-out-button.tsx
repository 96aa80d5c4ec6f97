"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      className="h-8 px-3"
      disabled={pending}
      onClick={() => {
        setPending(true);
        signOut({ callbackUrl: "/" }).catch(() => setPending(false));
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
