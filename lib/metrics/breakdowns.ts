import "server-only";
// The dashboards' breakdowns beside the headline figures of ./queries: the funnel by source and by campaign, the
// campaigns sales rejects most, a rep's pipeline and their own handover figures, and the filter's options. Small SQL
// aggregates over the rollup (days × stages × dimensions) and the period's handovers, with the same filter helpers,
// so every breakdown adds up to the headline figure it breaks down.
import { db, Prisma } from "../db/client";
import type { LeadSource, Stage } from "../db/enums";
import { ALL_STAGES, compareAll, FUNNEL_PATH, previousPeriod, ratio, type Comparison, type PathStage, type Period } from "./rules";
import { handoverFigures, handoverWhere, rollupScope, type HandoverFigures, type MetricsFilter } from "./queries";

const sql = Prisma.sql;

export type StageCounts = Record<PathStage, number>;
const noEntries = (): StageCounts => ({ INQUIRY: 0, MQL: 0, SAL: 0, SQL: 0, OPPORTUNITY: 0, WON: 0 });

interface EntryRow {
  key: string;
  stage: PathStage;
  entered: number;
  advanced: number;
  amount: number;
}

/** Stage entries per key (source or campaign), with the opportunity amount entered: one GROUP BY over the rollup. */
async function entriesBy(dimension: "source" | "campaignId", filter: MetricsFilter) {
  const column = dimension === "source" ? sql`r.source::text` : sql`r."campaignId"`;
  const { from, where } = rollupScope(filter, filter.period, { byCampaign: dimension === "campaignId" });
  const rows = await db().$queryRaw<EntryRow[]>(sql`
    SELECT ${column} AS key, r.stage, sum(r.entered)::int AS entered, sum(r.advanced)::int AS advanced,
           coalesce(sum(r.amount) FILTER (WHERE r.stage = 'OPPORTUNITY'), 0)::float8 AS amount
    FROM ${from}
    WHERE ${where} AND r.stage IN ('INQUIRY', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'WON')
    GROUP BY 1, 2`);
  const byKey = new Map<string, { entered: StageCounts; pipeline: number; accepted: number }>();
  for (const row of rows) {
    const entry = byKey.get(row.key) ?? { entered: noEntries(), pipeline: 0, accepted: 0 };
    entry.entered[row.stage] += row.entered;
    entry.pipeline += row.amount;
    if (row.stage === "MQL") entry.accepted += row.advanced;
    byKey.set(row.key, entry);
  }
  return [...byKey]
    .map(([key, entry]) => ({ key, ...entry }))
    .filter((entry) => FUNNEL_PATH.some((stage) => entry.entered[stage] > 0))
    .sort((a, b) => b.entered.INQUIRY - a.entered.INQUIRY || b.entered.MQL - a.entered.MQL || (a.key < b.key ? -1 : 1));
}

export interface FunnelBreakdownRow {
  entered: StageCounts;
  /** Opportunity amount entered in the period. */
  pipeline: number;
  /** The handover's cohort conversion: of the period's MQLs, the share that reached SAL next (as cohortFunnel). */
  mqlToSal: number | null;
}

/** The period's stage entries per lead source, most inquiries first; sources with no entries left out. */
export async function funnelBySource(filter: MetricsFilter): Promise<({ source: LeadSource } & FunnelBreakdownRow)[]> {
  const rows = await entriesBy("source", filter);
  return rows.map(({ key, entered, pipeline, accepted }) => ({ source: key as LeadSource, entered, pipeline, mqlToSal: ratio(accepted, entered.MQL) }));
}

/** The period's stage entries per campaign (campaignId "none": leads without one), with names, most MQLs first. */
export async function funnelByCampaign(filter: MetricsFilter, limit = 10) {
  const rows = await entriesBy("campaignId", filter);
  const names = await campaignNames(rows.map((row) => row.key));
  const all = rows
    .map(({ key, entered, pipeline, accepted }) => ({
      campaignId: key === "" ? "none" : key,
      name: key === "" ? "No campaign" : (names.get(key) ?? "Unknown campaign"),
      entered,
      pipeline,
      mqlToSal: ratio(accepted, entered.MQL),
    }))
    .sort((a, b) => b.entered.MQL - a.entered.MQL || b.entered.INQUIRY - a.entered.INQUIRY || a.name.localeCompare(b.name));
  return { rows: all.slice(0, limit), total: all.length };
}
export type CampaignFunnelRow = Awaited<ReturnType<typeof funnelByCampaign>>["rows"][number];

async function campaignNames(ids: string[]): Promise<Map<string, string>> {
  const campaigns = await db().campaign.findMany({ where: { id: { in: ids.filter(Boolean) } }, select: { id: true, name: true } });
  return new Map(campaigns.map((campaign) => [campaign.id, campaign.name]));
}

export interface CampaignRejections {
  campaignId: string;
  name: string;
  handedOver: number;
  /** REJECTED + DISPUTED, as in mqlAcceptance. */
  rejected: number;
  /** rejected ÷ handedOver. */
  rejectionRate: number | null;
  /** The reason sales gave most often for this campaign's leads. */
  topReason: string | null;
}

