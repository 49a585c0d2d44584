"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The one time a key is shown. It lives only in this component's state: leaving the page forgets it. */
export function NewKeyPanel({ name, apiKey, onDone }: { name: string; apiKey: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (permissions, plain http): the key stays selectable in the field.
      setCopied("failed");
    }
  }

  return (
    <Alert tone="success">
      <div className="space-y-2">
        <p className="font-medium">The key “{name}” was created. Copy it now: it is not shown again.</p>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <label htmlFor="new-api-key" className="sr-only">
            New API key
          </label>
          <input
            id="new-api-key"
            readOnly
            value={apiKey}
            onFocus={(event) => event.currentTarget.select()}
            className="w-full rounded-md border border-border bg-surface px-2 py-1 font-mono text-sm text-foreground sm:w-[34rem]"
          />
          <Button type="button" size="sm" onClick={copy}>
            Copy key
          </Button>
          <Button type="button" size="sm" variant="secondary" onClick={onDone}>
            Done
          </Button>
        </div>
        <p role="status" className="text-sm">
          {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Copying was refused: select the key and copy it by hand." : ""}
        </p>
      </div>
    </Alert>
  );
}
