import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/auth/account-menu";
import { Nav } from "@/components/nav";
import { Providers } from "@/components/providers";
import { actorRole, type Actor } from "@/lib/auth/actor";
import { getPortalActor } from "@/lib/auth/portal";
import "./globals.css";

// The header shows who is signed in, so every page is rendered per request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "budmodel", template: "%s · budmodel" },
  description: "The model registry: what each model needs, whether you may use it, how it performs.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // If the session cannot be checked (database down), the header shows "Sign in" and the page
  // itself reports the problem.
  const actor: Actor = await getPortalActor().catch((): Actor => ({ type: "anonymous" }));
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2 focus:text-black">
          Skip to content
        </a>
        <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:gap-6 sm:px-6">
            <Link href="/" className="shrink-0 text-lg font-semibold tracking-tight">
              bud<span className="text-indigo-600 dark:text-indigo-400">model</span>
            </Link>
            <Nav role={actorRole(actor)} />
            <div className="ml-auto">
              <AccountMenu actor={actor} />
            </div>
          </div>
        </header>
        <Providers>
          <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
