"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type UseFormRegister } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createLeadAction } from "@/lib/leads/actions";
import { leadInputSchema, type LeadFormValues, type LeadInput } from "@/lib/leads/schemas";
import { SOURCE_LABELS } from "@/lib/leads/catalog";
import { LeadSource } from "@/lib/db/enums";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, fieldA11y } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { LeadFactFields, type LeadFactValues } from "./lead-fact-fields";

interface Props {
  campaigns: { value: string; label: string }[];
}

const EMPTY = { name: "", email: "", title: "", company: "", companySize: "", industry: "", country: "", source: "", campaignId: "" };

export function LeadForm({ campaigns }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<LeadFormValues, unknown, LeadInput>({
    resolver: zodResolver(leadInputSchema),
    defaultValues: EMPTY as LeadFormValues,
    mode: "onTouched",
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await createLeadAction(values);
    if (!result.ok) {
      setFormError(result.formError ?? "The lead was not saved.");
      applyServerErrors(setError, result.fieldErrors);
      return;
    }
    router.push(`/leads/${result.data.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-4 sm:grid-cols-2" aria-label="Log a lead">
      {formError && (
        <div className="sm:col-span-2">
          <Alert tone="danger">{formError}</Alert>
        </div>
      )}
      <Field label="Name" htmlFor="name" error={errors.name?.message}>
        <Input autoComplete="off" {...fieldA11y("name", errors.name?.message)} {...register("name")} />
      </Field>
      <Field label="Email" htmlFor="email" error={errors.email?.message}>
        <Input type="email" autoComplete="off" {...fieldA11y("email", errors.email?.message)} {...register("email")} />
      </Field>
      <Field label="Source" htmlFor="source" error={errors.source?.message}>
        <Select {...fieldA11y("source", errors.source?.message)} {...register("source")}>
          <option value="">Choose…</option>
          {Object.values(LeadSource).map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </Select>
      </Field>
      <LeadFactFields register={register as unknown as UseFormRegister<LeadFactValues>} errors={errors} campaigns={campaigns} />
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" pending={isSubmitting}>
          Log lead
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
