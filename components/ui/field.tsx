import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";
import { Label } from "./label";

export type FieldProps = {
  label: ReactNode;
  /** The control's id; the hint and error ids derive from it. */
  htmlFor: string;
  error?: string;
  hint?: string;
  className?: string;
  children: ReactNode;
};

/**
 * Props for the control inside a Field, so screen readers hear its hint and error with the label.
 * The error isn't a live region: it is read when the control gets focus, not shouted on every keystroke.
 */
export function fieldA11y(id: string, error?: string, hint?: string) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return {
    id,
    "aria-invalid": !!error || undefined,
    "aria-describedby": describedBy || undefined,
  };
}

export function Field({ label, htmlFor, error, hint, className, children }: FieldProps) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {hint && (
        <p id={`${htmlFor}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${htmlFor}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
