import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ModelForm } from "@/components/models/model-form";
import { Card, PageHeader } from "@/components/ui/card";
import { AppError } from "@/lib/http/errors";
import { getModelOrThrow } from "@/lib/models/service";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit model" };

export default async function EditModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
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
