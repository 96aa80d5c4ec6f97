"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
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

const itemClass = (active: boolean) =>
  cn(
    "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap",
    active
      ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
      : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
  );

const isActive = (href: string, pathname: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));

function NavLink({ item, pathname, className }: { item: NavItem; pathname: string; className?: string }) {
  return (
    <Link href={item.href} aria-current={isActive(item.href, pathname) ? "page" : undefined} className={cn(itemClass(isActive(item.href, pathname)), className)}>
      {item.label}
      {item.badge === "pendingLicenses" ? <PendingLicenseCount /> : null}
    </Link>
  );
}

/**
 * The admins' pages, folded into one menu so the bar fits a laptop screen. A native <details>:
 * Enter or Space opens it; it closes on Escape, on a click elsewhere and when a page opens.
 */
function AdminMenu({ items, pathname }: { items: NavItem[]; pathname: string }) {
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  useEffect(() => {
    const close = (event: MouseEvent | KeyboardEvent) => {
      const details = menu.current;
      if (!details?.open) return;
      const outside = event instanceof KeyboardEvent ? event.key === "Escape" : !details.contains(event.target as Node);
      if (outside) details.open = false;
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  return (
    <details ref={menu} className="relative shrink-0">
      <summary className={cn(itemClass(items.some((item) => isActive(item.href, pathname))), "flex cursor-pointer list-none items-center gap-1 [&::-webkit-details-marker]:hidden")}>
        Admin
        {items.some((item) => item.badge === "pendingLicenses") ? <PendingLicenseCount /> : null}
        <span aria-hidden="true">▾</span>
      </summary>
      <nav aria-label="Admin" className="absolute left-0 z-30 mt-2 flex w-48 flex-col gap-0.5 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
        {items.map((item) => <NavLink key={item.href} item={item} pathname={pathname} className="flex items-center" />)}
      </nav>
    </details>
  );
}

export function Nav({ role }: { role: Role | null }) {
  const pathname = usePathname();
  const items = visibleNavItems(role);
  const main = items.filter((item) => item.role !== "admin");
  const admin = items.filter((item) => item.role === "admin");
  return (
    <>
      <nav aria-label="Main" className="flex min-w-0 items-center gap-1 overflow-x-auto">
        {main.map((item) => <NavLink key={item.href} item={item} pathname={pathname} />)}
      </nav>
      {admin.length ? <AdminMenu items={admin} pathname={pathname} /> : null}
    </>
  );
}
