// Keeps FunnelRollup exact, one stage change at a time, inside the transaction that makes the change. The same
// definition, computed from scratch over the whole history, is `rebuildFunnelRollup` below; an integration test
// proves the two agree after any mix of changes.
//
// Definitions, for a lead's entry E into stage S at time t (a lead's changes are ordered by (at, id)):
//   entered(day, S, source, campaign, rep)  = number of entries into S on that day, with the lead's source and
//                                             campaign and the rep holding the lead after the entry ("" if none);
//   advanced(day, S, …)                     = of those entries, how many were followed by an entry into the next
//                                             stage of the main path before the lead entered S again;
//   amount(day, S, …)                       = the lead's amount, summed, for entries into OPPORTUNITY and WON;
//   cycleMs, cycles(day, WON, …)             = for entries into WON after an SAL: Σ (the entry's time − the lead's
//                                             latest entry into SAL before it) in ms, and how many such wins.
//
// FunnelSourceRollup (the same without rep and campaign) and HandoverRollup are kept by database triggers (migration
// dashboard_rollups); computeSourceRollup and computeHandoverRollup below define them for the same equality test.
import { Prisma, type Tx } from "../db/client";
import type { LeadSource, Stage } from "../db/enums";
import { previousOnPath } from "../funnel/rules";

const WITH_AMOUNT: readonly Stage[] = ["OPPORTUNITY", "WON"];

export interface FunnelEntry {
  changeId: string;
  leadId: string;
  stage: Stage;
  at: Date;
  repId: string | null;
  source: LeadSource;
  campaignId: string | null;
  amount: Prisma.Decimal | number | null;
}

interface Key {
  day: Date;
  stage: Stage;
  source: LeadSource;
  campaignId: string | null;
  repId: string | null;
}

interface Delta {
  entered: number;
  advanced: number;
  amount: Prisma.Decimal | number;
  cycleMs?: number | bigint;
  cycles?: number;
}

async function bump(tx: Tx, key: Key, delta: Delta) {
  await tx.$executeRaw`
    INSERT INTO "FunnelRollup" (day, stage, source, "campaignId", "repId", entered, advanced, amount, "cycleMs", cycles)
    VALUES ((${key.day}::timestamptz AT TIME ZONE 'UTC')::date, ${key.stage}::"Stage", ${key.source}::"LeadSource",
            ${key.campaignId ?? ""}, ${key.repId ?? ""}, ${delta.entered}, ${delta.advanced}, ${delta.amount}::numeric,
            ${delta.cycleMs ?? 0}::bigint, ${delta.cycles ?? 0})
    ON CONFLICT (day, stage, source, "campaignId", "repId") DO UPDATE SET
      entered = "FunnelRollup".entered + EXCLUDED.entered,
      advanced = "FunnelRollup".advanced + EXCLUDED.advanced,
      amount = "FunnelRollup".amount + EXCLUDED.amount,
      "cycleMs" = "FunnelRollup"."cycleMs" + EXCLUDED."cycleMs",
      cycles = "FunnelRollup".cycles + EXCLUDED.cycles`;
}

/** For an entry into WON: ms since the lead's latest SAL before it, or null when it never was an SAL. */
async function cycleOf(tx: Tx, entry: FunnelEntry): Promise<number | null> {
  const [row] = await tx.$queryRaw<{ ms: number | null }[]>`
    SELECT (extract(epoch FROM (${entry.at}::timestamptz AT TIME ZONE 'UTC') - max(s.at)) * 1000)::float8 AS ms FROM "StageChange" s
    WHERE s."leadId" = ${entry.leadId} AND s."toStage" = 'SAL' AND (s.at, s.id) < ((${entry.at}::timestamptz AT TIME ZONE 'UTC'), ${entry.changeId})`;
  return row?.ms ?? null;
}

