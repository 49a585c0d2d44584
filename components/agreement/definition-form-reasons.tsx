"use client";
import { useRef, useState } from "react";
import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FormSection, errorAt, fieldId, type RulesForm } from "./form-parts";

const MAX_REASONS = 30;

/** A reason's code from its name: "No budget (this year)" → "no_budget_this_year". */
export function codeFromLabel(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "_")
    .replace(/^_+/, "")
    .slice(0, 40)
    .replace(/_+$/, "");
}

export function RejectionReasonsSection({ form }: { form: RulesForm }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "rejectionReasons" });
  // Rows that were saved before keep their code: handovers already rejected with it refer to it.
  const [savedIds] = useState(() => new Set(fields.map((field) => field.id)));
  const addButton = useRef<HTMLButtonElement>(null);
  const id = fieldId("rejectionReasons");
  const error = errorAt(form, "rejectionReasons");

  return (
    <FormSection
      title="Rejection reasons"
      description="The reasons a rep may give for rejecting a handover, and where the lead goes: back to marketing's nurture, or out of the funnel."
    >
      <div id={id} className="space-y-3" aria-describedby={error ? `${id}-error` : undefined}>
        {fields.map((field, index) => (
          <ReasonRow
            key={field.id}
            form={form}
            index={index}
            saved={savedIds.has(field.id)}
            removable={fields.length > 1}
            onRemove={() => {
              remove(index);
              addButton.current?.focus();
            }}
          />
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
      <Button
        ref={addButton}
        type="button"
        variant="secondary"
        disabled={fields.length >= MAX_REASONS}
        onClick={() => append({ code: "", label: "", outcome: "NURTURE" })}
      >
        Add reason
      </Button>
    </FormSection>
  );
}

interface RowProps {
  form: RulesForm;
  index: number;
  saved: boolean;
  removable: boolean;
  onRemove: () => void;
}

function ReasonRow({ form, index, saved, removable, onRemove }: RowProps) {
  // A new reason's code follows its name until someone types a code of their own.
  const [codeTyped, setCodeTyped] = useState(false);
  const path = `rejectionReasons.${index}` as const;
  const ids = { label: fieldId(`${path}.label`), outcome: fieldId(`${path}.outcome`), code: fieldId(`${path}.code`) };
  const errors = { label: errorAt(form, `${path}.label`), outcome: errorAt(form, `${path}.outcome`), code: errorAt(form, `${path}.code`) };
  const codeHint = saved ? "Fixed once saved." : "Made from the name.";

  return (
    <fieldset className="grid min-w-0 gap-3 rounded-md border border-border p-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start">
      <legend className="sr-only">Reason {index + 1}</legend>
      <Field label="Name" htmlFor={ids.label} error={errors.label}>
        <Input
          {...fieldA11y(ids.label, errors.label)}
          {...form.register(`${path}.label`, {
            onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
              if (saved || codeTyped) return;
              const code = `${path}.code` as const;
              form.setValue(code, codeFromLabel(event.target.value), { shouldValidate: form.formState.isSubmitted || Boolean(form.getFieldState(code).error) });
            },
          })}
        />
      </Field>
      <Field label="Outcome" htmlFor={ids.outcome} error={errors.outcome}>
        <Select {...fieldA11y(ids.outcome, errors.outcome)} {...form.register(`${path}.outcome`)}>
          <option value="NURTURE">Recycle to nurture</option>
          <option value="DISQUALIFIED">Disqualify</option>
        </Select>
      </Field>
      <Field label="Code" htmlFor={ids.code} error={errors.code} hint={codeHint}>
        <Input
          readOnly={saved}
          className="font-mono read-only:bg-subtle"
          {...fieldA11y(ids.code, errors.code, codeHint)}
          {...form.register(`${path}.code`, { onChange: () => setCodeTyped(true) })}
        />
      </Field>
      <div className="sm:pt-7">
        <Button type="button" variant="ghost" size="sm" disabled={!removable} aria-label={`Remove reason ${index + 1}`} onClick={onRemove}>
          Remove
        </Button>
      </div>
    </fieldset>
  );
}
