"use client";
import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { activateDefinitionAction, proposeDefinitionAction, signDefinitionAction, withdrawDefinitionAction } from "@/lib/agreement/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SIDE_LABELS } from "./side-labels";

export interface DefinitionActionsProps {
  id: string;
  revision: number;
  version: number;
  status: "DRAFT" | "PROPOSED";
  /** agreement:draft: edit, propose, withdraw. */
  canDraft: boolean;
  /** agreement:activate (the CRO). */
  canActivate: boolean;
  /** The side the viewer may sign for now: they hold agreement:sign and their side has not signed yet. */
  signSide: "SALES" | "MARKETING" | null;
  /** The other side has signed already, so this signature makes the version active. */
  signActivates: boolean;
}

type Step = "propose" | "sign";
type RefAction = (input: { id: string; revision: number }) => Promise<ActionResult<unknown>>;

/** What the viewer may do with the open version, given their role and its state. The server re-checks every step. */
export function DefinitionActions({ id, revision, version, status, canDraft, canActivate, signSide, signActivates }: DefinitionActionsProps) {
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
      {canSign && signActivates && (
        <p className="text-sm text-muted">The other head has signed: your signature makes version {version} the active definition.</p>
      )}
      <div className="flex flex-wrap gap-2">
        {canDraft && (
          <Button asChild variant="secondary">
            <Link href={`/agreement/versions/${version}/edit`}>Edit</Link>
          </Button>
        )}
        {canPropose && (
          <Button pending={busy("propose")} disabled={pending} onClick={() => start("propose", proposeDefinitionAction)}>
            Propose
          </Button>
        )}
        {canSign && signSide && (
          <Button pending={busy("sign")} disabled={pending} onClick={() => start("sign", signDefinitionAction)}>
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
            title={`Activate version ${version} now?`}
            description={
              <>
                <p>
                  Version {version} becomes the lead definition in force at once, without waiting for both heads to sign it. The version
                  it replaces is superseded.
                </p>
                <p className="mt-2">Every lead not yet handed over is re-evaluated against it in the background.</p>
              </>
            }
            confirmLabel="Activate now"
            onConfirm={() => run(activateDefinitionAction)}
          />
        )}
        {canDraft && (
          <ConfirmDialog
            trigger={
              <Button variant="ghost" disabled={pending}>
                Withdraw
              </Button>
            }
            title={`Withdraw version ${version}?`}
            description={
              status === "PROPOSED"
                ? `Version ${version} stops collecting signatures and can no longer be edited or activated. The active definition stays as it is.`
                : `Draft version ${version} is set aside and can no longer be edited. The active definition stays as it is.`
            }
            confirmLabel="Withdraw"
            tone="danger"
            onConfirm={() => run(withdrawDefinitionAction)}
          />
        )}
      </div>
    </div>
  );
}
