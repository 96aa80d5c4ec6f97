import Link from "next/link";
import { cn } from "./cn";

/** Previous / next links that keep every other query parameter of the current view. */
export function Pagination({ basePath, params, page, totalPages }: { basePath: string; params: Record<string, string | undefined>; page: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  const href = (target: number) => {
    const query = new URLSearchParams(Object.entries({ ...params, page: String(target) }).filter((e): e is [string, string] => !!e[1]));
    return `${basePath}?${query}`;
  };
  const link = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4">
      {page > 1 ? <Link className={cn(link, "hover:bg-zinc-100 dark:hover:bg-zinc-800")} href={href(page - 1)} rel="prev">← Previous</Link> : <span />}
      <span className="text-sm text-zinc-600 dark:text-zinc-400">Page {page} of {totalPages}</span>
      {page < totalPages ? <Link className={cn(link, "hover:bg-zinc-100 dark:hover:bg-zinc-800")} href={href(page + 1)} rel="next">Next →</Link> : <span />}
    </nav>
  );
}
