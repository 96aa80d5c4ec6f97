import type { Metadata } from "next";
import { NotAllowed, requireSignedIn } from "@/components/auth/access";
import { ImportForm } from "@/components/huggingface/import-form";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/portal";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import from Hugging Face" };

export default async function ImportModelsPage() {
  const actor = await requireSignedIn("/models/import");
  if (!can(actor, "engineer")) return <NotAllowed title="Only engineers and admins can import models" />;
  return (
    <>
      <PageHeader
        title="Import from Hugging Face"
        description="Fills in the card, architecture, exact parameter count, license and files from the Hub. No weights are downloaded."
      />
      <Card><ImportForm /></Card>
    </>
  );
}
