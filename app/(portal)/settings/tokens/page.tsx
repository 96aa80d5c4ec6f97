import type { Metadata } from "next";
import { requireSignedIn } from "@/components/auth/access";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokenTable } from "@/components/tokens/token-table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { actorRole } from "@/lib/auth/actor";
import { listOwnTokens } from "@/lib/auth/service";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requireSignedIn("/settings/tokens");
  const { data: tokens } = await listOwnTokens(actor);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={<>Personal tokens for scripts and CI: send one as <code>Authorization: Bearer &lt;token&gt;</code>. A token never acts above your own role.</>}
      />
      <div className="space-y-6">
        <Card title="Create a token">
          <CreateTokenForm ownRole={actorRole(actor) ?? "viewer"} />
        </Card>
        {tokens.length === 0 ? (
          <EmptyState title="No tokens yet">Create one above; its secret is shown once.</EmptyState>
        ) : (
          <TokenTable tokens={tokens} now={new Date()} />
        )}
      </div>
    </>
  );
}
