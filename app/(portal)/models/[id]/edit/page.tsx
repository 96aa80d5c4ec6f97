import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotAllowed, requireSignedIn } from "@/components/auth/access";
import { ModelForm } from "@/components/models/model-form";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/portal";
import { AppError } from "@/lib/http/errors";
import { getModelOrThrow } from "@/lib/models/service";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit model" };

export default async function EditModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireSignedIn(`/models/${encodeURIComponent(id)}/edit`);
  if (!can(actor, "engineer")) return <NotAllowed title="Only engineers and admins can edit models" />;
  const model = await getModelOrThrow(id).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={`Edit ${model.name}`} />
      <Card><ModelForm model={model} /></Card>
    </>
  );
}
