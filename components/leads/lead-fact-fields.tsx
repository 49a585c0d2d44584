"use client";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { COUNTRIES, INDUSTRIES } from "@/lib/leads/catalog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, fieldA11y } from "@/components/ui/field";

/** The facts about a lead and its company, shared by the "Log a lead" and "Edit lead" forms. */
export interface LeadFactValues {
  name: string;
  title?: unknown;
  company: string;
  companySize?: unknown;
  industry?: unknown;
  country?: unknown;
  campaignId?: unknown;
}

interface Props {
  register: UseFormRegister<LeadFactValues>;
  errors: FieldErrors<LeadFactValues>;
  campaigns: { value: string; label: string }[];
}

const OPTIONAL_HINT = "Optional when logging; the lead definition may need it to qualify.";

export function LeadFactFields({ register, errors, campaigns }: Props) {
  const a11y = (name: keyof LeadFactValues, hint = false) => fieldA11y(name, errors[name]?.message as string | undefined, hint ? `${name}-hint` : undefined);
  const error = (name: keyof LeadFactValues) => errors[name]?.message as string | undefined;
  return (
    <>
      <Field label="Job title" htmlFor="title" hint={OPTIONAL_HINT} error={error("title")}>
        <Input {...a11y("title", true)} {...register("title")} />
      </Field>
      <Field label="Company" htmlFor="company" error={error("company")}>
        <Input {...a11y("company")} {...register("company")} />
      </Field>
      <Field label="Company size (employees)" htmlFor="companySize" error={error("companySize")}>
        <Input type="number" inputMode="numeric" min={1} {...a11y("companySize")} {...register("companySize")} />
      </Field>
      <Field label="Industry" htmlFor="industry" error={error("industry")}>
        <Select {...a11y("industry")} {...register("industry")}>
          <option value="">Unknown</option>
          {INDUSTRIES.map((industry) => (
            <option key={industry}>{industry}</option>
          ))}
        </Select>
      </Field>
      <Field label="Country" htmlFor="country" error={error("country")}>
        <Select {...a11y("country")} {...register("country")}>
          <option value="">Unknown</option>
          {Object.entries(COUNTRIES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Campaign (optional)" htmlFor="campaignId" error={error("campaignId")}>
        <Select {...a11y("campaignId")} {...register("campaignId")}>
          <option value="">No campaign</option>
          {campaigns.map((campaign) => (
            <option key={campaign.value} value={campaign.value}>
              {campaign.label}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
