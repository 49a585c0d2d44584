"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { finishImportAction } from "@/lib/imports/actions";
import { formatCount } from "@/lib/ui/format";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

interface Props {
  importId: string;
  validRows: number;
  invalidRows: number;
  duplicateRows: number;
  /** What is still wrong with the mapping itself: importing waits until it is fixed. */
  blocked: boolean;
}

/** The marketer's choice: write the valid rows (the invalid ones are skipped) or nothing at all. */
export function FinishImport({ importId, validRows, invalidRows, duplicateRows, blocked }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function choose(choice: "valid" | "nothing") {
    setError(null);
    const result = await finishImportAction({ importId, choice });
    if (!result.ok) {
      setError(result.formError ?? "Nothing was changed.");
      return;
    }
    router.refresh();
  }

  const label = invalidRows > 0 ? `Import the ${formatCount(validRows)} valid rows` : `Import ${formatCount(validRows)} rows`;
  return (
    <div className="space-y-3">
      {error && <Alert tone="danger">{error}</Alert>}
      <p className="text-sm text-muted">
        {invalidRows > 0 ? `${formatCount(invalidRows)} rows with errors will be skipped. ` : ""}
        {duplicateRows > 0 ? `${formatCount(duplicateRows)} rows repeat an email and will be merged into that lead, not duplicated.` : ""}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={blocked || validRows === 0} pending={pending} onClick={() => startTransition(() => choose("valid"))}>
          {label}
        </Button>
        <ConfirmDialog
          trigger={
            <Button type="button" variant="secondary">
              Import nothing
            </Button>
          }
          title="Import nothing from this file?"
          description="No lead is written, and the file's rows are deleted from Tandem. You can upload the file again later."
          confirmLabel="Import nothing"
          tone="danger"
          onConfirm={() => choose("nothing")}
        />
      </div>
    </div>
  );
}
