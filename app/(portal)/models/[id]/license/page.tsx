import { redirect } from "next/navigation";

// A browser opening /models/{id}/license (API clients get the JSON) sees the model's License section.
export default async function ModelLicenseRedirect({ params }: { params: Promise<{ id: string }> }) {
  redirect(`/models/${encodeURIComponent((await params).id)}#license`);
}
