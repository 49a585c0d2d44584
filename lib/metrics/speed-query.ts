import "server-only";
// Speed to lead over a period's touched handovers, exact, without sorting a year of durations (a six-figure number of
// them). Two steps, both on indexes that hold only touched handovers:
//   1. count the period's durations per band (fine bands, growing by a quarter each, with the display buckets' edges
//      among them): from HandoverSpeedRollup/Weekly (kept by triggers) unless a rep or one campaign is chosen, else in
//      one pass over those handovers (index on createdAt);
//   2. for the median and the 95th percentile, the nearest rank (./speed) says which band holds the value and where
//      in it; that band alone is read in duration order (index on the duration) to the value itself.
// The result is the value percentile() would pick from the full sorted list; an integration test compares them.
import { db, Prisma } from "../db/client";
import { locateRank, nearestRank, speedFromSummary, SPEED_BUCKETS, type SpeedToLead } from "./rules";
import { dailyOrWeekly, handoverWhere, picksRepOrCampaign, teamSources, type MetricsFilter } from "./scope";
import type { Period } from "./rules";

const sql = Prisma.sql;
const SECOND_MS = 1000;
const LONGEST_BAND_MS = 90 * 24 * 3600 * SECOND_MS;

/**
 * Band edges in ms, ascending: from 1 s up by 25 % a step to 90 days, plus every display bucket's edge. The database
 * function tandem_speed_band (migration speed_bands) holds the same edges; an integration test compares them.
 */
export function speedBandEdges(): number[] {
  const edges = new Set<number>(SPEED_BUCKETS.flatMap((bucket) => (bucket.fromMs > 0 ? [bucket.fromMs] : [])));
  for (let edge = SECOND_MS; edge < LONGEST_BAND_MS; edge = Math.ceil(edge * 1.25)) edges.add(edge);
  return [...edges].sort((a, b) => a - b);
}

const EDGES = speedBandEdges();
const DURATION = sql`(h."firstTouchAt" - h."createdAt")`;

function touchedIn(filter: MetricsFilter, period: Period) {
  return sql`h."firstTouchAt" IS NOT NULL AND h."createdAt" >= ${period.from} AND h."createdAt" < ${period.to}
    AND h.status <> 'REASSIGNED' AND ${handoverWhere(filter)}`;
}

/** Band i holds durations in [EDGES[i - 1], EDGES[i]) (band 0: below the first edge; the last: from the last edge). */
function bandBounds(band: number): { from: number | null; to: number | null } {
  return { from: band === 0 ? null : EDGES[band - 1]!, to: band < EDGES.length ? EDGES[band]! : null };
}

async function valueAt(filter: MetricsFilter, period: Period, band: number, position: number): Promise<number> {
  const { from, to } = bandBounds(band);
  const [row] = await db().$queryRaw<{ ms: number }[]>(sql`
    SELECT (extract(epoch FROM ${DURATION}) * 1000)::float8 AS ms FROM "Handover" h
    WHERE ${touchedIn(filter, period)}
      ${from === null ? sql`` : sql`AND ${DURATION} >= ${`${from} milliseconds`}::interval`}
      ${to === null ? sql`` : sql`AND ${DURATION} < ${`${to} milliseconds`}::interval`}
    ORDER BY ${DURATION} OFFSET ${position - 1} LIMIT 1`);
  if (!row) throw new Error("A band counted a moment ago has fewer durations now.");
  return row.ms;
}

/** Step 1: the period's touched handovers per band. */
function bandCounts(filter: MetricsFilter, period: Period): Promise<{ band: number; count: number }[]> {
  if (picksRepOrCampaign(filter)) {
    return db().$queryRaw(sql`
      SELECT tandem_speed_band(${DURATION}) AS band, count(*)::int AS count FROM "Handover" h
      WHERE ${touchedIn(filter, period)} GROUP BY 1`);
  }
  const parts = [sql`true`];
  if (filter.source) parts.push(sql`r.source = ${filter.source}::"LeadSource"`);
  if (filter.team) parts.push(sql`r.source = ANY(${teamSources(filter.team)}::"LeadSource"[])`);
  if (filter.campaignId === "none") parts.push(sql`r.influenced = false`);
  return db().$queryRaw(sql`
    SELECT r.band, sum(r.handovers)::int AS count
    FROM ${dailyOrWeekly("HandoverSpeedRollup", "HandoverSpeedWeekly", "source, influenced, band, handovers", period)}
    WHERE ${Prisma.join(parts, " AND ")} GROUP BY 1 HAVING sum(r.handovers) <> 0`);
}

export async function speedFigures(filter: MetricsFilter, period: Period): Promise<SpeedToLead> {
  const rows = await bandCounts(filter, period);
  const counts = Array.from({ length: EDGES.length + 1 }, () => 0);
  for (const row of rows) counts[row.band] = row.count;
  const total = counts.reduce((sum, count) => sum + count, 0);
  const at = async (p: number) => {
    const rank = nearestRank(p, total);
    if (rank === null) return null;
    const { band, position } = locateRank(counts, rank);
    return valueAt(filter, period, band, position);
  };
  const [medianMs, p95Ms] = await Promise.all([at(50), at(95)]);
  // Every display bucket's edges are band edges, so each band falls in exactly one bucket.
  const bucketCounts = SPEED_BUCKETS.map((bucket) =>
    counts.reduce((sum, count, band) => {
      const { from } = bandBounds(band);
      const start = from ?? 0;
      return start >= bucket.fromMs && (bucket.toMs === null || start < bucket.toMs) ? sum + count : sum;
    }, 0),
  );
  return speedFromSummary({ count: total, medianMs, p95Ms, bucketCounts });
}
