import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";
import { controlClass } from "./input";

export type SelectProps = ComponentProps<"select"> & {
  /** Classes for the wrapper that positions the chevron (width, margins). `className` styles the <select>. */
  containerClassName?: string;
};

/** Native <select>: the platform's own keyboard handling, type-ahead and mobile pickers come for free. */
export function Select({ className, containerClassName, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative", containerClassName)}>
      <select className={cn(controlClass, "h-10 appearance-none pr-9", className)} {...props}>
        {children}
      </select>
      <svg
        viewBox="0 0 20 20"
        fill="currentColor"
        aria-hidden="true"
        focusable="false"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted"
      >
        <path
          fillRule="evenodd"
          d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z"
          clipRule="evenodd"
        />
      </svg>
    </div>
  );
}
