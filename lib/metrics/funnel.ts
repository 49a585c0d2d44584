// The shared funnel in numbers: cohort conversion along the main path, and the period's stage entries. Pure; the
// inputs are per-stage and per-day counts that SQL aggregates return cheaply from StageChange, never lead rows.
import type { Stage } from "../db/enums";
import { inPeriod, parseDayKey, type Period } from "./period";
import { assertCount, ratio } from "./shared";

/** The main path through the shared funnel, in order. LOST, NURTURE and DISQUALIFIED are exits from it. */
export const FUNNEL_PATH = ["INQUIRY", "MQL", "SAL", "SQL", "OPPORTUNITY", "WON"] as const satisfies readonly Stage[];
export type PathStage = (typeof FUNNEL_PATH)[number];

/** Marketing's half of the path (the handover MQL → SAL sits between the halves). */
export const MARKETING_HALF = ["INQUIRY", "MQL"] as const satisfies readonly PathStage[];
/** Sales' half of the path. */
export const SALES_HALF = ["SAL", "SQL", "OPPORTUNITY", "WON"] as const satisfies readonly PathStage[];

/** Every stage, in funnel order; a Record so that a new stage in the schema fails to compile until it is placed here. */
const NO_ENTRIES: Readonly<Record<Stage, number>> = {
  INQUIRY: 0,
  MQL: 0,
  SAL: 0,
  SQL: 0,
  OPPORTUNITY: 0,
  WON: 0,
  LOST: 0,
  NURTURE: 0,
  DISQUALIFIED: 0,
};
export const ALL_STAGES = Object.keys(NO_ENTRIES) as Stage[];

/**
 * One stage of the cohort, as the query layer counts it from StageChange:
 * - entered: distinct leads with a change to `stage` at a time in the period;
 * - advanced: of those leads, how many have a change to the next stage on the path after that entry, at any time up
 *   to now. Only the next stage counts: a lead a rep logged and accepted directly (INQUIRY → SAL) did not advance
 *   to MQL. Omitted (or 0) for WON, the end of the path.
 * A stage with no row counts as entered 0, advanced 0, so an empty period may pass no rows at all.
 */
export interface CohortStageInput {
  stage: PathStage;
  entered: number;
  advanced?: number;
}

export interface CohortFunnelInput {
  stages: readonly CohortStageInput[];
  /** Of the leads that entered INQUIRY in the period, how many have reached WON by now (by whatever path). */
  inquiryWon: number;
}

export interface StageEntries {
  stage: PathStage;
  entered: number;
}

export interface FunnelStep {
  from: PathStage;
  to: PathStage;
  entered: number;
  advanced: number;
  /** advanced ÷ entered; null when nobody entered `from`. */
  conversion: number | null;
}

export interface CohortFunnel {
  /** The six path stages with the leads that entered each in the period. */
  stages: StageEntries[];
  /** The five steps INQUIRY → MQL … OPPORTUNITY → WON. */
  steps: FunnelStep[];
  /** The whole path: of the period's inquiries, how many are won by now. */
  overall: { entered: number; won: number; conversion: number | null };
  /** The CRO's one picture: marketing's half, the handover in the middle, sales' half. */
  marketing: { stages: StageEntries[]; steps: FunnelStep[] };
  handover: FunnelStep;
  sales: { stages: StageEntries[]; steps: FunnelStep[] };
}

/**
 * Cohort conversion along the main path. For each step S → next(S):
 *
 *   conversion(S) = advanced(S) ÷ entered(S)          (null when entered(S) = 0)
 *   overall       = inquiryWon ÷ entered(INQUIRY)      (null when entered(INQUIRY) = 0)
 *
 * Overall is counted on the cohort itself, not the product of the step rates: leads skip stages (a rep's own lead
 * goes INQUIRY → SAL) and later stages hold leads from earlier cohorts, so the product would be a different number.
 * Recent cohorts convert less because they have had less time to: compare periods of equal age.
 */
export function cohortFunnel(input: CohortFunnelInput): CohortFunnel {
  const byStage = new Map<PathStage, { entered: number; advanced: number }>();
  for (const row of input.stages) {
    if (!FUNNEL_PATH.includes(row.stage)) throw new RangeError(`${row.stage} is not on the funnel's main path.`);
    if (byStage.has(row.stage)) throw new RangeError(`${row.stage} appears twice in the cohort.`);
    const advanced = row.advanced ?? 0;
    assertCount(row.entered, `${row.stage} entered`);
    assertCount(advanced, `${row.stage} advanced`);
    if (advanced > row.entered) throw new RangeError(`${row.stage}: more leads advanced (${advanced}) than entered (${row.entered}).`);
    if (row.stage === "WON" && advanced !== 0) throw new RangeError("WON is the end of the path: nothing advances from it.");
    byStage.set(row.stage, { entered: row.entered, advanced });
  }

  const stages = FUNNEL_PATH.map((stage) => ({ stage, entered: byStage.get(stage)?.entered ?? 0 }));
  const steps = FUNNEL_PATH.slice(0, -1).map((from, index): FunnelStep => {
    const counts = byStage.get(from) ?? { entered: 0, advanced: 0 };
    return { from, to: FUNNEL_PATH[index + 1]!, entered: counts.entered, advanced: counts.advanced, conversion: ratio(counts.advanced, counts.entered) };
  });

  assertCount(input.inquiryWon, "inquiryWon");
  const inquiries = stages[0]!.entered;
  if (input.inquiryWon > inquiries) throw new RangeError(`More inquiries won (${input.inquiryWon}) than entered (${inquiries}).`);

  const isMarketing = (stage: PathStage) => (MARKETING_HALF as readonly PathStage[]).includes(stage);
  return {
    stages,
    steps,
    overall: { entered: inquiries, won: input.inquiryWon, conversion: ratio(input.inquiryWon, inquiries) },
    // INQUIRY → MQL is marketing's step; MQL → SAL is the handover; SAL → SQL onwards is sales'.
    marketing: { stages: stages.filter((entry) => isMarketing(entry.stage)), steps: steps.filter((step) => isMarketing(step.to)) },
    handover: steps.find((step) => step.from === "MQL")!,
    sales: { stages: stages.filter((entry) => !isMarketing(entry.stage)), steps: steps.filter((step) => !isMarketing(step.from)) },
  };
}

/** Entries into one stage on one UTC day: `GROUP BY day, toStage` over StageChange in the period. */
export interface StageDayCount {
  day: string;
  stage: Stage;
  count: number;
}

export interface PeriodView {
  /** Entries per stage over the whole period, every stage present (0 when none). */
  totals: Record<Stage, number>;
}

/**
 * The period view: how many times each stage was entered in the period, whatever the lead's cohort:
 *
 *   totals(S) = Σ count(day, S) over the period's days
 *
 * Activity, not conversion: dividing one stage's entries by another's mixes cohorts, so no rate is offered here.
 */
export function periodView(rows: readonly StageDayCount[], current: Period): PeriodView {
  // Rows may be days or whole weeks (a week's row carries its Monday, inside the period): only totals are kept.
  const totals: Record<Stage, number> = { ...NO_ENTRIES };
  for (const row of rows) {
    assertCount(row.count, `${row.stage} entries on ${row.day}`);
    if (!Object.hasOwn(NO_ENTRIES, row.stage)) throw new RangeError(`Unknown stage ${row.stage}.`);
    if (!inPeriod(current, parseDayKey(row.day))) throw new RangeError(`${row.day} is outside the period.`);
    totals[row.stage] += row.count;
  }
  return { totals };
}
