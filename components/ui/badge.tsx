import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

const tones = {
  neutral: "bg-subtle text-foreground ring-border",
  brand: "bg-brand-soft text-brand-hover ring-brand/20",
  success: "bg-success-soft text-success ring-success/20",
  warning: "bg-warning-soft text-warning ring-warning/20",
  danger: "bg-danger-soft text-danger ring-danger/20",
  info: "bg-info-soft text-info ring-info/20",
} as const;

export type BadgeTone = keyof typeof tones;

/** Colour is never the only signal: the badge's text carries the meaning, the tone only reinforces it. */
export function Badge({ tone = "neutral", className, ...props }: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
