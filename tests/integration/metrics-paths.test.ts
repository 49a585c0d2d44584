// The dashboards read different tables depending on the filter (the coarse rollups, or the fine rollup and the
// handovers' own indexes when a rep or one campaign is chosen; speed to lead counted by the database). Whatever the
// path, the figures must be what the pure formulas give on the raw rows: this recomputes them in JavaScript from the
// handovers and stage changes of the demo workspace, for every kind of filter, and compares.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { LeadSource } from "@/lib/db/enums";
import { seedDemoData } from "@/lib/seed/demo-data";
import { handoverFigures, pipelineFigures, rollupTotals, type MetricsFilter } from "@/lib/metrics/queries";
import { speedBandEdges } from "@/lib/metrics/speed-query";
import {
  disputeSummary,
  isMarketingSource,
  mqlAcceptance,
  rejectionReasons,
  rejectionTrend,
  resolvePeriod,
  salesCycleDays,
  slaCompliance,
  speedToLead,
  type HandoverStatusCounts,
} from "@/lib/metrics/rules";

const now = new Date("2026-11-22T00:00:00Z");

interface RawHandover {
  status: string;
  createdAt: Date;
  dueAt: Date;
  respondedAt: Date | null;
  firstTouchAt: Date | null;
  reasonCode: string | null;
  reasonLabel: string | null;
  resolution: string | null;
  toUserId: string;
  source: LeadSource;
  campaignId: string | null;
}

function matches(filter: MetricsFilter, row: { source: LeadSource; campaignId: string | null; repId?: string | null }): boolean {
  if (filter.source && row.source !== filter.source) return false;
  if (filter.team && isMarketingSource(row.source) !== (filter.team === "marketing")) return false;
  if (filter.campaignId && (row.campaignId ?? "none") !== filter.campaignId) return false;
  if (filter.repId && row.repId !== filter.repId) return false;
  return true;
}

/** handoverFigures, the obvious way: every handover of the period and its lead, counted in JavaScript. */
function expectedHandoverFigures(rows: RawHandover[], filter: MetricsFilter) {
  const { period } = filter;
  const scoped = rows.filter(
    (row) => row.createdAt >= period.from && row.createdAt < period.to && row.status !== "REASSIGNED" && matches(filter, { ...row, repId: row.toUserId }),
  );
  const counts: HandoverStatusCounts = {};
  for (const row of scoped) counts[row.status as keyof HandoverStatusCounts] = (counts[row.status as keyof HandoverStatusCounts] ?? 0) + 1;
  const reasons = new Map<string, { code: string; label: string; count: number }>();
  for (const row of scoped.filter((candidate) => candidate.reasonCode !== null)) {
    const entry = reasons.get(row.reasonCode!) ?? { code: row.reasonCode!, label: row.reasonLabel!, count: 0 };
    entry.count += 1;
    if (row.reasonLabel! < entry.label) entry.label = row.reasonLabel!;
    reasons.set(row.reasonCode!, entry);
  }
  const rejectedDays = new Map<string, number>();
  for (const row of scoped.filter((candidate) => candidate.status === "REJECTED" || candidate.status === "DISPUTED")) {
    const day = row.createdAt.toISOString().slice(0, 10);
    rejectedDays.set(day, (rejectedDays.get(day) ?? 0) + 1);
  }
  const answered = scoped.filter((row) => row.respondedAt !== null);
  const unanswered = scoped.filter((row) => row.respondedAt === null);
  return {
    acceptance: mqlAcceptance(counts),
    reasons: rejectionReasons([...reasons.values()]),
    rejectionsByWeek: rejectionTrend([...rejectedDays].map(([day, count]) => ({ day, count })), period),
    speed: speedToLead(scoped.filter((row) => row.firstTouchAt !== null).map((row) => row.firstTouchAt!.getTime() - row.createdAt.getTime())),
    sla: slaCompliance({
      answeredInTime: answered.filter((row) => row.respondedAt! <= row.dueAt).length,
      answeredLate: answered.filter((row) => row.respondedAt! > row.dueAt).length,
      pendingOverdue: unanswered.filter((row) => row.status === "PENDING" && row.dueAt < now).length,
      pendingInTime: unanswered.filter((row) => row.status !== "PENDING" || row.dueAt >= now).length,
    }),
    disputes: disputeSummary(counts, {
      upheld: scoped.filter((row) => row.resolution === "UPHELD").length,
      reassigned: scoped.filter((row) => row.resolution === "REASSIGNED").length,
    }),
  };
}

