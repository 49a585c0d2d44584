// Display formatting shared by pages. Dates use date-fns with a fixed format, so server and browser agree.
import { format, formatDistanceStrict } from "date-fns";

export function formatDate(iso: string): string {
  return format(new Date(iso), "d MMM yyyy");
}

export function formatDateTime(iso: string): string {
  return format(new Date(iso), "d MMM yyyy, HH:mm");
}

export function formatElapsed(fromIso: string, toIso: string): string {
  return formatDistanceStrict(new Date(fromIso), new Date(toIso));
}

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
export function formatMoney(amount: string | number): string {
  return money.format(Number(amount));
}

const count = new Intl.NumberFormat("en-US");
export function formatCount(value: number): string {
  return count.format(value);
}

/** A ratio (0.452) as a percentage ("45.2%"); "—" when unknown (a rate of nothing). */
export function formatPercent(value: number | null, digits = 1): string {
  return value === null ? "—" : `${(value * 100).toFixed(digits)}%`;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A duration in ms, rounded to what a person reads: "45 s", "12 min", "3 h 20 min", "2.5 days"; "—" when unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < MINUTE_MS) return `${Math.round(ms / 1000)} s`;
  if (ms < HOUR_MS) return `${Math.round(ms / MINUTE_MS)} min`;
  if (ms < DAY_MS) {
    const minutes = Math.round(ms / MINUTE_MS);
    const rest = minutes % 60;
    return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
  }
  return `${formatDays(ms / DAY_MS)}`;
}

/** A number of days with one decimal: "1 day", "12.5 days"; "—" when unknown. */
export function formatDays(days: number | null): string {
  if (days === null) return "—";
  const rounded = Math.round(days * 10) / 10;
  return `${rounded.toLocaleString("en-US")} ${rounded === 1 ? "day" : "days"}`;
}

/** How a figure is read: the same kinds drive cards, chart labels and data tables. */
export type FigureKind = "text" | "count" | "percent" | "money" | "moneyPerDay" | "duration" | "days";

/** One figure as text; null (unknown, e.g. a rate of nothing) reads "—". */
export function formatFigure(kind: FigureKind, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  switch (kind) {
    case "count":
      return formatCount(value);
    case "percent":
      return formatPercent(value);
    case "money":
      return formatMoney(value);
    case "moneyPerDay":
      return `${formatMoney(value)}/day`;
    case "duration":
      return formatDuration(value);
    case "days":
      return formatDays(value);
    default:
      return String(value);
  }
}

const compactNumber = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
/** Axis ticks: "1.2K", "$3.4M", "45%". */
export function formatAxis(kind: FigureKind, value: number): string {
  if (kind === "percent") return `${Math.round(value * 100)}%`;
  if (kind === "money" || kind === "moneyPerDay") return `$${compactNumber.format(value)}`;
  if (kind === "duration") return formatDuration(value);
  return compactNumber.format(value);
}
