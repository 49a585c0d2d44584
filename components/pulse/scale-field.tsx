import type { UseFormRegisterReturn } from "react-hook-form";
import { SCALE, SCALE_LABELS } from "@/lib/pulse/rules";
import { cn } from "@/lib/ui/cn";

/** One question on the 1-5 scale: a radio group with a legend, arrow keys move between the choices. */
export function ScaleField({ id, legend, error, registration }: { id: string; legend: string; error?: string; registration: UseFormRegisterReturn }) {
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined} className="min-w-0">
      <legend className="text-sm font-medium text-foreground">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {SCALE.map((value) => (
          <label
            key={value}
            className={cn(
              "flex cursor-pointer items-center gap-2 rounded-md border border-input bg-surface px-3 py-1.5 text-sm",
              "has-checked:border-brand has-checked:bg-brand-soft has-focus-visible:outline-2 has-focus-visible:outline-brand",
            )}
          >
            <input type="radio" value={value} className="size-4 accent-brand" {...registration} />
            <span>
              <span className="font-semibold">{value}</span> <span className="text-muted">{SCALE_LABELS[value]}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1.5 text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
