// Building blocks shared by the sections of the definition editor.
import type { ComponentProps, ReactNode } from "react";
import { get, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { definitionRulesSchema } from "@/lib/agreement/schemas";
import { cn } from "@/lib/ui/cn";

export type RulesInput = z.input<typeof definitionRulesSchema>;
export type RulesOutput = z.output<typeof definitionRulesSchema>;
export type RulesForm = UseFormReturn<RulesInput, unknown, RulesOutput>;

/** The id of the control (or group) for a form path: "fit.companySize.min" → "rules-fit-companySize-min". */
export function fieldId(path: string): string {
  return `rules-${path.replace(/\./g, "-")}`;
}

/** The first error message at a path of the form, if any. */
export function errorAt(form: RulesForm, path: string): string | undefined {
  const error: unknown = get(form.formState.errors, path);
  if (!error || typeof error !== "object") return undefined;
  const { message, root } = error as { message?: unknown; root?: { message?: unknown } };
  if (typeof message === "string" && message) return message;
  return typeof root?.message === "string" && root.message ? root.message : undefined;
}

/** One part of the editor: a fieldset whose legend reads as the section's title. */
export function FormSection({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 rounded-lg border border-border bg-surface p-4 shadow-xs">
      <legend className="float-left mb-1 w-full text-base font-semibold text-foreground">{title}</legend>
      {description && <p className="clear-left mb-4 text-sm text-muted">{description}</p>}
      <div className="clear-left space-y-5">{children}</div>
    </fieldset>
  );
}

/** A group of related controls (a checkbox grid) with its own legend, hint and error. */
export function ControlGroup({
  id,
  legend,
  hint,
  error,
  actions,
  className,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset id={id} aria-describedby={describedBy || undefined} aria-invalid={error ? true : undefined} className="min-w-0">
      <legend className="text-sm font-medium text-foreground">{legend}</legend>
      {(hint || actions) && (
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          {hint && (
            <p id={`${id}-hint`} className="text-sm text-muted">
              {hint}
            </p>
          )}
          {actions && <div className="flex gap-1">{actions}</div>}
        </div>
      )}
      <div className={cn("mt-2 grid gap-x-4 gap-y-2", className)}>{children}</div>
      {error && (
        <p id={`${id}-error`} className="mt-1.5 text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function Checkbox({ id, label, className, ...props }: Omit<ComponentProps<"input">, "type"> & { id: string; label: ReactNode }) {
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <input type="checkbox" id={id} className="size-4 shrink-0 rounded border-input accent-brand" {...props} />
      <label htmlFor={id} className="text-sm text-foreground">
        {label}
      </label>
    </div>
  );
}
