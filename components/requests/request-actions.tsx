"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { cancelRequestAction, deliverRequestAction, releaseRequestAction, takeRequestAction } from "@/lib/requests/actions";
import type { RequestAction } from "@/lib/requests/rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, fieldA11y } from "@/components/ui/field";
import { FormDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";

interface Props {
  id: string;
  version: number;
  title: string;
  /** What the viewer may do now (rules.availableActions); the server re-checks every step. */
  actions: RequestAction[];
}

const LINK_HINT = "A link people can open: the document, page or campaign (https://…).";

function DeliverDialog({ id, version, title }: Omit<Props, "actions">) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [error, setError] = useState<{ form?: string; url?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await deliverRequestAction({ id, version, deliveryUrl: url });
      if (!result.ok) {
        setError({ form: result.formError, url: result.fieldErrors?.deliveryUrl?.[0] });
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
      }}
      trigger={<Button>Deliver</Button>}
      title={`Deliver “${title}”`}
      description="The request closes as delivered, and the rep who asked sees the link."
    >
      <form onSubmit={submit} noValidate className="space-y-4" aria-label="Deliver the request">
        {error?.form && <Alert tone="danger">{error.form}</Alert>}
        <Field label="Link to what you delivered" htmlFor="delivery-url" error={error?.url} hint={LINK_HINT}>
          <Input type="url" inputMode="url" autoComplete="off" {...fieldA11y("delivery-url", error?.url, LINK_HINT)} value={url} onChange={(event) => setUrl(event.currentTarget.value)} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" pending={pending}>
            Deliver
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

/** The steps the viewer may take on a request: take it, deliver it with a link, hand it back, or cancel it. */
export function RequestActions({ id, version, title, actions }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (actions.length === 0) return null;

  async function run(action: (input: { id: string; version: number }) => Promise<ActionResult<unknown>>) {
    setError(null);
    const result = await action({ id, version });
    if (!result.ok) {
      setError(result.formError ?? "Nothing was changed. Please try again.");
      return;
    }
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="flex flex-wrap gap-2">
        {actions.includes("take") && (
          <Button pending={pending} onClick={() => startTransition(() => run(takeRequestAction))}>
            Take this request
          </Button>
        )}
        {actions.includes("deliver") && <DeliverDialog id={id} version={version} title={title} />}
        {actions.includes("release") && (
          <Button variant="secondary" pending={pending} onClick={() => startTransition(() => run(releaseRequestAction))}>
            Hand back
          </Button>
        )}
        {actions.includes("cancel") && (
          <ConfirmDialog
            trigger={
              <Button variant="ghost" disabled={pending}>
                Cancel request
              </Button>
            }
            title="Cancel this request?"
            description="Marketing stops working on it, and it cannot be reopened. Ask again with a new request if you need it later."
            confirmLabel="Cancel request"
            tone="danger"
            onConfirm={() => run(cancelRequestAction)}
          />
        )}
      </div>
    </div>
  );
}
