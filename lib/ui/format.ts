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
