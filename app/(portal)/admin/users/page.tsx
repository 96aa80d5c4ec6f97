import type { Metadata } from "next";
import Link from "next/link";
import { NotAllowed, requireSignedIn } from "@/components/auth/access";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserTable } from "@/components/users/user-table";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/portal";
import { listUsersQuerySchema } from "@/lib/auth/schema";
import { listUsers } from "@/lib/auth/service";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireSignedIn("/admin/users");
  if (!can(actor, "admin")) return <NotAllowed title="Only admins can manage users" />;
  const page = (await searchParams).page;
  const parsed = listUsersQuerySchema.safeParse(page ? { page: Array.isArray(page) ? page.at(-1) : page } : {});
  const result = parsed.success ? await listUsers(parsed.data) : null;
  return (
    <>
      <PageHeader
        title="Users"
        description={result ? `${result.total.toLocaleString("en-US")} user${result.total === 1 ? "" : "s"}. Viewers read, engineers register and edit models, admins also manage users.` : undefined}
      />
      <div className="space-y-6">
        <Card title="Create user"><CreateUserForm /></Card>
        {!result ? (
          <Alert>This page number is not valid.</Alert>
        ) : result.data.length === 0 ? (
          <EmptyState title="No users on this page">
            <Link href="/admin/users" className="text-indigo-700 hover:underline dark:text-indigo-300">Back to the first page</Link>
          </EmptyState>
        ) : (
          <>
            <UserTable users={result.data} currentUserId={actor.type === "user" ? actor.userId : null} />
            <Pagination basePath="/admin/users" params={{}} page={result.page} totalPages={result.total_pages} />
          </>
        )}
      </div>
    </>
  );
}