/** Adds one stage change, already written to StageChange, to the rollup. */
export async function recordFunnelEntry(tx: Tx, entry: FunnelEntry): Promise<void> {
  const amount = WITH_AMOUNT.includes(entry.stage) ? (entry.amount ?? 0) : 0;
  const key = { day: entry.at, stage: entry.stage, source: entry.source, campaignId: entry.campaignId, repId: entry.repId };
  const cycle = entry.stage === "WON" ? await cycleOf(tx, entry) : null;
  await bump(tx, key, { entered: 1, advanced: 0, amount, ...(cycle !== null && { cycleMs: Math.round(cycle), cycles: 1 }) });

  const previous = previousOnPath(entry.stage);
  if (!previous) return;
  // The lead's latest entry into the previous stage, if this is its first move onward since that entry.
  const [cohort] = await tx.$queryRaw<{ at: Date; repId: string | null }[]>`
    SELECT e.at, e."repId" FROM "StageChange" e
    WHERE e."leadId" = ${entry.leadId} AND e."toStage" = ${previous}::"Stage" AND (e.at, e.id) < ((${entry.at}::timestamptz AT TIME ZONE 'UTC'), ${entry.changeId})
      AND NOT EXISTS (
        SELECT 1 FROM "StageChange" n
        WHERE n."leadId" = e."leadId" AND n."toStage" = ${entry.stage}::"Stage"
          AND (n.at, n.id) > (e.at, e.id) AND (n.at, n.id) < ((${entry.at}::timestamptz AT TIME ZONE 'UTC'), ${entry.changeId}))
    ORDER BY e.at DESC, e.id DESC LIMIT 1`;
  if (!cohort) return;
  await bump(tx, { day: cohort.at, stage: previous, source: entry.source, campaignId: entry.campaignId, repId: cohort.repId }, { entered: 0, advanced: 1, amount: 0 });
}

/**
 * A lead's campaign changed: its whole history moves from the old campaign's rows to the new one's, so that every
 * figure filtered by campaign stays what a recomputation from today's data gives.
 */
export async function moveLeadCampaign(tx: Tx, leadId: string, from: string | null, to: string | null): Promise<void> {
  if ((from ?? "") === (to ?? "")) return;
  const rows = await tx.$queryRaw<
    { day: Date; stage: Stage; source: LeadSource; repId: string; entered: number; advanced: number; amount: string; cycleMs: string; cycles: number }[]
  >(
    Prisma.sql`SELECT day, stage, source, "repId", entered::int AS entered, advanced::int AS advanced, amount::text AS amount,
                      "cycleMs"::text AS "cycleMs", cycles::int AS cycles
               FROM (${contributionsSql(Prisma.sql`sc."leadId" = ${leadId}`)}) c`,
  );
  for (const row of rows) {
    const key = { day: row.day, stage: row.stage, source: row.source, repId: row.repId };
    const cycleMs = BigInt(row.cycleMs);
    await bump(tx, { ...key, campaignId: from }, { entered: -row.entered, advanced: -row.advanced, amount: new Prisma.Decimal(row.amount).neg(), cycleMs: -cycleMs, cycles: -row.cycles });
    await bump(tx, { ...key, campaignId: to }, { entered: row.entered, advanced: row.advanced, amount: new Prisma.Decimal(row.amount), cycleMs, cycles: row.cycles });
  }
  await tx.$executeRaw`DELETE FROM "FunnelRollup" WHERE entered = 0 AND advanced = 0 AND amount = 0 AND "cycleMs" = 0 AND cycles = 0`;
}

/**
 * The rollup's definition as one query over the raw history, restricted by `where` on StageChange sc, which must keep
 * or drop each lead's changes as a whole (every caller passes `true` or one lead).
 *
 * "Followed by an entry into the next stage before the lead entered S again" is read off each lead's changes in order:
 * numbered from the lead's last change backwards (rpos = 1 for the last), the nearest later entry into a stage X is the
 * one with the largest rpos below the entry's own, i.e. the max over the rows before it in that order. The entry
 * advanced when the nearest later entry into the next stage exists and comes before the nearest later entry into S.
 * Two window passes over the history sorted once, instead of two index probes per entry.
 */
