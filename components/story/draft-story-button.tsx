"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { draftStoryAction } from "@/lib/story/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Starts the next version as a copy of the story in force, and opens it in the editor. */
export function DraftStoryButton({ label }: { label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function draft() {
    setError(null);
    startTransition(async () => {
      const result = await draftStoryAction({});
      if (!result.ok) {
        setError(result.formError ?? "No version was drafted. Please try again.");
        return;
      }
      router.push("/story/edit");
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
