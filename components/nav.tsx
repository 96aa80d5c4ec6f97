"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { PendingLicenseCount } from "@/components/licenses/pending-count";
import { cn } from "@/components/ui/cn";
import { roleAtLeast, type Role } from "@/lib/auth/roles";

type NavItem = { href: string; label: string; role?: Role | "signed_in"; badge?: "pendingLicenses" };

// Later features (licenses, scans, leaderboard) join this list. Hiding a link is a courtesy:
// each page and API route checks the role itself.
export const navItems: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/models", label: "Models" },
  { href: "/licenses", label: "Licenses" },
  { href: "/leaderboard", label: "Leaderboard" },
  { href: "/benchmarks", label: "Benchmarks" },
  { href: "/docs", label: "API" },
  { href: "/settings/tokens", label: "Tokens", role: "signed_in" },
  { href: "/admin/licenses", label: "Reviews", role: "admin", badge: "pendingLicenses" },
  { href: "/admin/hardware", label: "Hardware", role: "admin" },
  { href: "/admin/users", label: "Users", role: "admin" },
  { href: "/admin/audit", label: "Audit", role: "admin" },
];

/** The items a visitor with `role` (null when signed out) may open. */
export function visibleNavItems(role: Role | null): NavItem[] {
  return navItems.filter((item) => !item.role || (role !== null && (item.role === "signed_in" || roleAtLeast(role, item.role))));
}

export function Nav({ role }: { role: Role | null }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex min-w-0 items-center gap-1 overflow-x-auto">
      {visibleNavItems(role).map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap",
              active
                ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
            )}
          >
            {item.label}
            {item.badge === "pendingLicenses" ? <PendingLicenseCount /> : null}
          </Link>
        );
      })}
    </nav>
  );
}
