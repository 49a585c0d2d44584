// How goals read on screen: statuses, standings and each metric's figures, in one place for every goal component.
import type { GoalMetric, GoalSide, GoalStatus } from "@/lib/db/enums";
import { GOAL_METRICS, STANDING_LABELS, type Standing } from "@/lib/goals/rules";
import { formatFigure, type FigureKind } from "@/lib/ui/format";
import type { BadgeTone } from "@/components/ui/badge";

export const GOAL_STATUS: Record<GoalStatus, { label: string; tone: BadgeTone }> = {
  DRAFT: { label: "Draft", tone: "neutral" },
  PROPOSED: { label: "Proposed", tone: "warning" },
  AGREED: { label: "Agreed", tone: "success" },
  ARCHIVED: { label: "Archived", tone: "neutral" },
};

export const STANDING: Record<Standing, { label: string; tone: BadgeTone }> = {
  NOT_STARTED: { label: STANDING_LABELS.NOT_STARTED, tone: "neutral" },
  ON_TRACK: { label: STANDING_LABELS.ON_TRACK, tone: "success" },
  BEHIND: { label: STANDING_LABELS.BEHIND, tone: "warning" },
  MET: { label: STANDING_LABELS.MET, tone: "success" },
  MISSED: { label: STANDING_LABELS.MISSED, tone: "danger" },
  NO_DATA: { label: STANDING_LABELS.NO_DATA, tone: "neutral" },
};

export const SIDE_LABELS: Record<GoalSide, string> = { SALES: "Sales", MARKETING: "Marketing", CRO: "CRO" };

const KINDS = { amount: "money", count: "count", rate: "percent", duration: "duration" } as const satisfies Record<string, FigureKind>;

/** The figure kind the dashboards use for this metric (money, count, percent, duration). */
export function metricFigureKind(metric: GoalMetric): FigureKind {
  return KINDS[GOAL_METRICS[metric].kind];
}

/** One of the metric's values as text: "$120,000", "85", "62.5%", "1 h 20 min"; "—" when unknown. */
export function formatMetric(metric: GoalMetric, value: number | null): string {
  return formatFigure(metricFigureKind(metric), value);
}