/**
 * The campaigns whose MQLs sales rejects most, over the handovers created in the period (the same handovers as
 * handoverFigures: REASSIGNED ones left out, the rep filter on the handover's rep): most rejections first.
 */
export async function campaignRejections(filter: MetricsFilter, limit = 8): Promise<CampaignRejections[]> {
  const { period } = filter;
  const scope = sql`h."createdAt" >= ${period.from} AND h."createdAt" < ${period.to} AND h.status <> 'REASSIGNED' AND ${handoverWhere(filter)}`;
  const from = sql`FROM "Handover" h`;
  const [rows, reasons] = await Promise.all([
    db().$queryRaw<{ campaignId: string; handedOver: number; rejected: number }[]>(sql`
      SELECT coalesce(h."campaignId", '') AS "campaignId", count(*)::int AS "handedOver",
             count(*) FILTER (WHERE h.status IN ('REJECTED', 'DISPUTED'))::int AS rejected
      ${from} WHERE ${scope} GROUP BY 1
      HAVING count(*) FILTER (WHERE h.status IN ('REJECTED', 'DISPUTED')) > 0
      ORDER BY rejected DESC, "handedOver" DESC, 1 LIMIT ${limit}`),
    db().$queryRaw<{ campaignId: string; label: string; count: number }[]>(sql`
      SELECT coalesce(h."campaignId", '') AS "campaignId", min(h."reasonLabel") AS label, count(*)::int AS count
      ${from} WHERE ${scope} AND h.status IN ('REJECTED', 'DISPUTED') AND h."reasonCode" IS NOT NULL
      GROUP BY 1, h."reasonCode" ORDER BY count DESC, h."reasonCode"`),
  ]);
  const names = await campaignNames(rows.map((row) => row.campaignId));
  return rows.map((row) => ({
    campaignId: row.campaignId === "" ? "none" : row.campaignId,
    name: row.campaignId === "" ? "No campaign" : (names.get(row.campaignId) ?? "Unknown campaign"),
    handedOver: row.handedOver,
    rejected: row.rejected,
    rejectionRate: ratio(row.rejected, row.handedOver),
    topReason: reasons.find((reason) => reason.campaignId === row.campaignId)?.label ?? null,
  }));
}

export interface PipelineStage {
  stage: Stage;
  count: number;
  /** Σ deal amount of those leads (0 before a deal exists). */
  amount: number;
}

/**
 * The leads a rep holds today in sales' stages (open: SAL, SQL, OPPORTUNITY; closed: WON, LOST), per stage in funnel
 * order, stages they hold none in left out. One index range on Lead (ownerId, stage).
 */
export async function myPipeline(ownerId: string): Promise<PipelineStage[]> {
  const rows = await db().$queryRaw<PipelineStage[]>(sql`
    SELECT l.stage, count(*)::int AS count, coalesce(sum(l.amount), 0)::float8 AS amount
    FROM "Lead" l WHERE l."ownerId" = ${ownerId} AND l.stage IN ('SAL', 'SQL', 'OPPORTUNITY', 'WON', 'LOST') GROUP BY 1`);
  return ALL_STAGES.flatMap((stage) => rows.filter((row) => row.stage === stage));
}

export interface RepFigures {
  current: HandoverFigures;
  comparison: Record<"handedOver" | "acceptanceRate" | "slaCompliance" | "medianSpeedMs", Comparison>;
}

/** One rep's acceptance, SLA and speed to lead over the period, against the period before. */
export async function repFigures(repId: string, period: Period, now = new Date()): Promise<RepFigures> {
  const filter = { period, repId };
  const [current, before] = await Promise.all([handoverFigures(filter, period, now), handoverFigures(filter, previousPeriod(period), now)]);
  const pick = (figures: HandoverFigures) => ({
    handedOver: figures.acceptance.handedOver,
    acceptanceRate: figures.acceptance.acceptanceRate,
    slaCompliance: figures.sla.compliance,
    medianSpeedMs: figures.speed.medianMs,
  });
  return { current, comparison: compareAll(pick(current), pick(before)) };
}

export interface FilterOption {
  value: string;
  label: string;
}

/** Every rep who can appear in the figures, those who left included (their past work stays theirs). */
export async function repOptions(): Promise<FilterOption[]> {
  const reps = await db().user.findMany({ where: { role: "SALES_REP" }, orderBy: { name: "asc" }, select: { id: true, name: true, active: true } });
  return reps.map((rep) => ({ value: rep.id, label: rep.active ? rep.name : `${rep.name} (left)` }));
}

/** Every campaign, newest first, after "No campaign". */
export async function campaignOptions(): Promise<FilterOption[]> {
  const campaigns = await db().campaign.findMany({ orderBy: [{ startsAt: "desc" }, { name: "asc" }], select: { id: true, name: true } });
  return [{ value: "none", label: "No campaign" }, ...campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }))];
}
