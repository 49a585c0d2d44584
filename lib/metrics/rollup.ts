// Keeps FunnelRollup exact, one stage change at a time, inside the transaction that makes the change. The same
// definition, computed from scratch over the whole history, is `rebuildFunnelRollup` below; an integration test
// proves the two agree after any mix of changes.
//
// Definitions, for a lead's entry E into stage S at time t (a lead's changes are ordered by (at, id)):
//   entered(day, S, source, campaign, rep)  = number of entries into S on that day, with the lead's source and
//                                             campaign and the rep holding the lead after the entry ("" if none);
//   advanced(day, S, …)                     = of those entries, how many were followed by an entry into the next
//                                             stage of the main path before the lead entered S again;
//   amount(day, S, …)                       = the lead's amount, summed, for entries into OPPORTUNITY and WON.
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

async function bump(tx: Tx, key: Key, delta: { entered: number; advanced: number; amount: Prisma.Decimal | number }) {
  await tx.$executeRaw`
    INSERT INTO "FunnelRollup" (day, stage, source, "campaignId", "repId", entered, advanced, amount)
    VALUES ((${key.day}::timestamptz AT TIME ZONE 'UTC')::date, ${key.stage}::"Stage", ${key.source}::"LeadSource",
            ${key.campaignId ?? ""}, ${key.repId ?? ""}, ${delta.entered}, ${delta.advanced}, ${delta.amount}::numeric)
    ON CONFLICT (day, stage, source, "campaignId", "repId") DO UPDATE SET
      entered = "FunnelRollup".entered + EXCLUDED.entered,
      advanced = "FunnelRollup".advanced + EXCLUDED.advanced,
      amount = "FunnelRollup".amount + EXCLUDED.amount`;
}

/** Adds one stage change, already written to StageChange, to the rollup. */
export async function recordFunnelEntry(tx: Tx, entry: FunnelEntry): Promise<void> {
  const amount = WITH_AMOUNT.includes(entry.stage) ? (entry.amount ?? 0) : 0;
  const key = { day: entry.at, stage: entry.stage, source: entry.source, campaignId: entry.campaignId, repId: entry.repId };
  await bump(tx, key, { entered: 1, advanced: 0, amount });

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
  const rows = await tx.$queryRaw<{ day: Date; stage: Stage; source: LeadSource; repId: string; entered: number; advanced: number; amount: string }[]>(
    Prisma.sql`SELECT day, stage, source, "repId", entered::int AS entered, advanced::int AS advanced, amount::text AS amount
               FROM (${contributionsSql(Prisma.sql`sc."leadId" = ${leadId}`)}) c`,
  );
  for (const row of rows) {
    const key = { day: row.day, stage: row.stage, source: row.source, repId: row.repId };
    await bump(tx, { ...key, campaignId: from }, { entered: -row.entered, advanced: -row.advanced, amount: new Prisma.Decimal(row.amount).neg() });
    await bump(tx, { ...key, campaignId: to }, { entered: row.entered, advanced: row.advanced, amount: new Prisma.Decimal(row.amount) });
  }
  await tx.$executeRaw`DELETE FROM "FunnelRollup" WHERE entered = 0 AND advanced = 0 AND amount = 0`;
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
             row_number() OVER (PARTITION BY sc."leadId" ORDER BY sc.at DESC, sc.id DESC) AS rpos
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
           COALESCE(sum(e.amount) FILTER (WHERE e.stage IN ('OPPORTUNITY', 'WON')), 0) AS amount
    FROM flagged e
    GROUP BY 1, 2, 3, 4, 5`;
}

/** Recomputes the whole rollup from the history (demo data, benchmarks). */
export async function rebuildFunnelRollup(tx: Tx): Promise<void> {
  await tx.$executeRaw`DELETE FROM "FunnelRollup"`;
  await tx.$executeRaw(
    // In key order, so that a period's rows sit together on disk, as they do in a rollup that grew day by day.
    Prisma.sql`INSERT INTO "FunnelRollup" (day, stage, source, "campaignId", "repId", entered, advanced, amount) ${contributionsSql(Prisma.sql`true`)} ORDER BY 1, 2, 3, 4, 5`,
  );
}

export interface RollupRow {
  day: string;
  stage: Stage;
  source: LeadSource;
  campaignId: string;
  repId: string;
  entered: number;
  advanced: number;
  amount: string;
}

const ROW_COLUMNS = Prisma.sql`to_char(day, 'YYYY-MM-DD') AS day, stage, source, "campaignId", "repId", entered::int AS entered, advanced::int AS advanced, amount::numeric(16,2)::text AS amount`;

/** The stored rollup, in a stable order (for comparisons). */
export function readFunnelRollup(tx: Tx): Promise<RollupRow[]> {
  return tx.$queryRaw<RollupRow[]>(Prisma.sql`SELECT ${ROW_COLUMNS} FROM "FunnelRollup" WHERE entered <> 0 OR advanced <> 0 OR amount <> 0 ORDER BY 1, 2, 3, 4, 5`);
}

/** The rollup recomputed from the history, without writing it. */
export function computeFunnelRollup(tx: Tx): Promise<RollupRow[]> {
  return tx.$queryRaw<RollupRow[]>(Prisma.sql`SELECT ${ROW_COLUMNS} FROM (${contributionsSql(Prisma.sql`true`)}) c ORDER BY 1, 2, 3, 4, 5`);
}
