import type { Metadata } from "next";
import { ModelForm } from "@/components/models/model-form";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Register a model" };

export default function NewModelPage() {
  return (
    <>
      <PageHeader title="Register a model" description="Add a model to the catalog. Only the name is required." />
      <Card><ModelForm /></Card>
    </>
  );
}
