import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getPortalActor } from "@/lib/auth/portal";
import { oidcProvider } from "@/lib/auth/next-auth";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Only a path on this site: of an absolute URL (next-auth sends those) just its path is kept. */
function safeCallback(value: string | undefined): string {
  if (!value) return "/";
  try {
    const url = new URL(value, "http://budmodel.invalid");
    return url.pathname.startsWith("/signin") ? "/" : `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

function waitText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return "a few minutes";
  if (seconds < 60) return `${Math.ceil(seconds)} second${seconds <= 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

// next-auth's error codes (in ?error=) in plain words.
function errorMessage(code: string | undefined, retryAfter: string | undefined): string | null {
  switch (code) {
    case undefined: return null;
    case "RateLimited": return `Too many failed sign-ins. Try again in ${waitText(Number(retryAfter))}.`;
    case "CredentialsSignin": return "Email or password is not right.";
    case "AccessDenied": return "This account may not sign in: it may be disabled. Ask an admin.";
    case "SessionRequired": return "Sign in to see that page.";
    case "OAuthSignin": case "OAuthCallback": case "OAuthCreateAccount": case "Callback":
      return "Single sign-on did not complete. Try again, or sign in with your email and password.";
    case "OAuthAccountNotLinked": return "This email is already used by another sign-in method.";
    default: return "Signing in did not work. Try again.";
  }
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value.at(-1) : value]));
  const callbackUrl = safeCallback(params.callbackUrl);
  if ((await getPortalActor()).type !== "anonymous") redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm">
      <PageHeader title="Sign in" description="Use the account an admin made for you." />
      <Card>
        <SignInForm
          callbackUrl={callbackUrl}
          initialError={errorMessage(params.error, params.retry_after)}
          oidcName={oidcProvider()?.name ?? null}
          windowMinutes={env.SIGNIN_WINDOW_MINUTES}
        />
      </Card>
    </div>
  );
}
