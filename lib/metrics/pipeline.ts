// Pipeline and revenue: what marketing sources and influences, how sales converts it, and how fast money moves.
// Pure; the inputs are sums and counts (`GROUP BY source, campaign touched`), never opportunity rows.
import type { LeadSource } from "../db/enums";
import { DAY_MS } from "./period";
import { assertCount, assertNonNegative, ratio, sum } from "./shared";

/**
 * Best-in-class share of pipeline sourced by marketing (B2B benchmarks put top performers around 45 %): the bar the
 * dashboard compares the marketing-sourced share with.
 */
export const BEST_IN_CLASS_SOURCED_SHARE = 0.45;

/** Which team brought each source in; a Record so that a new source in the schema fails to compile until it is placed. */
const SOURCE_TEAM: Readonly<Record<LeadSource, "marketing" | "sales">> = {
  WEBSITE: "marketing",
  CONTENT: "marketing",
  WEBINAR: "marketing",
  EVENT: "marketing",
  PAID_SEARCH: "marketing",
  PAID_SOCIAL: "marketing",
  EMAIL: "marketing",
  PARTNER: "marketing",
  REFERRAL: "sales",
  OUTBOUND: "sales",
};
export const MARKETING_SOURCES = (Object.keys(SOURCE_TEAM) as LeadSource[]).filter((source) => SOURCE_TEAM[source] === "marketing");
export const SALES_SOURCES = (Object.keys(SOURCE_TEAM) as LeadSource[]).filter((source) => SOURCE_TEAM[source] === "sales");

/** Whether a lead from this source counts as marketing-sourced (everything but REFERRAL and OUTBOUND). */
export function isMarketingSource(source: LeadSource): boolean {
  if (!Object.hasOwn(SOURCE_TEAM, source)) throw new RangeError(`Unknown lead source ${String(source)}.`);
  return SOURCE_TEAM[source] === "marketing";
}

/**
 * Opportunities of the period (leads that entered OPPORTUNITY in it) grouped by the lead's source and whether the
 * lead had a campaign touch (a campaign attached) before it became an opportunity; amount is the sum of their deal
 * amounts. Several rows for the same source and flag are added up.
 */
export interface PipelineRow {
  source: LeadSource;
  influenced: boolean;
  count: number;
  amount: number;
}

export interface PipelineSlice {
  count: number;
  amount: number;
  /** amount ÷ all pipeline amount; null when there is no pipeline. */
  share: number | null;
}

export interface PipelineContribution {
  total: { count: number; amount: number };
  /** Pipeline from marketing sources. */
  sourced: PipelineSlice;
  /** Pipeline from sales' own sources (REFERRAL, OUTBOUND). */
  salesSourced: PipelineSlice;
  /** Pipeline whose lead had a campaign touch, whatever its source. */
  influenced: PipelineSlice;
  bestInClassShare: number;
  /** sourced.share − BEST_IN_CLASS_SOURCED_SHARE: above 0 beats the bar; null when there is no pipeline. */
  sourcedVsBestInClass: number | null;
  /** Every source with its pipeline, largest amount first (ties by source name); sources without pipeline left out. */
  bySource: ({ source: LeadSource } & PipelineSlice)[];
}

/**
 * Marketing's contribution to pipeline, in money:
 *
 *   total                = Σ amount
 *   sourced              = Σ amount where isMarketingSource(source)
 *   sourced share        = sourced ÷ total                    (null when total = 0)
 *   influenced           = Σ amount where influenced
 *   influenced share     = influenced ÷ total
 *   sourcedVsBestInClass = sourced share − 0.45
 *
 * Sourced and influenced overlap (a webinar lead with its campaign attached is both), and a referral with a campaign
 * touch is influenced but not sourced: the two are different questions, never added together.
 */
export function pipelineContribution(rows: readonly PipelineRow[]): PipelineContribution {
  for (const row of rows) {
    isMarketingSource(row.source);
    assertCount(row.count, `${row.source} opportunities`);
    assertNonNegative(row.amount, `${row.source} pipeline amount`);
  }
  const total = { count: sum(rows.map((row) => row.count)), amount: sum(rows.map((row) => row.amount)) };
  const slice = (picked: readonly PipelineRow[]): PipelineSlice => {
    const amount = sum(picked.map((row) => row.amount));
    return { count: sum(picked.map((row) => row.count)), amount, share: ratio(amount, total.amount) };
  };
  const sourced = slice(rows.filter((row) => isMarketingSource(row.source)));
  const bySource = (Object.keys(SOURCE_TEAM) as LeadSource[])
    .map((source) => ({ source, ...slice(rows.filter((row) => row.source === source)) }))
    .filter((entry) => entry.count > 0 || entry.amount > 0)
    .sort((a, b) => b.amount - a.amount || (a.source < b.source ? -1 : 1));
  return {
    total,
    sourced,
    salesSourced: slice(rows.filter((row) => !isMarketingSource(row.source))),
    influenced: slice(rows.filter((row) => row.influenced)),
    bestInClassShare: BEST_IN_CLASS_SOURCED_SHARE,
    sourcedVsBestInClass: sourced.share === null ? null : sourced.share - BEST_IN_CLASS_SOURCED_SHARE,
    bySource,
  };
}

