"use client";
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { cn } from "./cn";
import { menuItemClass } from "./menu-item";

/**
 * A menu that opens below its button. A native <details>: Enter or Space opens it, even before
 * the page's script has loaded. It closes on Escape (focus goes back to its button), on a click
 * elsewhere and when a page opens.
 */
export function DisclosureMenu({ summary, active = false, align = "left", className, children }: {
  summary: ReactNode;
  active?: boolean;
  align?: "left" | "right";
  className?: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  useEffect(() => {
    const close = (event: MouseEvent | KeyboardEvent) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        details.open = false;
        if (details.contains(document.activeElement)) details.querySelector("summary")?.focus();
      } else if (!details.contains(event.target as Node)) {
        details.open = false;
      }
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  return (
    <details ref={menu} className={cn("relative shrink-0", className)}>
      <summary className={cn(menuItemClass(active), "flex cursor-pointer list-none items-center gap-1.5 [&::-webkit-details-marker]:hidden")}>
        {summary}
        <span aria-hidden="true">▾</span>
      </summary>
      <div className={cn(
        "absolute z-30 mt-2 flex w-56 flex-col gap-0.5 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900",
        align === "right" ? "right-0" : "left-0",
      )}>
        {children}
      </div>
    </details>
  );
}
