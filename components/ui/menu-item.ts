import { cn } from "./cn";

/** A header link or menu button; `active` when it leads to (or holds) the page being shown. */
export const menuItemClass = (active: boolean) =>
  cn(
    "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap",
    active
      ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
      : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
  );
