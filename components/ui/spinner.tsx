import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

/** Decorative: whatever is busy says so in text or with aria-busy. Sized by the font (1em) unless overridden. */
export function Spinner({ className, ...props }: ComponentProps<"svg">) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      focusable="false"
      className={cn("size-[1em] shrink-0 animate-spin motion-reduce:animate-[spin_1.5s_linear_infinite]", className)}
      {...props}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

/** Fallback for route segments' loading.tsx: announced once as a polite status, not read out repeatedly. */
export function PageLoading({ label = "Loading…", className }: { label?: string; className?: string }) {
  return (
    <div role="status" className={cn("flex min-h-48 items-center justify-center text-muted", className)}>
      <Spinner className="size-6" />
      <span className="sr-only">{label}</span>
    </div>
  );
}
