import type { Metadata } from "next";
import { NotAllowed, requireSignedIn } from "@/components/auth/access";
import { ModelForm } from "@/components/models/model-form";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/portal";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Register a model" };

export default async function NewModelPage() {
  const actor = await requireSignedIn("/models/new");
  if (!can(actor, "engineer")) return <NotAllowed title="Only engineers and admins can register models" />;
  return (
    <>
      <PageHeader title="Register a model" description="Add a model to the catalog. Only the name is required." />
      <Card><ModelForm /></Card>
    </>
  );
}
