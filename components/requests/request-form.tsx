"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { HelpRequestKind } from "@/lib/db/enums";
import { createRequestAction } from "@/lib/requests/actions";
import { KIND_LABELS, MAX_ACCOUNTS } from "@/lib/requests/rules";
import { createRequestSchema, type CreateRequestFormValues, type CreateRequestInput } from "@/lib/requests/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { applyServerErrors } from "@/components/forms/apply-server-errors";

const ACCOUNTS_HINT = `One per line, up to ${MAX_ACCOUNTS}. Needed for a nurture campaign.`;
const DUE_HINT = "Today or later.";

/** A rep asks marketing for help. The key made when the form opened keeps a double submit to one request. */
export function RequestForm({ clientKey, today }: { clientKey: string; today: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<CreateRequestFormValues, unknown, CreateRequestInput>({
    resolver: zodResolver(createRequestSchema),
    defaultValues: { kind: "" as HelpRequestKind, title: "", details: "", accounts: "", dueDate: "", clientKey },
    mode: "onTouched",
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    // The raw accounts text goes to the server, which parses it with the same schema.
    const result = await createRequestAction({ ...values, accounts: values.accounts.join("\n") });
    if (!result.ok) {
      setFormError(result.formError ?? "The request was not sent.");
      applyServerErrors(setError, result.fieldErrors);
      return;
    }
    setLeaving(true);
    router.push(`/requests/${result.data.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Ask marketing for help" className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {formError && (
        <div className="sm:col-span-2">
          <Alert tone="danger">{formError}</Alert>
        </div>
      )}
      <Field label="What you need" htmlFor="request-kind" error={errors.kind?.message}>
        <Select {...fieldA11y("request-kind", errors.kind?.message)} {...register("kind")}>
          <option value="">Choose…</option>
          {Object.values(HelpRequestKind).map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Due date" htmlFor="request-due" error={errors.dueDate?.message} hint={DUE_HINT}>
        <Input type="date" min={today} {...fieldA11y("request-due", errors.dueDate?.message, DUE_HINT)} {...register("dueDate")} />
      </Field>
      <Field label="Title" htmlFor="request-title" error={errors.title?.message} className="sm:col-span-2">
        <Input autoComplete="off" {...fieldA11y("request-title", errors.title?.message)} {...register("title")} />
      </Field>
      <Field label="Details" htmlFor="request-details" error={errors.details?.message} className="sm:col-span-2">
        <Textarea rows={5} {...fieldA11y("request-details", errors.details?.message)} {...register("details")} />
      </Field>
      <Field label="Named accounts" htmlFor="request-accounts" error={errors.accounts?.message} hint={ACCOUNTS_HINT} className="sm:col-span-2">
        <Textarea rows={4} {...fieldA11y("request-accounts", errors.accounts?.message, ACCOUNTS_HINT)} {...register("accounts")} />
      </Field>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" pending={isSubmitting || leaving}>
          Send request
        </Button>
        <Button asChild variant="ghost">
          <Link href="/requests">Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
