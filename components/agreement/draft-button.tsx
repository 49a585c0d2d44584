"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { draftDefinitionAction } from "@/lib/agreement/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Starts the next version as a copy of the active one; it then appears as the open version, ready to edit. */
export function DraftButton({ label }: { label: "Draft a new version" | "Draft the first version" }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function draft() {
    setError(null);
    startTransition(async () => {
      const result = await draftDefinitionAction({});
      if (!result.ok) {
        setError(result.formError ?? "No version was drafted. Please try again.");
        return;
      }
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      {error && <Alert tone="danger">{error}</Alert>}
      <Button pending={pending} onClick={draft}>
        {label}
      </Button>
    </div>
  );
}
