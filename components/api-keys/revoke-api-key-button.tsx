"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm">
            Revoke
          </Button>
        }
        title={`Revoke “${name}”?`}
        description="Every request with this key is refused from now on (401). Leads it already sent stay as they are. This cannot be undone: make a new key to replace it."
        confirmLabel="Revoke key"
        tone="danger"
        onConfirm={async () => {
          setError(null);
          const result = await revokeApiKeyAction({ id });
          if (!result.ok) setError(result.formError ?? "The key was not revoked.");
          router.refresh();
        }}
      />
      {error && (
        <p role="alert" className="mt-1 text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
