"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { rotateWebFormTokenAction, saveWebFormAction } from "@/lib/web-forms/actions";
import type { FieldErrors } from "@/lib/actions/result";
import { formatDate } from "@/lib/ui/format";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { CodeBlock } from "@/components/api-keys/code-block";

export interface WebFormPanelProps {
  campaignId: string;
  form: { enabled: boolean; origins: string[]; thankYouUrl: string | null; createdAt: string; rotatedAt: string | null; version: number } | null;
  /** The endpoint and the HTML to paste, built on the server from the lead schema's fields; null before the form exists. */
  endpoint: string | null;
  snippet: string | null;
  /** The campaign's marketer or the marketing manager; others see the form without its controls. */
  mayEdit: boolean;
}

/** The campaign's public web form: on or off, which websites may post to it, its token, and the HTML to embed. */
export function WebFormPanel({ campaignId, form, endpoint, snippet, mayEdit }: WebFormPanelProps) {
  const router = useRouter();
  const [origins, setOrigins] = useState(form?.origins.join("\n") ?? "");
  const [thankYouUrl, setThankYouUrl] = useState(form?.thankYouUrl ?? "");
  const [errors, setErrors] = useState<{ formError?: string; fieldErrors?: FieldErrors }>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const [pending, startTransition] = useTransition();

  function save(enabled: boolean, done: string) {
    setSaved(null);
    startTransition(async () => {
      const result = await saveWebFormAction({ campaignId, enabled, origins, thankYouUrl, version: form?.version ?? "" });
      if (!result.ok) {
        setErrors({ formError: result.formError, fieldErrors: result.fieldErrors });
        return;
      }
      setErrors({});
      // As stored: the origins normalised the way browsers send them.
      setOrigins(result.data.origins.join("\n"));
      setThankYouUrl(result.data.thankYouUrl ?? "");
      setSaved(done);
      router.refresh();
    });
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet ?? "");
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (permissions, plain http): the snippet stays selectable.
      setCopied("failed");
    }
  }

  const originsError = errors.fieldErrors?.origins?.join(" ");
  const thankYouError = errors.fieldErrors?.thankYouUrl?.join(" ");
  const status = !form ? ["Not set up", "neutral"] : form.enabled ? ["On", "success"] : ["Off", "warning"];

  return (
    <Card aria-labelledby="web-form-title">
      <CardHeader>
        <CardTitle id="web-form-title">Web form</CardTitle>
        <Badge tone={status[1] as "neutral" | "success" | "warning"} data-testid="web-form-status">
          {status[0]}
        </Badge>
      </CardHeader>
      <CardBody className="space-y-4 text-sm">
        <p className="text-muted">
          A form on your own website that sends leads straight to this campaign: scored, qualified and handed over like every other lead. Only the websites
          listed below may post to it; each visitor&apos;s network may send a limited number of forms, and a hidden field catches bots.
        </p>
        {mayEdit ? (
          <form
            className="space-y-4"
            aria-label="Web form settings"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              save(true, form?.enabled ? "Saved." : "The web form is on.");
            }}
          >
            <Field
              label="Websites allowed to post (origins)"
              htmlFor="web-form-origins"
              hint="One per line, exactly as the browser shows it: https://www.example.com (add a port if it has one; plain http only for localhost)."
              error={originsError}
            >
              <Textarea rows={3} value={origins} onChange={(event) => setOrigins(event.target.value)} spellCheck={false} {...fieldA11y("web-form-origins", originsError, "hint")} />
            </Field>
            <Field label="Thank-you page (optional)" htmlFor="web-form-thanks" hint="Where visitors go after sending the form; without one, Tandem shows a short thank-you page." error={thankYouError}>
              <Input type="url" value={thankYouUrl} onChange={(event) => setThankYouUrl(event.target.value)} placeholder="https://www.example.com/thanks" {...fieldA11y("web-form-thanks", thankYouError, "hint")} />
            </Field>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" pending={pending}>
                {form?.enabled ? "Save web form" : "Turn on web form"}
              </Button>
              {form?.enabled && (
                <Button type="button" variant="secondary" disabled={pending} onClick={() => save(false, "The web form is off: it answers “not found” until you turn it on.")}>
                  Turn off
                </Button>
              )}
            </div>
            {errors.formError && <Alert tone="danger">{errors.formError}</Alert>}
            {saved && <Alert tone="success">{saved}</Alert>}
          </form>
        ) : (
          form && (
            <p>
              <span className="text-muted">Websites allowed to post: </span>
              {form.origins.length > 0 ? form.origins.join(", ") : "none"}
            </p>
          )
        )}
        {form && endpoint && snippet && (
          <div className="space-y-3 border-t border-border pt-4">
            <p>
              <span className="text-muted">Endpoint: </span>
              <code className="font-mono break-all" data-testid="web-form-endpoint">
                {endpoint}
              </code>
            </p>
            <p className="text-muted">
              Created {formatDate(form.createdAt)}
              {form.rotatedAt ? `; token last rotated ${formatDate(form.rotatedAt)}` : ""}.{" "}
              {!form.enabled && "The form is off: posts to it are answered “not found”."}
            </p>
            <p>Paste this HTML into a page of your website (it needs no script):</p>
            <CodeBlock label="Embeddable HTML form">{snippet}</CodeBlock>
            <div className="flex flex-wrap items-center gap-2">
              <Button type="button" size="sm" variant="secondary" onClick={copy}>
                Copy snippet
              </Button>
              {mayEdit && (
                <ConfirmDialog
                  trigger={
                    <Button type="button" size="sm" variant="danger">
                      Rotate token
                    </Button>
                  }
                  title="Rotate the form's token?"
                  description="The address in the current snippet stops working at once: websites still using it get “not found” until you paste the new snippet. Leads already sent stay as they are."
                  confirmLabel="Rotate token"
                  tone="danger"
                  onConfirm={async () => {
                    setSaved(null);
                    const result = await rotateWebFormTokenAction({ campaignId, version: form.version });
                    if (!result.ok) setErrors({ formError: result.formError ?? "The token was not rotated." });
                    else {
                      setErrors({});
                      setSaved("The token was rotated: paste the new snippet into your website.");
                    }
                    router.refresh();
                  }}
                />
              )}
              <p role="status" className="text-sm">
                {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Copying was refused: select the snippet and copy it by hand." : ""}
              </p>
            </div>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