describe("dashboard figures on every read path", () => {
  let handovers: RawHandover[];
  let filters: [string, Omit<MetricsFilter, "period">][];

  beforeAll(async () => {
    await seedDemoData(db(), { now, passwordHash: "unused" });
    // Source and campaign from the lead itself, not from the handover's copies the fast paths read.
    handovers = await db().$queryRaw<RawHandover[]>`
      SELECT h.status::text AS status, h."createdAt", h."dueAt", h."respondedAt", h."firstTouchAt", h."reasonCode", h."reasonLabel", h.resolution,
             h."toUserId", l.source, l."campaignId"
      FROM "Handover" h JOIN "Lead" l ON l.id = h."leadId"`;
    const [busiest] = await db().$queryRaw<{ campaignId: string; repId: string }[]>`
      SELECT (SELECT "campaignId" FROM "Lead" WHERE "campaignId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS "campaignId",
             (SELECT "toUserId" FROM "Handover" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS "repId"`;
    filters = [
      ["no filter", {}],
      ["team marketing", { team: "marketing" }],
      ["team sales", { team: "sales" }],
      ["source WEBINAR", { source: "WEBINAR" }],
      ["no campaign", { campaignId: "none" }],
      ["one campaign", { campaignId: busiest!.campaignId }],
      ["one rep", { repId: busiest!.repId }],
      ["rep and source", { repId: busiest!.repId, source: "WEBINAR" }],
    ];
  }, 60_000);

  it("gives the handover figures the raw handovers give, for every filter and period", async () => {
    let measured = 0;
    for (const kind of ["30d", "90d", "year"] as const) {
      const period = resolvePeriod(kind, now);
      for (const [label, narrowing] of filters) {
        const filter = { period, ...narrowing };
        const figures = await handoverFigures(filter, period, now);
        expect([kind, label, figures]).toEqual([kind, label, expectedHandoverFigures(handovers, filter)]);
        measured += figures.speed.count;
      }
    }
    // The comparison covered real numbers, not empty periods.
    expect(measured).toBeGreaterThan(500);
  });

  it("gives the stage entries, amounts and sales cycle the raw history gives, for every filter", async () => {
    const period = resolvePeriod("year", now);
    const changes = await db().$queryRaw<{ stage: string; at: Date; repId: string | null; source: LeadSource; campaignId: string | null; amount: number | null; lastSal: Date | null }[]>`
      SELECT sc."toStage"::text AS stage, sc.at, sc."repId", l.source, l."campaignId", l.amount::float8 AS amount,
             (SELECT max(x.at) FROM "StageChange" x WHERE x."leadId" = sc."leadId" AND x."toStage" = 'SAL' AND (x.at, x.id) < (sc.at, sc.id)) AS "lastSal"
      FROM "StageChange" sc JOIN "Lead" l ON l.id = sc."leadId"
      WHERE sc.at >= ${period.from} AND sc.at < ${period.to}`;
    for (const [label, narrowing] of filters) {
      const filter = { period, ...narrowing };
      const scoped = changes.filter((change) => matches(filter, change));
      const totals = await rollupTotals(filter);
      for (const stage of ["INQUIRY", "MQL", "SAL", "SQL", "OPPORTUNITY", "WON", "LOST"]) {
        const entries = scoped.filter((change) => change.stage === stage);
        const row = totals.byStage.find((candidate) => candidate.stage === stage);
        expect([label, stage, row?.entered ?? 0]).toEqual([label, stage, entries.length]);
        if (stage === "OPPORTUNITY" || stage === "WON") {
          expect(row?.amount ?? 0).toBeCloseTo(entries.reduce((sum, change) => sum + (change.amount ?? 0), 0), 2);
        }
      }
      const wins = scoped.filter((change) => change.stage === "WON" && change.lastSal !== null);
      const cycleMs = wins.reduce((sum, change) => sum + (change.at.getTime() - change.lastSal!.getTime()), 0);
      const pipeline = await pipelineFigures(filter);
      expect([label, pipeline.performance.salesCycleDays]).toEqual([label, salesCycleDays(cycleMs, wins.length)]);
    }
    expect(changes.filter((change) => change.stage === "WON" && change.lastSal !== null).length).toBeGreaterThan(10);
  });
});

describe("speed-to-lead bands", () => {
  it("are the same in the database function as in the code", async () => {
    const edges = speedBandEdges();
    const rows = await db().$queryRaw<{ below: number; at: number }[]>`
      SELECT tandem_speed_band((e - 1) * interval '1 millisecond') AS below, tandem_speed_band(e * interval '1 millisecond') AS at
      FROM unnest(${edges}::bigint[]) WITH ORDINALITY AS x(e, i) ORDER BY i`;
    expect(rows.map((row) => [row.below, row.at])).toEqual(edges.map((_, index) => [index, index + 1]));
  });
});