function contributionsSql(where: Prisma.Sql) {
  const nearest = (stage: Stage) =>
    Prisma.sql`max(e.rpos) FILTER (WHERE e.stage = ${Prisma.raw(`'${stage}'`)}) OVER (PARTITION BY e."leadId" ORDER BY e.at DESC, e.id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`;
  return Prisma.sql`
    WITH entries AS (
      SELECT sc.id, sc."leadId", sc."toStage" AS stage, sc.at, sc."repId", l.source, COALESCE(l."campaignId", '') AS "campaignId", l.amount,
             row_number() OVER (PARTITION BY sc."leadId" ORDER BY sc.at DESC, sc.id DESC) AS rpos,
             max(sc.at) FILTER (WHERE sc."toStage" = 'SAL')
               OVER (PARTITION BY sc."leadId" ORDER BY sc.at, sc.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS "lastSal"
      FROM "StageChange" sc JOIN "Lead" l ON l.id = sc."leadId"
      WHERE ${where}
    ),
    later AS (
      SELECT e.*,
             ${nearest("INQUIRY")} AS "nextInquiry", ${nearest("MQL")} AS "nextMql", ${nearest("SAL")} AS "nextSal",
             ${nearest("SQL")} AS "nextSql", ${nearest("OPPORTUNITY")} AS "nextOpportunity", ${nearest("WON")} AS "nextWon"
      FROM entries e
    ),
    flagged AS (
      SELECT l.*,
             CASE l.stage WHEN 'INQUIRY' THEN l."nextMql" > coalesce(l."nextInquiry", 0)
                          WHEN 'MQL' THEN l."nextSal" > coalesce(l."nextMql", 0)
                          WHEN 'SAL' THEN l."nextSql" > coalesce(l."nextSal", 0)
                          WHEN 'SQL' THEN l."nextOpportunity" > coalesce(l."nextSql", 0)
                          WHEN 'OPPORTUNITY' THEN l."nextWon" > coalesce(l."nextOpportunity", 0)
                          ELSE false END AS advanced
      FROM later l
    )
    SELECT e.at::date AS day, e.stage, e.source, e."campaignId", COALESCE(e."repId", '') AS "repId",
           count(*) AS entered,
           count(*) FILTER (WHERE e.advanced) AS advanced,
           COALESCE(sum(e.amount) FILTER (WHERE e.stage IN ('OPPORTUNITY', 'WON')), 0) AS amount,
           COALESCE(sum((extract(epoch FROM e.at - e."lastSal") * 1000)::bigint) FILTER (WHERE e.stage = 'WON'), 0) AS "cycleMs",
           count(e."lastSal") FILTER (WHERE e.stage = 'WON') AS cycles
    FROM flagged e
    GROUP BY 1, 2, 3, 4, 5`;
}

/** Recomputes the whole rollup from the history (demo data, benchmarks); the triggers carry it into FunnelSourceRollup. */
export async function rebuildFunnelRollup(tx: Tx): Promise<void> {
  await tx.$executeRaw`DELETE FROM "FunnelRollup"`;
  await tx.$executeRaw(
    // In key order, so that a period's rows sit together on disk, as they do in a rollup that grew day by day.
    Prisma.sql`INSERT INTO "FunnelRollup" (day, stage, source, "campaignId", "repId", entered, advanced, amount, "cycleMs", cycles) ${contributionsSql(Prisma.sql`true`)} ORDER BY 1, 2, 3, 4, 5`,
  );
  await tx.$executeRaw`DELETE FROM "FunnelSourceRollup" WHERE entered = 0 AND advanced = 0 AND amount = 0 AND "cycleMs" = 0 AND cycles = 0`;
  await tx.$executeRaw`DELETE FROM "FunnelSourceWeekly" WHERE entered = 0 AND advanced = 0 AND amount = 0 AND "cycleMs" = 0 AND cycles = 0`;
}

/** Daily rows, or the same summed by ISO week (the weekly tables; a week is named by its Monday). */
export type Grain = "day" | "week";
const bucketOf = (grain: Grain, day: Prisma.Sql) => (grain === "day" ? day : sql`date_trunc('week', ${day})::date`);

// Comparisons (the equality tests): each rollup as stored, and as recomputed from the raw history, as rows of text
// and whole numbers in a stable order, rows that count nothing left out.

