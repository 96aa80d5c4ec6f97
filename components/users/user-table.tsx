"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { roles, type Role } from "@/lib/auth/roles";
import type { UserDto } from "@/lib/auth/schema";
import { formErrors } from "@/lib/client/api";
import { useUpdateUser, type UserPatch } from "@/lib/client/accounts";
import { formatDate } from "@/lib/format";

const th = "px-4 py-3 font-medium";
type Change = (user: UserDto, patch: UserPatch, revert?: () => void) => void;

/** Users with their role and status changed in place; the server's refusal shows above the table. */
export function UserTable({ users, currentUserId }: { users: UserDto[]; currentUserId: string | null }) {
  const router = useRouter();
  const update = useUpdateUser();
  const [error, setError] = useState<string | null>(null);

  const change: Change = (user, patch, revert) => {
    setError(null);
    update.mutate(
      { id: user.id, patch },
      {
        onSuccess: () => router.refresh(),
        onError: (e) => {
          revert?.();
          setError(`${user.email}: ${formErrors(e).message}`);
        },
      },
    );
  };

  return (
    <div className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className={th}>Email</th>
              <th scope="col" className={th}>Name</th>
              <th scope="col" className={th}>Role</th>
              <th scope="col" className={th}>Status</th>
              <th scope="col" className={th}>Created</th>
              <th scope="col" className={th}><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {users.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} busy={update.isPending && update.variables?.id === user.id} change={change} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

// Controls stay enabled while saving (disabling them would drop keyboard focus); `busy` only
// ignores repeat clicks.
function UserRow({ user, isSelf, busy, change }: { user: UserDto; isSelf: boolean; busy: boolean; change: Change }) {
  const [role, setRole] = useState<Role>(user.role);
  const [savedRole, setSavedRole] = useState<Role>(user.role);
  if (savedRole !== user.role) {
    // The server's value changed (after a refresh): show it.
    setSavedRole(user.role);
    setRole(user.role);
  }
  return (
    <tr aria-busy={busy || undefined} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
      <td className="px-4 py-3 font-medium break-all">
        {user.email}
        {isSelf ? <span className="ml-2 text-xs font-normal text-zinc-500 dark:text-zinc-400">(you)</span> : null}
      </td>
      <td className="px-4 py-3 text-zinc-700 dark:text-zinc-300">{user.name ?? "—"}</td>
      <td className="px-4 py-3">
        <Select
          aria-label={`Role for ${user.email}`}
          value={role}
          onChange={(event) => {
            const next = event.currentTarget.value as Role;
            setRole(next);
            change(user, { role: next }, () => setRole(user.role));
          }}
          className="w-32 py-1"
        >
          {roles.map((r) => <option key={r} value={r}>{r}</option>)}
        </Select>
      </td>
      <td className="px-4 py-3">{user.disabled ? <Badge tone="bad">disabled</Badge> : <Badge tone="good">active</Badge>}</td>
      <td className="px-4 py-3 whitespace-nowrap text-zinc-700 dark:text-zinc-300">{formatDate(user.created_at)}</td>
      <td className="px-4 py-3 text-right">
        {isSelf ? null : (
          <Button
            variant="secondary"
            className="h-8 px-3"
            aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}
            aria-disabled={busy || undefined}
            onClick={() => !busy && change(user, { disabled: !user.disabled })}
          >
            {user.disabled ? "Enable" : "Disable"}
          </Button>
        )}
      </td>
    </tr>
  );
}
