import type { Path } from "react-hook-form";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { errorAt, fieldId, type RulesForm, type RulesInput } from "./form-parts";

export interface NumberFieldProps {
  form: RulesForm;
  name: Path<RulesInput>;
  label: string;
  hint?: string;
  min?: number;
  max?: number;
  /** Other fields whose validity depends on this one, re-checked when it changes (e.g. the threshold on points). */
  revalidate?: Path<RulesInput>[];
}

/** A whole-number input that submits a number (an empty box submits NaN, which the schema reports by name). */
export function NumberField({ form, name, label, hint, min, max, revalidate }: NumberFieldProps) {
  const id = fieldId(name);
  const error = errorAt(form, name);
  return (
    <Field label={label} htmlFor={id} error={error} hint={hint}>
      <Input
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        className="max-w-40"
        {...fieldA11y(id, error, hint)}
        {...form.register(name, { valueAsNumber: true, deps: revalidate })}
      />
    </Field>
  );
}
