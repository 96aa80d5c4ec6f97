import { Badge, type BadgeTone } from "@/components/ui/badge";
import { RoleBadge } from "@/components/auth/role-badge";
import type { TokenDto } from "@/lib/auth/schema";
import { formatDate } from "@/lib/format";
import { RevokeTokenButton } from "./revoke-token-button";

type Status = "active" | "expired" | "revoked";
const statusTones: Record<Status, BadgeTone> = { active: "good", expired: "warn", revoked: "bad" };

export function tokenStatus(token: TokenDto, now: Date): Status {
  if (token.revoked_at) return "revoked";
  if (token.expires_at && new Date(token.expires_at) <= now) return "expired";
  return "active";
}

const th = "px-4 py-3 font-medium";

export function TokenTable({ tokens, now }: { tokens: TokenDto[]; now: Date }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your API tokens</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={th}>Name</th>
            <th scope="col" className={th}>Prefix</th>
            <th scope="col" className={th}>Role</th>
            <th scope="col" className={th}>Created</th>
            <th scope="col" className={th}>Expires</th>
            <th scope="col" className={th}>Last used</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {tokens.map((token) => {
            const status = tokenStatus(token, now);
            return (
              <tr key={token.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <td className="px-4 py-3 font-medium break-all">{token.name}</td>
                <td className="px-4 py-3"><code className="text-xs">{token.prefix}…</code></td>
                <td className="px-4 py-3"><RoleBadge role={token.role} /></td>
                <td className="px-4 py-3 whitespace-nowrap text-zinc-700 dark:text-zinc-300">{formatDate(token.created_at)}</td>
                <td className="px-4 py-3 whitespace-nowrap text-zinc-700 dark:text-zinc-300">{token.expires_at ? formatDate(token.expires_at) : "Never"}</td>
                <td className="px-4 py-3 whitespace-nowrap text-zinc-700 dark:text-zinc-300">{token.last_used_at ? formatDate(token.last_used_at) : "Never"}</td>
                <td className="px-4 py-3"><Badge tone={statusTones[status]}>{status}</Badge></td>
                <td className="px-4 py-3 text-right">{status === "active" ? <RevokeTokenButton id={token.id} name={token.name} /> : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
