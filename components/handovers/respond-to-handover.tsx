"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { RejectionReason } from "@/lib/agreement/schemas";
import { acceptHandoverAction, rejectHandoverAction } from "@/lib/handovers/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

interface Props {
  handoverId: string;
  leadName: string;
  leadVersion: number;
  reasons: RejectionReason[];
}

/** Accept or reject a handover. A rejection needs one of the agreed reasons and a note, which marketing reads. */
export function RespondToHandover({ handoverId, leadName, leadVersion, reasons }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [accepting, startAccept] = useTransition();
  const [open, setOpen] = useState(false);
  const [reasonCode, setReasonCode] = useState("");
  const [note, setNote] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string[]>>>({});
  const [rejecting, startReject] = useTransition();

  const accept = () =>
    startAccept(async () => {
      setError(null);
      const result = await acceptHandoverAction({ handoverId, leadVersion });
      if (!result.ok) setError(result.formError ?? "The handover was not accepted.");
      router.refresh();
    });

  const reject = (event: React.FormEvent) => {
    event.preventDefault();
    startReject(async () => {
      const result = await rejectHandoverAction({ handoverId, leadVersion, reasonCode, note });
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        setError(result.formError ?? "The handover was not rejected.");
        if (!result.fieldErrors) setOpen(false);
        router.refresh();
        return;
      }
      setOpen(false);
      router.refresh();
    });
  };

  const outcome = reasons.find((reason) => reason.code === reasonCode)?.outcome;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button size="sm" pending={accepting} onClick={accept} aria-label={`Accept ${leadName}`}>
          Accept
        </Button>
        <FormDialog
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            if (next) setFieldErrors({});
          }}
          trigger={
            <Button size="sm" variant="secondary" aria-label={`Reject ${leadName}`}>
              Reject
            </Button>
          }
          title={`Reject ${leadName}?`}
          description="Marketing sees your reason and note. Choose the agreed reason that fits best."
        >
          <form onSubmit={reject} className="space-y-4" aria-label="Reject handover">
            {error && open && <Alert tone="danger">{error}</Alert>}
            <Field label="Reason" htmlFor="reject-reason" error={fieldErrors.reasonCode?.[0]}>
              <Select id="reject-reason" value={reasonCode} onChange={(event) => setReasonCode(event.currentTarget.value)} aria-invalid={Boolean(fieldErrors.reasonCode) || undefined}>
                <option value="">Choose…</option>
                {reasons.map((reason) => (
                  <option key={reason.code} value={reason.code}>
                    {reason.label}
                  </option>
                ))}
              </Select>
            </Field>
            {outcome && (
              <p className="text-sm text-muted">
                The lead will be {outcome === "NURTURE" ? "recycled to nurture" : "disqualified"}.
              </p>
            )}
            <Field label="Note for marketing" htmlFor="reject-note" error={fieldErrors.note?.[0]}>
              <Textarea id="reject-note" value={note} onChange={(event) => setNote(event.currentTarget.value)} aria-invalid={Boolean(fieldErrors.note) || undefined} />
            </Field>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" variant="danger" pending={rejecting}>
                Reject lead
              </Button>
            </div>
          </form>
        </FormDialog>
      </div>
      {error && !open && (
        <p role="alert" className="max-w-xs text-right text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
