"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import type { CreatedToken } from "@/lib/client/accounts";

/** The new token's secret, shown once, with a copy button. */
export function NewTokenSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => box.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied("yes");
    } catch {
      // No clipboard access (e.g. plain http): select it so Ctrl+C works.
      input.current?.select();
      setCopied("failed");
    }
  }

  return (
    <div
      ref={box}
      tabIndex={-1}
      role="region"
      aria-labelledby="new-token-title"
      className="space-y-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-5 dark:border-amber-600 dark:bg-amber-950/60"
    >
      <h2 id="new-token-title" className="text-base font-semibold text-amber-950 dark:text-amber-100">
        Your new token “<span className="break-all">{token.name}</span>”
      </h2>
      <p className="text-sm font-medium text-amber-900 dark:text-amber-200">Copy it now: it will not be shown again.</p>
      <div className="flex gap-2">
        <label htmlFor="new-token-secret" className="sr-only">Token secret</label>
        <Input
          ref={input}
          id="new-token-secret"
          readOnly
          value={token.token}
          onFocus={(event) => event.currentTarget.select()}
          className="flex-1 font-mono"
        />
        <Button type="button" onClick={copy}>{copied === "yes" ? "Copied" : "Copy"}</Button>
      </div>
      <p aria-live="polite" className="text-xs text-amber-900 dark:text-amber-200">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "The browser would not copy it: it is selected, press Ctrl+C (⌘C)." : "Send it as Authorization: Bearer <token>."}
      </p>
      <div className="flex justify-end">
        <Button type="button" variant="secondary" onClick={onDone}>I have copied it</Button>
      </div>
    </div>
  );
}