const sql = Prisma.sql;
const COUNTS = sql`entered::int AS entered, advanced::int AS advanced, amount::numeric(16,2)::text AS amount, "cycleMs"::text AS "cycleMs", cycles::int AS cycles`;
const COUNTED = sql`(entered <> 0 OR advanced <> 0 OR amount <> 0 OR "cycleMs" <> 0 OR cycles <> 0)`;

export interface RollupRow {
  day: string;
  stage: Stage;
  source: LeadSource;
  campaignId: string;
  repId: string;
  entered: number;
  advanced: number;
  amount: string;
  cycleMs: string;
  cycles: number;
}

const ROW_COLUMNS = sql`to_char(day, 'YYYY-MM-DD') AS day, stage, source, "campaignId", "repId", ${COUNTS}`;

/** The stored rollup. */
export function readFunnelRollup(tx: Tx): Promise<RollupRow[]> {
  return tx.$queryRaw<RollupRow[]>(sql`SELECT ${ROW_COLUMNS} FROM "FunnelRollup" WHERE ${COUNTED} ORDER BY 1, 2, 3, 4, 5`);
}

/** The rollup recomputed from the history, without writing it. */
export function computeFunnelRollup(tx: Tx): Promise<RollupRow[]> {
  return tx.$queryRaw<RollupRow[]>(sql`SELECT ${ROW_COLUMNS} FROM (${contributionsSql(sql`true`)}) c WHERE ${COUNTED} ORDER BY 1, 2, 3, 4, 5`);
}

export type SourceRollupRow = Omit<RollupRow, "campaignId" | "repId"> & { influenced: boolean };

/** The stored FunnelSourceRollup (day) or FunnelSourceWeekly (week). */
export function readSourceRollup(tx: Tx, grain: Grain = "day"): Promise<SourceRollupRow[]> {
  const table = grain === "day" ? sql`(SELECT * FROM "FunnelSourceRollup") t` : sql`(SELECT week AS day, * FROM "FunnelSourceWeekly") t`;
  return tx.$queryRaw<SourceRollupRow[]>(
    sql`SELECT to_char(day, 'YYYY-MM-DD') AS day, stage, source, influenced, ${COUNTS} FROM ${table} WHERE ${COUNTED} ORDER BY 1, 2, 3, 4`,
  );
}

/** FunnelSourceRollup (or its weekly sums) recomputed from the history: the rollup's definition, rep and campaign summed away. */
export function computeSourceRollup(tx: Tx, grain: Grain = "day"): Promise<SourceRollupRow[]> {
  return tx.$queryRaw<SourceRollupRow[]>(sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, stage, source, influenced, ${COUNTS}
    FROM (SELECT ${bucketOf(grain, sql`day`)} AS day, stage, source, "campaignId" <> '' AS influenced, sum(entered) AS entered, sum(advanced) AS advanced, sum(amount) AS amount,
                 sum("cycleMs") AS "cycleMs", sum(cycles) AS cycles
          FROM (${contributionsSql(sql`true`)}) c GROUP BY 1, 2, 3, 4) g
    WHERE ${COUNTED} ORDER BY 1, 2, 3, 4`);
}

export interface HandoverRollupRow {
  day: string;
  source: LeadSource;
  influenced: boolean;
  status: string;
  reasonCode: string;
  reasonLabel: string;
  handovers: number;
  answeredInTime: number;
  answeredLate: number;
  unansweredClosed: number;
  upheld: number;
  reassigned: number;
}

const HANDOVER_COUNTS = sql`handovers::int AS handovers, "answeredInTime"::int AS "answeredInTime", "answeredLate"::int AS "answeredLate",
  "unansweredClosed"::int AS "unansweredClosed", upheld::int AS upheld, reassigned::int AS reassigned`;

/** The stored HandoverRollup (day) or HandoverWeekly (week). */
export function readHandoverRollup(tx: Tx, grain: Grain = "day"): Promise<HandoverRollupRow[]> {
  const table = grain === "day" ? sql`(SELECT * FROM "HandoverRollup") t` : sql`(SELECT week AS day, * FROM "HandoverWeekly") t`;
  return tx.$queryRaw<HandoverRollupRow[]>(sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, source, influenced, status::text AS status, "reasonCode", "reasonLabel", ${HANDOVER_COUNTS}
    FROM ${table} WHERE handovers <> 0 OR "answeredInTime" <> 0 OR "answeredLate" <> 0 OR "unansweredClosed" <> 0 OR upheld <> 0 OR reassigned <> 0
    ORDER BY 1, 2, 3, 4, 5, 6`);
}

