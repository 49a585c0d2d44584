"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useState, useTransition, type ReactNode } from "react";
import { Button } from "./button";

export type ConfirmDialogProps = {
  /** A single focusable element, usually a Button; it receives the open handler and ARIA wiring. */
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  /** Runs inside a transition; the dialog closes when it resolves. A throw reaches the nearest error.tsx. */
  onConfirm: () => Promise<void> | void;
};

/**
 * Asks before an irreversible or consequential change. Focus starts on Cancel, so a stray Enter never confirms.
 * While the change runs the dialog can't be dismissed, so the user sees it finish.
 */
export function ConfirmDialog({ trigger, title, description, confirmLabel, tone = "primary", onConfirm }: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      await onConfirm();
      // Inside the transition, so the dialog closes in the same commit as the refreshed data behind it.
      startTransition(() => setOpen(false));
    });
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-foreground/40" />
        <AlertDialog.Content
          aria-busy={pending || undefined}
          className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-border bg-surface p-6 shadow-lg"
        >
          <AlertDialog.Title className="text-lg font-semibold text-foreground">{title}</AlertDialog.Title>
          {/* A div, not Radix's default <p>, so descriptions may contain lists or paragraphs. */}
          <AlertDialog.Description asChild>
            <div className="mt-2 text-sm text-muted">{description}</div>
          </AlertDialog.Description>
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </AlertDialog.Cancel>
            {/* Not AlertDialog.Action: that closes at once, before the change has finished. */}
            <Button type="button" variant={tone} pending={pending} onClick={confirm}>
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
