"use client";
import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { GoalSide, GoalStatus } from "@/lib/db/enums";
import type { ActionResult } from "@/lib/actions/result";
import { archiveGoalAction, proposeGoalAction, signGoalAction, withdrawSignatureAction } from "@/lib/goals/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SIDE_LABELS } from "./labels";

export interface GoalActionsProps {
  id: string;
  version: number;
  status: GoalStatus;
  /** goal:draft: edit, propose, archive. */
  canDraft: boolean;
  /** The side the viewer signs for (goal:sign), or null. */
  side: GoalSide | null;
  /** Whether the viewer's side has signed already. */
  signed: boolean;
  /** This signature would agree the goal (the other head has signed, or the viewer is the CRO). */
  signAgrees: boolean;
}

type Step = "propose" | "sign" | "withdraw";
type RefAction = (input: { id: string; version: number }) => Promise<ActionResult<unknown>>;

/** What the viewer may do with the goal, given their role and its state. The server re-checks every step. */
export function GoalActions({ id, version, status, canDraft, side, signed, signAgrees }: GoalActionsProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [pending, startTransition] = useTransition();

  async function run(action: RefAction) {
    setError(null);
    const result = await action({ id, version });
    if (!result.ok) {
      setError(result.formError ?? "Nothing was changed. Please try again.");
      return;
    }
    router.refresh();
  }

  function start(next: Step, action: RefAction) {
    setStep(next);
    startTransition(() => run(action));
  }

  const busy = (which: Step) => pending && step === which;
  const open = status !== "ARCHIVED";
  const canSign = side !== null && status === "PROPOSED" && !signed;
  const canWithdraw = side !== null && status === "PROPOSED" && signed;
  if (!(canDraft && open) && !canSign && !canWithdraw) return null;

  return (
    <div className="space-y-3">
      {error && <Alert tone="danger">{error}</Alert>}
      {canSign && signAgrees && <p className="text-sm text-muted">Your signature makes this goal agreed: it then shows on every home page.</p>}
      <div className="flex flex-wrap gap-2">
        {canDraft && open && (
          <Button asChild variant="secondary">
            <Link href={`/goals/${id}/edit`}>Edit</Link>
          </Button>
        )}
        {canDraft && status === "DRAFT" && (
          <Button pending={busy("propose")} disabled={pending} onClick={() => start("propose", proposeGoalAction)}>
            Propose
          </Button>
        )}
        {canSign && side && (
          <Button pending={busy("sign")} disabled={pending} onClick={() => start("sign", signGoalAction)}>
            Sign for {SIDE_LABELS[side]}
          </Button>
        )}
        {canWithdraw && (
          <Button variant="secondary" pending={busy("withdraw")} disabled={pending} onClick={() => start("withdraw", withdrawSignatureAction)}>
            Withdraw my signature
          </Button>
        )}
        {canDraft && open && (
          <ConfirmDialog
            trigger={
              <Button variant="ghost" disabled={pending}>
                Archive
              </Button>
            }
            title="Archive this goal?"
            description="It leaves the home pages and can no longer be edited or signed. Its figures stay readable here."
            confirmLabel="Archive"
            tone="danger"
            onConfirm={() => run(archiveGoalAction)}
          />
        )}
      </div>
    </div>
  );
}
