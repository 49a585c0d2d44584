"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Stage } from "@/lib/db/enums";
import { STAGE_LABELS } from "@/lib/leads/catalog";
import { moveLeadStageAction, resubmitLeadAction } from "@/lib/leads/actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

interface Props {
  leadId: string;
  version: number;
  moves: { to: Stage; needs: readonly ("reason" | "amount" | "closeDate")[] }[];
  /** Marketing may re-submit a nurtured lead; the server decides whether it qualifies. */
  canResubmit: boolean;
}

/** The stage changes this person may make now; the fields appear as the chosen change needs them. */
export function MoveStageForm({ leadId, version, moves, canResubmit }: Props) {
  const router = useRouter();
  const [to, setTo] = useState<Stage | "">("");
  const [reason, setReason] = useState("");
  const [amount, setAmount] = useState("");
  const [closeDate, setCloseDate] = useState("");
  const [error, setError] = useState<{ form: string; fields: Partial<Record<string, string[]>> } | null>(null);
  const [pending, startTransition] = useTransition();
  const needs = moves.find((move) => move.to === to)?.needs ?? [];

  const done = (result: Awaited<ReturnType<typeof moveLeadStageAction>>) => {
    if (!result.ok) setError({ form: result.formError ?? "The lead was not moved.", fields: result.fieldErrors ?? {} });
    else {
      setError(null);
      setTo("");
    }
    router.refresh();
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => done(await moveLeadStageAction({ leadId, version, to, reason, amount, expectedCloseDate: closeDate })));
  };

  return (
    <div className="space-y-3">
      {error && <Alert tone="danger">{error.form}</Alert>}
      {moves.length > 0 && (
        <form onSubmit={submit} className="space-y-3" aria-label="Move stage">
          <Field label="Move to" htmlFor="move-to" error={error?.fields.to?.[0]}>
            <Select id="move-to" value={to} onChange={(event) => setTo(event.currentTarget.value as Stage)}>
              <option value="">Choose a stage…</option>
              {moves.map((move) => (
                <option key={move.to} value={move.to}>
                  {STAGE_LABELS[move.to]}
                </option>
              ))}
            </Select>
          </Field>
          {needs.includes("amount") && (
            <Field label="Amount (USD)" htmlFor="move-amount" error={error?.fields.amount?.[0]}>
              <Input id="move-amount" type="number" min={1} value={amount} onChange={(event) => setAmount(event.currentTarget.value)} />
            </Field>
          )}
          {needs.includes("closeDate") && (
            <Field label="Expected close date" htmlFor="move-close" error={error?.fields.expectedCloseDate?.[0]}>
              <Input id="move-close" type="date" value={closeDate} onChange={(event) => setCloseDate(event.currentTarget.value)} />
            </Field>
          )}
          {needs.includes("reason") && (
            <Field label="Reason" htmlFor="move-reason" error={error?.fields.reason?.[0]}>
              <Input id="move-reason" value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
            </Field>
          )}
          <Button type="submit" size="sm" pending={pending} disabled={!to}>
            Move lead
          </Button>
        </form>
      )}
      {canResubmit && (
        <Button size="sm" variant="secondary" pending={pending} onClick={() => startTransition(async () => done(await resubmitLeadAction({ leadId, version })))}>
          Re-submit to sales
        </Button>
      )}
    </div>
  );
}
