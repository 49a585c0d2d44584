"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createLeadAction } from "@/lib/leads/actions";
import { leadInputSchema, type LeadFormValues, type LeadInput } from "@/lib/leads/schemas";
import { COUNTRIES, INDUSTRIES, SOURCE_LABELS } from "@/lib/leads/catalog";
import { LeadSource } from "@/lib/db/enums";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, fieldA11y } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { applyServerErrors } from "@/components/forms/apply-server-errors";

interface Props {
  campaigns: { value: string; label: string }[];
}

const EMPTY: LeadFormValues = {
  name: "",
  email: "",
  title: "",
  company: "",
  companySize: "",
  industry: "" as LeadFormValues["industry"],
  country: "",
  source: "" as LeadFormValues["source"],
  campaignId: "",
};

export function LeadForm({ campaigns }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<LeadFormValues, unknown, LeadInput>({
    resolver: zodResolver(leadInputSchema),
    defaultValues: EMPTY,
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

  const a11y = (name: keyof LeadFormValues) => fieldA11y(name, errors[name]?.message);

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-4 sm:grid-cols-2" aria-label="Log a lead">
      {formError && (
        <div className="sm:col-span-2">
          <Alert tone="danger">{formError}</Alert>
        </div>
      )}
      <Field label="Name" htmlFor="name" error={errors.name?.message}>
        <Input autoComplete="off" {...a11y("name")} {...register("name")} />
      </Field>
      <Field label="Email" htmlFor="email" error={errors.email?.message}>
        <Input type="email" autoComplete="off" {...a11y("email")} {...register("email")} />
      </Field>
      <Field label="Job title" htmlFor="title" error={errors.title?.message}>
        <Input {...a11y("title")} {...register("title")} />
      </Field>
      <Field label="Company" htmlFor="company" error={errors.company?.message}>
        <Input {...a11y("company")} {...register("company")} />
      </Field>
      <Field label="Company size (employees)" htmlFor="companySize" error={errors.companySize?.message}>
        <Input type="number" inputMode="numeric" min={1} {...a11y("companySize")} {...register("companySize")} />
      </Field>
      <Field label="Industry" htmlFor="industry" error={errors.industry?.message}>
        <Select {...a11y("industry")} {...register("industry")}>
          <option value="">Choose…</option>
          {INDUSTRIES.map((industry) => (
            <option key={industry}>{industry}</option>
          ))}
        </Select>
      </Field>
      <Field label="Country" htmlFor="country" error={errors.country?.message}>
        <Select {...a11y("country")} {...register("country")}>
          <option value="">Choose…</option>
          {Object.entries(COUNTRIES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Source" htmlFor="source" error={errors.source?.message}>
        <Select {...a11y("source")} {...register("source")}>
          <option value="">Choose…</option>
          {Object.values(LeadSource).map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Campaign (optional)" htmlFor="campaignId" error={errors.campaignId?.message}>
        <Select {...a11y("campaignId")} {...register("campaignId")}>
          <option value="">No campaign</option>
          {campaigns.map((campaign) => (
            <option key={campaign.value} value={campaign.value}>
              {campaign.label}
            </option>
          ))}
        </Select>
      </Field>
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
