"use client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

// Shown when a page fails unexpectedly. The error itself is logged on the server; users see no internals.
export default function WorkspaceError({ reset }: { error: Error; reset: () => void }) {
  return (
    <EmptyState
      title="This page could not be loaded"
      description="Nothing was changed. Try again in a moment."
      action={<Button onClick={reset}>Try again</Button>}
    />
  );
}
