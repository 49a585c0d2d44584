// Colours of the dashboards' charts: marketing's half in blues, sales' half in greens, as everywhere in Tandem.
// Colour is never the only signal: every chart has labels, a legend or a data table that says the same in words.
import type { Stage } from "@/lib/db/enums";

export const TEAM_COLORS = { marketing: "#2f5fd0", sales: "#1e7a3c", neutral: "#8a93a3", danger: "#c0262d", info: "#1769aa" } as const;

export const STAGE_COLORS: Record<Stage, string> = {
  INQUIRY: "#8fa9e8",
  MQL: "#2f5fd0",
  SAL: "#6cba87",
  SQL: "#3a9a5b",
  OPPORTUNITY: "#1e7a3c",
  WON: "#0d4d24",
  LOST: "#c0262d",
  NURTURE: "#9a5b00",
  DISQUALIFIED: "#5b6472",
};

/** Dash patterns for line charts, so that lines differ by more than colour. */
export const DASHES = ["", "6 3", "2 3", "10 4 2 4"] as const;

/** The height a chart of horizontal bars needs for its bars and their (up to two-line) labels. */
export function rowsHeight(count: number): number {
  return Math.max(140, count * 44 + 36);
}
