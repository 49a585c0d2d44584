import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Usually the one thing to do next, e.g. a Button linking to the create form. */
  action?: ReactNode;
  className?: string;
};

export function EmptyState({ title, description, action, className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center gap-2 rounded-lg border border-dashed border-border bg-surface px-6 py-12 text-center",
        className,
      )}
    >
      <p className="text-base font-semibold text-foreground">{title}</p>
      {description && <div className="max-w-prose text-sm text-muted">{description}</div>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