/** HandoverRollup recomputed from the handovers and their leads (not from the copies of source and campaign). */
export function computeHandoverRollup(tx: Tx, grain: Grain = "day"): Promise<HandoverRollupRow[]> {
  return tx.$queryRaw<HandoverRollupRow[]>(sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, source, influenced, status, "reasonCode", "reasonLabel", ${HANDOVER_COUNTS}
    FROM (SELECT ${bucketOf(grain, sql`h."createdAt"::date`)} AS day, l.source, l."campaignId" IS NOT NULL AS influenced, h.status::text AS status,
                 coalesce(h."reasonCode", '') AS "reasonCode", coalesce(h."reasonLabel", '') AS "reasonLabel", count(*) AS handovers,
                 count(*) FILTER (WHERE h."respondedAt" IS NOT NULL AND h."respondedAt" <= h."dueAt") AS "answeredInTime",
                 count(*) FILTER (WHERE h."respondedAt" IS NOT NULL AND h."respondedAt" > h."dueAt") AS "answeredLate",
                 count(*) FILTER (WHERE h."respondedAt" IS NULL AND h.status <> 'PENDING') AS "unansweredClosed",
                 count(*) FILTER (WHERE h.resolution = 'UPHELD') AS upheld, count(*) FILTER (WHERE h.resolution = 'REASSIGNED') AS reassigned
          FROM "Handover" h JOIN "Lead" l ON l.id = h."leadId" GROUP BY 1, 2, 3, 4, 5, 6) g
    ORDER BY 1, 2, 3, 4, 5, 6`);
}

export interface SpeedRollupRow {
  day: string;
  source: LeadSource;
  influenced: boolean;
  band: number;
  handovers: number;
}

/** The stored HandoverSpeedRollup (day) or HandoverSpeedWeekly (week). */
export function readSpeedRollup(tx: Tx, grain: Grain = "day"): Promise<SpeedRollupRow[]> {
  const table = grain === "day" ? sql`(SELECT * FROM "HandoverSpeedRollup") t` : sql`(SELECT week AS day, * FROM "HandoverSpeedWeekly") t`;
  return tx.$queryRaw<SpeedRollupRow[]>(sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, source, influenced, band, handovers::int AS handovers FROM ${table}
    WHERE handovers <> 0 ORDER BY 1, 2, 3, 4`);
}

