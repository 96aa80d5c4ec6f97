"use client";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";

export default function PortalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="space-y-4">
      <Alert>This page could not be loaded. The database may be unavailable; try again in a moment.</Alert>
      <Button variant="secondary" onClick={reset}>Try again</Button>
    </div>
  );
}
