import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

export type TableProps = ComponentProps<"table"> & {
  /** Classes for the scrolling container, e.g. a max height so a sticky header has something to stick to. */
  containerClassName?: string;
};

/** Wide tables scroll inside their own box so the page itself never scrolls sideways on a phone. */
export function Table({ className, containerClassName, ...props }: TableProps) {
  return (
    <div className={cn("overflow-auto rounded-lg border border-border bg-surface", containerClassName)}>
      <table className={cn("w-full border-separate border-spacing-0 text-left text-sm", className)} {...props} />
    </div>
  );
}

export function THead({ sticky = false, className, ...props }: ComponentProps<"thead"> & { sticky?: boolean }) {
  return <thead className={cn("bg-subtle", sticky && "sticky top-0 z-10", className)} {...props} />;
}

export function TBody(props: ComponentProps<"tbody">) {
  return <tbody {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  // Separate borders (not collapsed) so a sticky header keeps its bottom border while scrolling.
  return <tr className={cn("[&:last-child>td]:border-b-0", className)} {...props} />;
}

type CellAlign = { numeric?: boolean };

export function TH({ scope = "col", numeric, className, ...props }: ComponentProps<"th"> & CellAlign) {
  return (
    <th
      scope={scope}
      className={cn(
        "border-b border-border px-3 py-2 text-xs font-semibold text-muted whitespace-nowrap",
        numeric && "text-right",
        className,
      )}
      {...props}
    />
  );
}

export function TD({ numeric, className, ...props }: ComponentProps<"td"> & CellAlign) {
  return (
    <td
      className={cn("border-b border-border px-3 py-2 align-middle", numeric && "text-right tabular-nums", className)}
      {...props}
    />
  );
}

/** One full-width row saying why the table is empty, so the headers still explain what would be there. */
export function TableEmpty({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-10 text-center text-muted">
        {children}
      </td>
    </tr>
  );
}
