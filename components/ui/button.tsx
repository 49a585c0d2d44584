import { Slot } from "@radix-ui/react-slot";
import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";
import { Spinner } from "./spinner";

const variants = {
  primary: "bg-brand text-white hover:bg-brand-hover",
  secondary: "border border-input bg-surface text-foreground hover:bg-subtle",
  ghost: "text-foreground hover:bg-subtle",
  danger: "bg-danger text-white hover:bg-danger-hover",
} as const;

const sizes = {
  sm: "h-8 gap-1.5 px-3 text-sm",
  md: "h-10 gap-2 px-4 text-sm",
} as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Render the single child (e.g. a Link) with button styling instead of a <button>. */
  asChild?: boolean;
  /** A submission is in flight: show a spinner and refuse a second click. */
  pending?: boolean;
};

export function Button({
  variant = "primary",
  size = "md",
  asChild = false,
  pending = false,
  disabled,
  className,
  children,
  ...props
}: ButtonProps) {
  const classes = cn(
    "inline-flex items-center justify-center whitespace-nowrap rounded-md font-medium transition-colors",
    "disabled:pointer-events-none disabled:opacity-50 aria-busy:cursor-wait",
    variants[variant],
    sizes[size],
    className,
  );

  if (asChild) {
    // A link has no disabled state and takes exactly one child, so pending only marks it busy.
    return (
      <Slot className={classes} aria-busy={pending || undefined} {...props}>
        {children}
      </Slot>
    );
  }

  return (
    <button className={classes} disabled={disabled || pending} aria-busy={pending || undefined} {...props}>
      {pending && <Spinner />}
      {children}
    </button>
  );
}
