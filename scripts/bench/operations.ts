// What the benchmark times: the app's own data loading for the CRO dashboard, the rep's home and the leads list, called
// exactly as the pages call them, plus plain SQL aggregates over the raw history as the reference.
import { db, Prisma } from "../../lib/db/client";
import type { LeadSource } from "../../lib/db/enums";
import type { CurrentUser } from "../../lib/auth/current-user";
import { revenueDashboard, type MetricsFilter } from "../../lib/metrics/queries";
import { resolvePeriod, type Period } from "../../lib/metrics/rules";
import { dailyOrWeekly } from "../../lib/metrics/scope";
import { countListedLeads, listLeadRows } from "../../lib/leads/queries";
import { leadListQuerySchema } from "../../lib/leads/schemas";
import { listMyQueue } from "../../lib/handovers/queries";
import { myPipeline, repFigures } from "../../lib/metrics/breakdowns";
import { BENCH_NOW } from "./generate";

export interface Operation {
  group: string;
  name: string;
  dataSize: string;
  targetMs: number | null;
  run: () => Promise<unknown>;
}

export const DASHBOARD_TARGET_MS = 150;
export const LEADS_LIST_TARGET_MS = 50;
/** Not set by the issue: the rep's home shows the rep's own figures, so it is held to the dashboards' target. */
export const REP_HOME_TARGET_MS = 150;

const PERIODS = ["30d", "90d", "year"] as const;

interface Context {
  cro: CurrentUser;
  rep: CurrentUser;
  source: LeadSource;
  campaign: { id: string; name: string };
  totals: { leads: number; changes: number };
  periods: Record<(typeof PERIODS)[number], { period: Period; changes: number; rollupRows: number; handovers: number }>;
}

const number = (value: number) => value.toLocaleString("en");

/** The filters' values, chosen from the data (the busiest of each), so every filter has plenty to aggregate. */
async function loadContext(): Promise<Context> {
  const user = (where: Prisma.UserWhereInput) =>
    db().user.findFirstOrThrow({ where, orderBy: { id: "asc" }, select: { id: true, email: true, name: true, role: true } });
  const cro = await user({ role: "CRO" });
  const [busiest] = await db().$queryRaw<{ id: string }[]>`
    SELECT h."toUserId" AS id FROM "Handover" h WHERE h.status = 'PENDING' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
  const rep = await user(busiest ? { id: busiest.id } : { role: "SALES_REP" });
  const ninetyDays = resolvePeriod("90d", BENCH_NOW);
  const [source] = await db().$queryRaw<{ source: LeadSource }[]>`
    SELECT source FROM "Lead" WHERE source NOT IN ('REFERRAL', 'OUTBOUND') GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
  const [campaign] = await db().$queryRaw<{ id: string; name: string }[]>`
    SELECT c.id, c.name FROM "Lead" l JOIN "Campaign" c ON c.id = l."campaignId"
    WHERE l."createdAt" >= ${ninetyDays.from} AND l."createdAt" < ${ninetyDays.to} GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1`;
  const [totals] = await db().$queryRaw<{ leads: number; changes: number }[]>`
    SELECT (SELECT count(*)::int FROM "Lead") AS leads, (SELECT count(*)::int FROM "StageChange") AS changes`;
  const periods = {} as Context["periods"];
  for (const kind of PERIODS) {
    const period = resolvePeriod(kind, BENCH_NOW);
    const [sizes] = await db().$queryRaw<{ changes: number; rollupRows: number; handovers: number }[]>`
      SELECT (SELECT count(*)::int FROM "StageChange" WHERE at >= ${period.from} AND at < ${period.to}) AS changes,
             (SELECT count(*)::int FROM ${dailyOrWeekly("FunnelSourceRollup", "FunnelSourceWeekly", "stage", period)}) AS "rollupRows",
             (SELECT count(*)::int FROM "Handover" WHERE "createdAt" >= ${period.from} AND "createdAt" < ${period.to}) AS handovers`;
    periods[kind] = { period, ...sizes! };
  }
  if (!source || !campaign || !totals) throw new Error("The benchmark data set is empty: run with --regenerate.");
  return { cro, rep, source: source.source, campaign, totals, periods };
}

