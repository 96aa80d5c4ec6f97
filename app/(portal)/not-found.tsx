import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";

export default function NotFound() {
  return (
    <EmptyState title="Not found">
      <p className="mb-4">There is nothing at this address. The model may have been removed.</p>
      <ButtonLink href="/models" variant="secondary">Back to the catalog</ButtonLink>
    </EmptyState>
  );
}
