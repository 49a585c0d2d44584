import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

/** Shared by Input, Select and Textarea so every form control looks and behaves alike. */
export const controlClass = cn(
  "block w-full rounded-md border border-input bg-surface px-3 text-sm text-foreground shadow-xs",
  "placeholder:text-muted focus-visible:outline-offset-0",
  "disabled:cursor-not-allowed disabled:bg-subtle disabled:opacity-70",
  "aria-[invalid=true]:border-danger aria-[invalid=true]:focus-visible:outline-danger",
);

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} className={cn(controlClass, "h-10", className)} {...props} />;
}
