"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { PendingLicenseCount, usePendingLicenseCount } from "@/components/licenses/pending-count";
import { cn } from "@/components/ui/cn";
import { DisclosureMenu } from "@/components/ui/disclosure-menu";
import { menuItemClass } from "@/components/ui/menu-item";
import { roleAtLeast, type Role } from "@/lib/auth/roles";

type NavItem = { href: string; label: string; role?: Role; badge?: "pendingLicenses" };

// Hiding a link is a courtesy: each page and API route checks the role itself. A signed-in
// user's own pages (API tokens) are in the account menu (components/auth/account-menu.tsx).
export const navItems: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/models", label: "Models" },
  { href: "/licenses", label: "Licenses" },
  { href: "/leaderboard", label: "Leaderboard" },
  { href: "/benchmarks", label: "Benchmarks" },
  { href: "/docs", label: "API" },
  { href: "/admin/licenses", label: "Reviews", role: "admin", badge: "pendingLicenses" },
  { href: "/admin/hardware", label: "Hardware", role: "admin" },
  { href: "/admin/users", label: "Users", role: "admin" },
  { href: "/admin/audit", label: "Audit", role: "admin" },
];

/** The items a visitor with `role` (null when signed out) may open. */
export function visibleNavItems(role: Role | null): NavItem[] {
  return navItems.filter((item) => !item.role || (role !== null && roleAtLeast(role, item.role)));
}

const isActive = (href: string, pathname: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));

function NavLinks({ items, pathname, label, pending, stacked = false }: { items: NavItem[]; pathname: string; label: string; pending: number | null; stacked?: boolean }) {
  return (
    <nav aria-label={label} className={cn("flex gap-0.5", stacked ? "flex-col" : "items-center gap-1")}>
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={isActive(item.href, pathname) ? "page" : undefined}
          className={cn(menuItemClass(isActive(item.href, pathname)), stacked && "flex items-center")}
        >
          {item.label}
          {item.badge === "pendingLicenses" ? <PendingLicenseCount count={pending} /> : null}
        </Link>
      ))}
    </nav>
  );
}

/**
 * The site's sections. On a wide screen: a bar, with the admins' pages in an Admin menu. Below
 * 1024 px, where the bar would not fit: one Menu holding everything.
 */
export function Nav({ role }: { role: Role | null }) {
  const pathname = usePathname();
  const items = visibleNavItems(role);
  const main = items.filter((item) => !item.role);
  const admin = items.filter((item) => item.role === "admin");
  // Asked once, shown on the menu buttons and beside Reviews.
  const pending = usePendingLicenseCount(admin.some((item) => item.badge === "pendingLicenses"));
  const pendingBadge = <PendingLicenseCount count={pending} />;
  return (
    <>
      <div className="hidden items-center gap-1 lg:flex">
        <NavLinks items={main} pathname={pathname} label="Main" pending={pending} />
        {admin.length ? (
          <DisclosureMenu summary={<>Admin{pendingBadge}</>} active={admin.some((item) => isActive(item.href, pathname))}>
            <NavLinks items={admin} pathname={pathname} label="Admin" pending={pending} stacked />
          </DisclosureMenu>
        ) : null}
      </div>
      <DisclosureMenu className="lg:hidden" summary={<>Menu{pendingBadge}</>}>
        <NavLinks items={main} pathname={pathname} label="Main" pending={pending} stacked />
        {admin.length ? (
          <>
            <p className="px-3 pt-3 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Admin</p>
            <NavLinks items={admin} pathname={pathname} label="Admin" pending={pending} stacked />
          </>
        ) : null}
      </DisclosureMenu>
    </>
  );
}
