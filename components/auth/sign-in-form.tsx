"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

type Props = {
  callbackUrl: string;
  /** An error carried in the URL (next-auth's error redirects), already worded for people. */
  initialError: string | null;
  /** The OIDC provider's display name, when one is configured. */
  oidcName: string | null;
  /** The rate limiter's window: the longest anyone has to wait. */
  windowMinutes: number;
};

export function SignInForm({ callbackUrl, initialError, oidcName, windowMinutes }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) return setError("Enter your email and password.");
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false, callbackUrl }).catch(() => undefined);
    if (result?.ok && !result.error) {
      router.push(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    if (result?.error === "RateLimited" || result?.status === 429) {
      setError(`Too many failed sign-ins. Wait up to ${windowMinutes} minutes, then try again.`);
    } else if (result?.error === "CredentialsSignin" || result?.status === 401) {
      setError("Email or password is not right.");
    } else {
      setError("Signing in did not work: the server could not be reached or answered unexpectedly. Try again in a moment.");
    }
  }

  return (
    <div className="space-y-6">
      {error ? <Alert>{error}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field id="email" label="Email">
          <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        </Field>
        <Field id="password" label="Password">
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        <Button type="submit" className="w-full" disabled={pending}>{pending ? "Signing in…" : "Sign in"}</Button>
      </form>
      {oidcName ? (
        <>
          <div className="flex items-center gap-3 text-xs text-zinc-500 uppercase dark:text-zinc-400" aria-hidden="true">
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />or<span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
          </div>
          <Button type="button" variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl })}>
            Sign in with {oidcName}
          </Button>
        </>
      ) : null}
    </div>
  );
}
