"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type UseFormRegister } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { updateLeadAction } from "@/lib/leads/actions";
import { leadUpdateSchema, type LeadUpdate } from "@/lib/leads/schemas";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field, fieldA11y } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { FormDialog } from "@/components/ui/form-dialog";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { LeadFactFields, type LeadFactValues } from "./lead-fact-fields";

type Values = z.input<typeof leadUpdateSchema>;

interface Props {
  lead: { id: string; version: number; name: string; title: string | null; company: { name: string; size: number | null; industry: string | null; country: string | null }; campaignId: string | null };
  campaigns: { value: string; label: string }[];
}

/** Completes or corrects a lead's facts; saving re-scores it, and it may qualify at once. */
export function EditLeadForm({ lead, campaigns }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const initial: Values = {
    id: lead.id,
    version: lead.version,
    name: lead.name,
    title: lead.title ?? "",
    company: lead.company.name,
    companySize: lead.company.size === null ? "" : String(lead.company.size),
    industry: lead.company.industry ?? "",
    country: lead.company.country ?? "",
    campaignId: lead.campaignId ?? "",
  };
  const { register, handleSubmit, setError, formState, reset } = useForm<Values, unknown, LeadUpdate>({ resolver: zodResolver(leadUpdateSchema), defaultValues: initial });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await updateLeadAction(values);
    if (!result.ok) {
      setFormError(result.formError ?? "The lead was not saved.");
      applyServerErrors(setError, result.fieldErrors);
      router.refresh();
      return;
    }
    setOpen(false);
    router.refresh();
  });

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          reset(initial);
          setFormError(null);
        }
      }}
      trigger={<Button variant="secondary" size="sm">Edit lead</Button>}
      title={`Edit ${lead.name}`}
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Edit lead">
        {formError && (
          <div className="sm:col-span-2">
            <Alert tone="danger">{formError}</Alert>
          </div>
        )}
        <Field label="Name" htmlFor="name" error={errors.name?.message}>
          <Input {...fieldA11y("name", errors.name?.message)} {...register("name")} />
        </Field>
        <LeadFactFields register={register as unknown as UseFormRegister<LeadFactValues>} errors={errors} campaigns={campaigns} />
        <div className="flex justify-end gap-2 sm:col-span-2">
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            Save lead
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
