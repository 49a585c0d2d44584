"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { disputeRejectionAction, reassignHandoverAction, resolveDisputeAction } from "@/lib/handovers/actions";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field, fieldA11y } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

type Option = { value: string; label: string };

/** A dialog with one small form whose submit calls a server action; it closes on success and shows errors inline. */
function ActionDialog(props: {
  label: string;
  title: string;
  description: string;
  submitLabel: string;
  children: (errors: Partial<Record<string, string[]>>) => React.ReactNode;
  submit: () => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string[]>>>({});
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await props.submit();
      if (!result.ok) {
        setError(result.formError ?? "Nothing was changed.");
        setFieldErrors(result.fieldErrors ?? {});
        router.refresh();
        return;
      }
      setOpen(false);
      router.refresh();
    });
  };
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
        setFieldErrors({});
      }}
      trigger={<Button size="sm" variant="secondary">{props.label}</Button>}
      title={props.title}
      description={props.description}
    >
      <form onSubmit={onSubmit} className="space-y-4" aria-label={props.title}>
        {error && <Alert tone="danger">{error}</Alert>}
        {props.children(fieldErrors)}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" pending={pending}>
            {props.submitLabel}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

export function DisputeButton({ handoverId, leadName }: { handoverId: string; leadName: string }) {
  const [note, setNote] = useState("");
  return (
    <ActionDialog
      label="Dispute"
      title={`Dispute the rejection of ${leadName}`}
      description="A sales manager reviews it and either upholds the rejection or hands the lead to another rep. You can dispute a rejection once."
      submitLabel="Send dispute"
      submit={() => disputeRejectionAction({ handoverId, note })}
    >
      {(errors) => (
        <Field label="Why the rejection is wrong" htmlFor={`dispute-${handoverId}`} error={errors.note?.[0]}>
          <Textarea {...fieldA11y(`dispute-${handoverId}`, errors.note?.[0])} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        </Field>
      )}
    </ActionDialog>
  );
}

function RepSelect({ id, value, onChange, reps, error, optional }: { id: string; value: string; onChange: (value: string) => void; reps: Option[]; error?: string; optional?: boolean }) {
  return (
    <Field label={optional ? "Rep (optional: next in turn if empty)" : "Rep"} htmlFor={id} error={error}>
      <Select {...fieldA11y(id, error)} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{optional ? "Next in turn" : "Choose…"}</option>
        {reps.map((rep) => (
          <option key={rep.value} value={rep.value}>
            {rep.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ReassignButton({ handoverId, leadName, leadVersion, reps }: { handoverId: string; leadName: string; leadVersion: number; reps: Option[] }) {
  const [toRepId, setToRepId] = useState("");
  return (
    <ActionDialog
      label="Reassign"
      title={`Reassign ${leadName}`}
      description="The new rep gets a fresh service-level window to accept or reject it."
      submitLabel="Reassign"
      submit={() => reassignHandoverAction({ handoverId, leadVersion, toRepId })}
    >
      {(errors) => <RepSelect id={`reassign-${handoverId}`} value={toRepId} onChange={setToRepId} reps={reps} error={errors.toRepId?.[0]} />}
    </ActionDialog>
  );
}

export function ResolveDisputeButton({ handoverId, leadName, reps }: { handoverId: string; leadName: string; reps: Option[] }) {
  const [decision, setDecision] = useState<"UPHOLD" | "REASSIGN">("UPHOLD");
  const [toRepId, setToRepId] = useState("");
  return (
    <ActionDialog
      label="Resolve"
      title={`Resolve the dispute on ${leadName}`}
      description="Uphold the rep's rejection, or send the lead back as an MQL to another rep."
      submitLabel="Resolve"
      submit={() => resolveDisputeAction({ handoverId, decision, toRepId: decision === "REASSIGN" && toRepId ? toRepId : undefined })}
    >
      {(errors) => (
        <>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Decision</legend>
            {(["UPHOLD", "REASSIGN"] as const).map((choice) => (
              <label key={choice} className="flex items-center gap-2 text-sm">
                <input type="radio" name={`decision-${handoverId}`} value={choice} checked={decision === choice} onChange={() => setDecision(choice)} />
                {choice === "UPHOLD" ? "Uphold the rejection" : "Reassign to another rep"}
              </label>
            ))}
          </fieldset>
          {decision === "REASSIGN" && <RepSelect id={`resolve-${handoverId}`} value={toRepId} onChange={setToRepId} reps={reps} error={errors.toRepId?.[0]} optional />}
        </>
      )}
    </ActionDialog>
  );
}
