"use client";
import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { activateStoryAction, proposeStoryAction, signStoryAction, withdrawStoryAction } from "@/lib/story/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SIDE_LABELS } from "@/components/agreement/side-labels";

export interface StoryActionsProps {
  id: string;
  revision: number;
  version: number;
  status: "DRAFT" | "PROPOSED";
  /** story:draft: edit, propose, withdraw. */
  canDraft: boolean;
  /** story:activate (the CRO). */
  canActivate: boolean;
  /** The side the viewer may sign for now: they hold story:sign and their side has not signed yet. */
  signSide: "SALES" | "MARKETING" | null;
  /** The other side has signed already, so this signature puts the version in force. */
  signActivates: boolean;
}

type Step = "propose" | "sign";
type RefAction = (input: { id: string; revision: number }) => Promise<ActionResult<unknown>>;

/** What the viewer may do with the open version of the story. The server re-checks every step. */
export function StoryActions({ id, revision, version, status, canDraft, canActivate, signSide, signActivates }: StoryActionsProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [pending, startTransition] = useTransition();

  async function run(action: RefAction) {
    setError(null);
    const result = await action({ id, revision });
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
  const canPropose = canDraft && status === "DRAFT";
  const canSign = signSide !== null && status === "PROPOSED";
  const canActivateNow = canActivate && status === "PROPOSED";
  if (!canDraft && !canSign && !canActivateNow) return null;

  return (
    <div className="space-y-3">
      {error && <Alert tone="danger">{error}</Alert>}
      {canSign && signActivates && <p className="text-sm text-muted">The other head has signed: your signature puts version {version} of the story in force.</p>}
      <div className="flex flex-wrap gap-2">
        {canDraft && (
          <Button asChild variant="secondary">
            <Link href="/story/edit">Edit</Link>
          </Button>
        )}
        {canPropose && (
          <Button pending={busy("propose")} disabled={pending} onClick={() => start("propose", proposeStoryAction)}>
            Propose
          </Button>
        )}
        {canSign && signSide && (
          <Button pending={busy("sign")} disabled={pending} onClick={() => start("sign", signStoryAction)}>
            Sign for {SIDE_LABELS[signSide]}
          </Button>
        )}
        {canActivateNow && (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" disabled={pending}>
                Activate now
              </Button>
            }
            title={`Activate version ${version} of the story now?`}
            description={`Version ${version} becomes the story in force at once, without waiting for both heads to sign it. The version it replaces is superseded and stays readable.`}
            confirmLabel="Activate now"
            onConfirm={() => run(activateStoryAction)}
          />
        )}
        {canDraft && (
          <ConfirmDialog
            trigger={
              <Button variant="ghost" disabled={pending}>
                Withdraw
              </Button>
            }
            title={`Withdraw version ${version} of the story?`}
            description={`Version ${version} is set aside and can no longer be edited${status === "PROPOSED" ? ", signed or activated" : ""}. The story in force stays as it is.`}
            confirmLabel="Withdraw"
            tone="danger"
            onConfirm={() => run(withdrawStoryAction)}
          />
        )}
      </div>
    </div>
  );
}