/** The speed bands recomputed from the touched handovers and their leads, with the bands' edges given in ms. */
export function computeSpeedRollup(tx: Tx, edgesMs: readonly number[], grain: Grain = "day"): Promise<SpeedRollupRow[]> {
  const edges = sql`${edgesMs.map((ms) => `${ms} milliseconds`)}::interval[]`;
  return tx.$queryRaw<SpeedRollupRow[]>(sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, source, influenced, band, handovers::int AS handovers
    FROM (SELECT ${bucketOf(grain, sql`h."createdAt"::date`)} AS day, l.source, l."campaignId" IS NOT NULL AS influenced,
                 width_bucket(h."firstTouchAt" - h."createdAt", ${edges}) AS band, count(*) AS handovers
          FROM "Handover" h JOIN "Lead" l ON l.id = h."leadId"
          WHERE h."firstTouchAt" IS NOT NULL AND h.status <> 'REASSIGNED' GROUP BY 1, 2, 3, 4) g
    ORDER BY 1, 2, 3, 4`);
}

type CountRow = Omit<Key, "day"> & { day: Date; entered: number; advanced: number };

/** Where the batch path says that it counts its own new leads in "LeadCount" (migration lead_counts_by_batch). */
const COUNTED_BY_CALLER = "tandem.lead_counts_by_caller";

/**
 * Before a batch's lead insert: its new leads are counted by countBatchArrivals later in the transaction, not by the
 * trigger at the insert, so that the shared count rows are locked only for the end of the transaction.
 */
export async function deferBatchLeadCounts(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT set_config(${COUNTED_BY_CALLER}, 'on', true)`;
}

/**
 * A batch's new leads counted, in one statement: per stage and source in "LeadCount" (what the trigger would have
 * added at the insert; deferBatchLeadCounts), then the funnel entries, adding exactly what `bump` would add one entry
 * at a time (INQUIRY and MQL entries only: no amounts or cycles). The lead counts are locked before the funnel's rows,
 * both in key order, as every path that adds leads locks them (lib/leads/arrival.ts), so that writers never wait on
 * each other in a circle. Clears the deferral, so that any lead written later in the transaction is counted by the
 * trigger again.
 */
export async function countBatchArrivals(tx: Tx, leads: readonly { stage: Stage; source: LeadSource }[], entries: readonly CountRow[]): Promise<void> {
  const perStage = new Map<string, { stage: Stage; source: LeadSource; leads: number }>();
  for (const lead of leads) {
    const id = `${lead.stage}\u0000${lead.source}`;
    const current = perStage.get(id) ?? { stage: lead.stage, source: lead.source, leads: 0 };
    current.leads += 1;
    perStage.set(id, current);
  }
  const stages = [...perStage.values()];
  // Same-key entries are summed first: one INSERT … ON CONFLICT may not touch a row twice.
  const summed = new Map<string, { day: string; stage: Stage; source: LeadSource; campaignId: string; repId: string; entered: number; advanced: number }>();
  for (const row of entries) {
    const day = row.day.toISOString().slice(0, 10);
    const id = [day, row.stage, row.source, row.campaignId ?? "", row.repId ?? ""].join("\u0000");
    const current = summed.get(id) ?? { day, stage: row.stage, source: row.source, campaignId: row.campaignId ?? "", repId: row.repId ?? "", entered: 0, advanced: 0 };
    current.entered += row.entered;
    current.advanced += row.advanced;
    summed.set(id, current);
  }
  const funnel = [...summed.values()];
  await tx.$executeRaw`
    WITH counted AS (
      INSERT INTO "LeadCount" AS c (stage, source, leads)
      SELECT t.stage::"Stage", t.source::"LeadSource", t.leads
      FROM unnest(${stages.map((row) => row.stage)}::text[], ${stages.map((row) => row.source)}::text[], ${stages.map((row) => row.leads)}::int[]) AS t(stage, source, leads)
      ORDER BY 1, 2
      ON CONFLICT (stage, source) DO UPDATE SET leads = c.leads + EXCLUDED.leads
      RETURNING 1
    ),
    funnelled AS (
      INSERT INTO "FunnelRollup" AS r (day, stage, source, "campaignId", "repId", entered, advanced)
      SELECT t.day::date, t.stage::"Stage", t.source::"LeadSource", t.campaign, t.rep, t.entered, t.advanced
      FROM unnest(${funnel.map((row) => row.day)}::text[], ${funnel.map((row) => row.stage)}::text[], ${funnel.map((row) => row.source)}::text[],
                  ${funnel.map((row) => row.campaignId)}::text[], ${funnel.map((row) => row.repId)}::text[], ${funnel.map((row) => row.entered)}::int[],
                  ${funnel.map((row) => row.advanced)}::int[]) AS t(day, stage, source, campaign, rep, entered, advanced)
      -- Referenced, so that the lead counts are written (and locked) before the first funnel row.
      WHERE (SELECT count(*) FROM counted) >= 0
      ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (day, stage, source, "campaignId", "repId") DO UPDATE SET entered = r.entered + EXCLUDED.entered, advanced = r.advanced + EXCLUDED.advanced
      RETURNING 1
    )
    -- One row whatever was written, so the deferral is always cleared.
    SELECT set_config(${COUNTED_BY_CALLER}, 'off', true) FROM (SELECT count(*) FROM funnelled) f`;
}
