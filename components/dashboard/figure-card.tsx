import type { ReactNode } from "react";
import type { Comparison } from "@/lib/metrics/rules";
import { formatFigure, type FigureKind } from "@/lib/ui/format";
import { cn } from "@/lib/ui/cn";

interface Props {
  label: string;
  kind: FigureKind;
  comparison: Comparison;
  /** "previous 90 days": what the previous value is. */
  previousLabel: string;
  /** Whether a rise is good news (a higher median speed to lead is not). */
  higherIsBetter?: boolean;
  hint?: ReactNode;
}

/** The change in words: points for rates ("+3.2 pts"), per cent for amounts ("+12%"). */
export function describeChange(kind: FigureKind, comparison: Comparison): string {
  const { change, changeRatio, current, previous } = comparison;
  if (change === null) return current === null ? "no data" : "no earlier data";
  if (change === 0) return "no change";
  const sign = change > 0 ? "+" : "−";
  if (kind === "percent") return `${sign}${Math.abs(change * 100).toFixed(1)} pts`;
  if (changeRatio === null) return previous === 0 ? "new" : "—";
  return `${sign}${Math.abs(changeRatio * 100).toFixed(changeRatio !== 0 && Math.abs(changeRatio) < 0.1 ? 1 : 0)}%`;
}

/** One headline figure: its value now, the previous period's and the change between them. */
export function FigureCard({ label, kind, comparison, previousLabel, higherIsBetter = true, hint }: Props) {
  const { change } = comparison;
  const good = change === null || change === 0 ? null : change > 0 === higherIsBetter;
  return (
    <div className="rounded-lg border border-border bg-surface p-4 shadow-xs" role="group" aria-label={label} data-figure={label}>
      <p className="text-sm text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-value>
        {formatFigure(kind, comparison.current)}
      </p>
      <p className="mt-1 flex flex-wrap items-center gap-x-2 text-xs text-muted">
        <span
          className={cn(
            "rounded px-1.5 py-0.5 font-medium tabular-nums",
            good === null ? "bg-subtle text-muted" : good ? "bg-success-soft text-success" : "bg-danger-soft text-danger",
          )}
        >
          {change !== null && change !== 0 && <span aria-hidden="true">{change > 0 ? "▲ " : "▼ "}</span>}
          {describeChange(kind, comparison)}
        </span>
        <span>
          {previousLabel}: <span className="tabular-nums">{formatFigure(kind, comparison.previous)}</span>
        </span>
      </p>
      {hint && <p className="mt-2 text-xs text-muted">{hint}</p>}
    </div>
  );
}

/** Headline figures in a responsive grid: four or six across on a wide screen. */
export function FigureGrid({ children, label, wide = false }: { children: ReactNode; label: string; wide?: boolean }) {
  return (
    <section aria-label={label} className={cn("grid grid-cols-2 gap-3", wide ? "md:grid-cols-3 xl:grid-cols-6" : "md:grid-cols-4")}>
      {children}
    </section>
  );
}
