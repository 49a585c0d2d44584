"use client";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { REQUIRABLE_FIELDS, SENIORITIES } from "@/lib/agreement/schemas";
import { FIELD_LABELS, SENIORITY_LABELS } from "@/lib/agreement/rules";
import { COUNTRIES, COUNTRY_CODES, INDUSTRIES } from "@/lib/leads/catalog";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Checkbox, ControlGroup, FormSection, errorAt, fieldId, type RulesForm } from "./form-parts";
import { NumberField } from "./number-field";


export function RequiredFieldsSection({ form }: { form: RulesForm }) {
  const id = fieldId("requiredFields");
  return (
    <FormSection title="Required fields" description="Every lead has a name, email, company and source. A lead qualifies only once it also has these.">
      <ControlGroup id={id} legend="A lead must also have" error={errorAt(form, "requiredFields")} className="sm:grid-cols-3">
        {REQUIRABLE_FIELDS.map((field) => (
          <Checkbox key={field} id={`${id}-${field}`} label={FIELD_LABELS[field]} value={field} {...form.register("requiredFields")} />
        ))}
      </ControlGroup>
    </FormSection>
  );
}

export function FitSection({ form }: { form: RulesForm }) {
  const industriesId = fieldId("fit.industries");
  const countriesId = fieldId("fit.countries");
  const seniorityId = fieldId("fit.minSeniority");
  const seniorityError = errorAt(form, "fit.minSeniority");
  const seniorityHint = "Read from the job title.";
  const choose = (path: "fit.industries" | "fit.countries", values: string[]) =>
    form.setValue(path, values, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });

  return (
    <FormSection title="Fit" description="A lead that misses any fit rule does not qualify, whatever its score.">
      <CompanySizeRange form={form} />
      <ControlGroup
        id={industriesId}
        legend="Industries"
        hint="None checked means any industry."
        error={errorAt(form, "fit.industries")}
        className="sm:grid-cols-2 lg:grid-cols-3"
        actions={
          <>
            <Button type="button" variant="ghost" size="sm" onClick={() => choose("fit.industries", [...INDUSTRIES])}>
              Select all industries
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => choose("fit.industries", [])}>
              Clear industries
            </Button>
          </>
        }
      >
        {INDUSTRIES.map((industry, index) => (
          <Checkbox key={industry} id={`${industriesId}-${index}`} label={industry} value={industry} {...form.register("fit.industries")} />
        ))}
      </ControlGroup>
      <ControlGroup
        id={countriesId}
        legend="Countries"
        hint="None checked means any country."
        error={errorAt(form, "fit.countries")}
        className="sm:grid-cols-2 lg:grid-cols-3"
        actions={
          <>
            <Button type="button" variant="ghost" size="sm" onClick={() => choose("fit.countries", [...COUNTRY_CODES])}>
              Select all countries
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => choose("fit.countries", [])}>
              Clear countries
            </Button>
          </>
        }
      >
        {COUNTRY_CODES.map((code, index) => (
          <Checkbox key={code} id={`${countriesId}-${index}`} label={COUNTRIES[code]} value={code} {...form.register("fit.countries")} />
        ))}
      </ControlGroup>
      <Field label="Minimum seniority" htmlFor={seniorityId} hint={seniorityHint} error={seniorityError} className="max-w-xs">
        <Select {...fieldA11y(seniorityId, seniorityError, seniorityHint)} {...form.register("fit.minSeniority", { setValueAs: (value) => (value === "" ? null : value) })}>
          <option value="">Any</option>
          {SENIORITIES.map((seniority) => (
            <option key={seniority} value={seniority}>
              {SENIORITY_LABELS[seniority]} or more senior
            </option>
          ))}
        </Select>
      </Field>
    </FormSection>
  );
}

const DEFAULT_RANGE = { min: 50, max: 5000 };

/** "Limit company size" switches the range between a min–max pair and null (any size). */
function CompanySizeRange({ form }: { form: RulesForm }) {
  const range = useWatch({ control: form.control, name: "fit.companySize" });
  // The range last entered, so unchecking and checking again brings it back.
  const [lastRange, setLastRange] = useState(range ?? DEFAULT_RANGE);
  const limited = range !== null && range !== undefined;

  function toggle(checked: boolean) {
    if (checked) {
      form.setValue("fit.companySize", lastRange, { shouldDirty: true });
      return;
    }
    const current = form.getValues("fit.companySize");
    if (current) setLastRange(current);
    form.clearErrors("fit.companySize");
    form.setValue("fit.companySize", null, { shouldDirty: true });
  }

  return (
    <div className="space-y-3">
      <Checkbox
        id={fieldId("fit.companySize")}
        label="Limit company size"
        checked={limited}
        onChange={(event) => toggle(event.currentTarget.checked)}
      />
      {limited ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField form={form} name="fit.companySize.min" label="Minimum employees" min={1} revalidate={["fit.companySize.max"]} />
          <NumberField form={form} name="fit.companySize.max" label="Maximum employees" min={1} />
        </div>
      ) : (
        <p className="text-sm text-muted">Any company size fits.</p>
      )}
    </div>
  );
}