export async function benchmarkOperations(): Promise<{ operations: Operation[]; context: Context }> {
  const context = await loadContext();
  const { cro, rep, periods, totals } = context;
  const operations: Operation[] = [];

  const filters: [string, Omit<MetricsFilter, "period">][] = [
    ["no filter", {}],
    [`source ${context.source}`, { source: context.source }],
    [`campaign "${context.campaign.name}"`, { campaignId: context.campaign.id }],
    [`rep ${rep.name}`, { repId: rep.id }],
    ["team marketing", { team: "marketing" }],
  ];
  for (const kind of PERIODS) {
    const { period, rollupRows, changes } = periods[kind];
    for (const [label, filter] of filters) {
      operations.push({
        group: "CRO dashboard",
        name: `${kind}, ${label}`,
        dataSize: `${number(rollupRows)} day/week rollup rows, ${number(changes)} changes in ${kind} (+ previous period)`,
        targetMs: DASHBOARD_TARGET_MS,
        run: () => revenueDashboard({ period, ...filter }),
      });
    }
  }

  // The rep's home (/queue) loads the queue, the rep's pipeline and the rep's handover figures for its default period.
  const homePeriod = periods["90d"].period;
  operations.push(
    {
      group: "Rep home",
      name: `queue (listMyQueue) of ${rep.name}`,
      dataSize: `${number(totals.leads)} leads, ${number(periods.year.handovers)} handovers this year`,
      targetMs: REP_HOME_TARGET_MS,
      run: () => listMyQueue(rep),
    },
    {
      group: "Rep home",
      name: "the page: queue + myPipeline + repFigures (90d)",
      dataSize: `${number(periods["90d"].handovers)} handovers in 90d (+ previous period)`,
      targetMs: REP_HOME_TARGET_MS,
      run: () => Promise.all([listMyQueue(rep), myPipeline(rep.id), repFigures(rep.id, homePeriod, BENCH_NOW)]),
    },
  );

  const thirtyDays = periods["30d"].period;
  const dayOf = (date: Date) => date.toISOString().slice(0, 10);
  const lists: [string, Record<string, string>][] = [
    ["first page, default sort (newest first)", {}],
    ['search "kowalski" (a name)', { q: "kowalski" }],
    ['search "granite" (a company)', { q: "granite" }],
    ["stage SQL", { stage: "SQL" }],
    ["entered MQL in the last 30 days (dashboard click-through)", { entered: "MQL", from: dayOf(thirtyDays.from), to: dayOf(new Date(thirtyDays.to.getTime() - 1)) }],
  ];
  for (const [label, raw] of lists) {
    const query = leadListQuerySchema.parse(raw);
    const total = await countListedLeads(cro, query);
    // The page shows its rows as soon as listLeadRows answers; the total streams in after them (countListedLeads),
    // measured beside it without a target of its own.
    operations.push(
      {
        group: "Leads list",
        name: label,
        dataSize: `${number(total)} of ${number(totals.leads)} leads match`,
        targetMs: LEADS_LIST_TARGET_MS,
        run: () => listLeadRows(cro, query),
      },
      {
        group: "Leads list total (streamed after the rows)",
        name: label,
        dataSize: `${number(total)} of ${number(totals.leads)} leads match`,
        targetMs: null,
        run: () => countListedLeads(cro, query),
      },
    );
  }

  for (const kind of PERIODS) {
    const { period, changes } = periods[kind];
    operations.push({
      group: "Reference SQL",
      name: `stage changes by stage, ${kind}`,
      dataSize: `${number(changes)} of ${number(totals.changes)} changes`,
      targetMs: null,
      run: () => db().$queryRaw`SELECT "toStage", count(*)::int FROM "StageChange" WHERE at >= ${period.from} AND at < ${period.to} GROUP BY 1`,
    });
  }
  operations.push({
    group: "Reference SQL",
    name: "all stage changes by stage (full scan)",
    dataSize: `${number(totals.changes)} changes`,
    targetMs: null,
    run: () => db().$queryRaw`SELECT "toStage", count(*)::int FROM "StageChange" GROUP BY 1`,
  });
  return { operations, context };
}