/**
 * Win rate over the deals closed in the period:
 *
 *   winRate = won ÷ (won + lost)        (null when nothing closed)
 *
 * Deals still open are not in it: they have neither won nor lost yet.
 */
export function winRate(won: number, lost: number): number | null {
  assertCount(won, "won");
  assertCount(lost, "lost");
  return ratio(won, won + lost);
}

/**
 *   averageDealSize = won amount ÷ won count     (null when nothing was won)
 */
export function averageDealSize(wonAmount: number, wonCount: number): number | null {
  assertNonNegative(wonAmount, "won amount");
  assertCount(wonCount, "won count");
  if (wonCount === 0 && wonAmount > 0) throw new RangeError("A won amount without won deals.");
  return ratio(wonAmount, wonCount);
}

/**
 * Sales cycle length, the mean number of days from SAL to WON over the deals won in the period:
 *
 *   salesCycleDays = (Σ (won.at − sal.at) in ms) ÷ deals ÷ 86 400 000     (null when deals = 0)
 *
 * Measured from SAL (sales accepted the lead, the sales cycle starts) rather than lead creation, so marketing's
 * nurturing time does not count against sales. For a lead accepted more than once, the query takes the last SAL
 * before the win: the cycle that won. The result has fractions of a day.
 */
export function salesCycleDays(totalMs: number, deals: number): number | null {
  assertNonNegative(totalMs, "total cycle time");
  assertCount(deals, "deals in the cycle");
  if (deals === 0 && totalMs > 0) throw new RangeError("Cycle time without deals.");
  const mean = ratio(totalMs, deals);
  return mean === null ? null : mean / DAY_MS;
}

export interface VelocityInput {
  /** Opportunities opened in the period (leads that entered OPPORTUNITY in it). */
  opportunities: number;
  winRate: number | null;
  averageDealSize: number | null;
  cycleDays: number | null;
}

/**
 * Pipeline velocity, the money the pipeline is expected to turn into per day:
 *
 *   velocity = opportunities × winRate × averageDealSize ÷ cycleDays       (currency per day)
 *
 * null when winRate, averageDealSize or cycleDays is unknown (null) or cycleDays is 0: without a closed deal there
 * is no honest estimate, and dividing by zero days would be Infinity.
 */
export function pipelineVelocity(input: VelocityInput): number | null {
  assertCount(input.opportunities, "opportunities");
  const { winRate: rate, averageDealSize: size, cycleDays } = input;
  if (rate === null || size === null || cycleDays === null || cycleDays === 0) return null;
  return (input.opportunities * rate * size) / cycleDays;
}

/** What the query layer sums for the period's closed deals and opened opportunities. */
export interface SalesPerformanceInput {
  /** Leads that entered WON in the period. */
  won: number;
  /** Leads that entered LOST in the period. */
  lost: number;
  /** Σ amount of those won deals. */
  wonAmount: number;
  /** Σ (WON time − last SAL time before it) over those won deals, in ms, and how many deals it covers. */
  cycle: { totalMs: number; deals: number };
  /** Leads that entered OPPORTUNITY in the period. */
  opportunities: number;
}

export interface SalesPerformance {
  won: number;
  lost: number;
  opportunities: number;
  winRate: number | null;
  averageDealSize: number | null;
  salesCycleDays: number | null;
  /** Currency per day; see pipelineVelocity. */
  velocity: number | null;
}

/** winRate, averageDealSize, salesCycleDays and pipelineVelocity together, from one set of period aggregates. */
export function salesPerformance(input: SalesPerformanceInput): SalesPerformance {
  const rate = winRate(input.won, input.lost);
  const size = averageDealSize(input.wonAmount, input.won);
  const cycleDays = salesCycleDays(input.cycle.totalMs, input.cycle.deals);
  return {
    won: input.won,
    lost: input.lost,
    opportunities: input.opportunities,
    winRate: rate,
    averageDealSize: size,
    salesCycleDays: cycleDays,
    velocity: pipelineVelocity({ opportunities: input.opportunities, winRate: rate, averageDealSize: size, cycleDays }),
  };
}
