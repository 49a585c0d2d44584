import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "@/lib/agreement/defaults";
import { evaluateLead } from "@/lib/agreement/rules";
import { db } from "@/lib/db/client";
import { buildDemoDataset } from "@/lib/seed/dataset";
import { seedDemoData } from "@/lib/seed/demo-data";
import { DEMO_SIGN_INS } from "@/lib/seed/demo-users";
import { storyContentSchema } from "@/lib/story/schemas";
import { rowCounts } from "./support/factories";

const now = new Date("2026-11-22T00:00:00Z");
const HOUR = 3_600_000;
const MARKETING_SOURCES = ["WEBSITE", "CONTENT", "WEBINAR", "EVENT", "PAID_SEARCH", "PAID_SOCIAL", "EMAIL", "PARTNER"];

async function reachedStage(stage: string, sources?: string[]): Promise<number> {
  const rows = await db().$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(DISTINCT sc."leadId") AS count FROM "StageChange" sc JOIN "Lead" l ON l.id = sc."leadId"
     WHERE sc."toStage" = $1::"Stage" ${sources ? `AND l.source::text = ANY($2)` : ""}`,
    ...(sources ? [stage, sources] : [stage]),
  );
  return Number(rows[0]!.count);
}

async function allCounts() {
  const [handovers, touches, definitions, signatures, feedback, pulseAnswers, helpRequests, stories] = await Promise.all([
    db().handover.count(),
    db().touch.count(),
    db().leadDefinition.count(),
    db().definitionSignature.count(),
    db().feedback.count(),
    db().pulseAnswer.count(),
    db().helpRequest.count(),
    db().story.count(),
  ]);
  return { ...(await rowCounts()), handovers, touches, definitions, signatures, feedback, pulseAnswers, helpRequests, stories };
}

async function userId(email: string): Promise<string> {
  return (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/**
 * Replays lead definition v1 over the stored rows: a marketing lead became an MQL exactly when it first met the
 * definition (when logged, or at the touch that lifted its score), and every lead's score is the one it had at its
 * first move out of INQUIRY, or today's while it is still an inquiry. Returns the leads that disagree.
 */
async function qualificationMismatches(): Promise<string[]> {
  const [leads, changes, touches] = await Promise.all([
    db().lead.findMany({
      select: {
        id: true,
        title: true,
        source: true,
        campaignId: true,
        score: true,
        stage: true,
        qualifiedVersion: true,
        createdAt: true,
        company: { select: { size: true, industry: true, country: true } },
      },
    }),
    db().stageChange.findMany({ orderBy: [{ at: "asc" }, { id: "asc" }], select: { leadId: true, toStage: true, at: true, actorId: true, reason: true } }),
    db().touch.findMany({ select: { leadId: true, at: true } }),
  ]);
  const firstMove = new Map<string, (typeof changes)[number]>();
  for (const change of changes) if (change.toStage !== "INQUIRY" && !firstMove.has(change.leadId)) firstMove.set(change.leadId, change);
  const touchTimes = new Map<string, number[]>();
  for (const touch of touches) touchTimes.set(touch.leadId, [...(touchTimes.get(touch.leadId) ?? []), touch.at.getTime()]);

  const mismatches: string[] = [];
  for (const lead of leads) {
    const move = firstMove.get(lead.id);
    const cutoff = (move?.at ?? now).getTime();
    const times = touchTimes.get(lead.id) ?? [];
    const evaluate = (count: number) =>
      evaluateLead(
        { title: lead.title, companySize: lead.company.size, industry: lead.company.industry, country: lead.company.country, source: lead.source, hasCampaign: lead.campaignId !== null, touches: count },
        DEFAULT_RULES,
      );
    const evaluation = evaluate(times.filter((at) => at <= cutoff).length);
    if (lead.score !== evaluation.score) mismatches.push(`${lead.id}: score ${lead.score}, v1 gives ${evaluation.score}`);
    if (!move) {
      if (evaluation.qualifies) mismatches.push(`${lead.id}: meets v1 but is still an inquiry`);
      continue;
    }
    if (!MARKETING_SOURCES.includes(lead.source)) continue;
    if (move.toStage !== "MQL") mismatches.push(`${lead.id}: a marketing lead left INQUIRY for ${move.toStage}`);
    else if (!evaluation.qualifies) mismatches.push(`${lead.id}: became an MQL without meeting v1 (${evaluation.missing.join("; ")})`);
    else if (move.reason !== `Met lead definition v1 with ${evaluation.score} points` || move.actorId !== null || lead.qualifiedVersion !== 1) {
      mismatches.push(`${lead.id}: MQL not recorded as the server's qualification under v1`);
    } else if (move.at.getTime() !== lead.createdAt.getTime()) {
      // Qualified later than when logged: at a touch, and not already before it.
      const touchedThen = times.includes(cutoff);
      if (!touchedThen || evaluate(times.filter((at) => at < cutoff).length).qualifies) mismatches.push(`${lead.id}: became an MQL later than it qualified`);
    }
  }
  return mismatches;
}

describe("the demo data", () => {
  let first: Awaited<ReturnType<typeof seedDemoData>>;
  beforeAll(async () => {
    first = await seedDemoData(db(), { now, passwordHash: "not-used-for-sign-in" });
  }, 60_000);

  it("is a realistic demand waterfall, consistent with its history", async () => {
    expect(first).toMatchObject({ created: true, leads: 5000, definitions: 2 });
    const counts = await allCounts();
    expect(counts.users).toBeGreaterThanOrEqual(35);
    expect(counts.users).toBeLessThanOrEqual(45);
    expect(counts.leads).toBe(5000);
    // The seed's own entry, and the audit history of the last 30 days and of every signature (lib/seed/audit.ts).
    expect(counts.auditEvents).toBeGreaterThan(100);
    // The rows are stored as built, timestamps included.
    const built = buildDemoDataset({ now, passwordHash: "not-used-for-sign-in" });
    const lastBuilt = built.leads.at(-1)!;
    expect(await db().lead.findUnique({ where: { id: lastBuilt.id } })).toMatchObject({ createdAt: lastBuilt.createdAt, stageChangedAt: lastBuilt.stageChangedAt, score: lastBuilt.score });
    expect(counts.touches).toBe(built.touches.length);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "demo_data.seeded" } });
    expect(await db().auditEvent.count({ where: { action: "definition.signed" } })).toBe(await db().definitionSignature.count());
    expect(await db().auditEvent.count({ where: { at: { gt: now } } })).toBe(0);
    expect(audit.data).toMatchObject({ leads: 5000, handovers: counts.handovers, touches: counts.touches, definitions: 2 });

    // One demo sign-in per role, active.
    for (const demo of DEMO_SIGN_INS) {
      expect(await db().user.findUnique({ where: { email: demo.email } })).toMatchObject({ role: demo.role, active: true });
    }

    // Roughly: 20% of marketing inquiries become MQL, half of MQLs are accepted, half of those become SQL,
    // a quarter of closed opportunities are won.
    const inquiries = await reachedStage("INQUIRY", MARKETING_SOURCES);
    const mqls = await reachedStage("MQL");
    const accepted = await db().stageChange.count({ where: { fromStage: "MQL", toStage: "SAL" } });
    const sals = await reachedStage("SAL");
    const sqls = await reachedStage("SQL");
    const won = await reachedStage("WON");
    const lost = await reachedStage("LOST");
    expect(mqls / inquiries).toBeGreaterThan(0.15);
    expect(mqls / inquiries).toBeLessThan(0.25);
    expect(accepted / mqls).toBeGreaterThan(0.4);
    expect(accepted / mqls).toBeLessThan(0.6);
    expect(sqls / sals).toBeGreaterThan(0.4);
    expect(sqls / sals).toBeLessThan(0.6);
    expect(won / (won + lost)).toBeGreaterThan(0.15);
    expect(won / (won + lost)).toBeLessThan(0.35);

    // Each lead sits where its last recorded move put it, and no move is in the future.
    const disagreeing = await db().$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "Lead" l
      JOIN LATERAL (SELECT "toStage", at FROM "StageChange" WHERE "leadId" = l.id ORDER BY at DESC, id DESC LIMIT 1) last ON true
      WHERE last."toStage" <> l.stage OR last.at <> l."stageChangedAt"`;
    expect(Number(disagreeing[0]!.count)).toBe(0);
    expect(await db().stageChange.count({ where: { at: { gt: now } } })).toBe(0);

    // Some leads lack what the definition requires, so the lead page has something to say is missing.
    const untitled = await db().lead.count({ where: { title: null } });
    const unsized = await db().lead.count({ where: { company: { size: null } } });
    expect(untitled).toBeGreaterThan(0);
    expect(unsized).toBeGreaterThan(0);
    expect(await qualificationMismatches()).toEqual([]);
  });

  it("has one signed, active lead definition and a proposal signed by sales only", async () => {
    const definitions = await db().leadDefinition.findMany({ orderBy: { version: "asc" }, include: { signatures: { select: { side: true } } } });
    expect(definitions.map((d) => [d.version, d.status, d.signatures.map((s) => s.side).sort()])).toEqual([
      [1, "ACTIVE", ["MARKETING", "SALES"]],
      [2, "PROPOSED", ["SALES"]],
    ]);
    expect(definitions[0]).toMatchObject({ activatedVia: "SIGNATURES", revision: 1, rules: DEFAULT_RULES });
    expect(definitions[1]).toMatchObject({ proposedById: await userId("sales.manager@tandem.test"), revision: 2 });
    const firstLead = await db().lead.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    expect(definitions[0]!.activatedAt!.getTime()).toBeLessThan(firstLead.createdAt.getTime());
  });

  it("hands every MQL to a rep, with handovers in every state and a realistic SLA record", async () => {
    const withoutHandover = await db().$queryRaw<{ count: bigint }[]>`
      SELECT count(DISTINCT sc."leadId") AS count FROM "StageChange" sc
      WHERE sc."toStage" = 'MQL' AND NOT EXISTS (SELECT 1 FROM "Handover" h WHERE h."leadId" = sc."leadId")`;
    expect(Number(withoutHandover[0]!.count)).toBe(0);

    const byStatus = Object.fromEntries(
      (await db().handover.groupBy({ by: ["status"], _count: { _all: true } })).map((group) => [group.status, group._count._all]),
    );
    for (const status of ["PENDING", "ACCEPTED", "REJECTED", "DISPUTED"]) expect(byStatus[status]).toBeGreaterThan(0);
    expect(byStatus.PENDING).toBeGreaterThanOrEqual(5);

    const pending = await db().handover.findMany({ where: { status: "PENDING" }, include: { lead: { select: { stage: true, ownerId: true } } } });
    expect(new Set(pending.map((handover) => handover.leadId)).size).toBe(pending.length);
    expect(pending.filter((handover) => handover.dueAt < now).length).toBeGreaterThanOrEqual(1);
    // A waiting lead stays an MQL with the marketer who owns it.
    for (const handover of pending) expect(handover.lead).toMatchObject({ stage: "MQL", ownerId: handover.fromUserId });
    const demoRep = await userId("rep@tandem.test");
    const demoQueue = pending.filter((handover) => handover.toUserId === demoRep);
    expect(demoQueue.length).toBeGreaterThanOrEqual(3);
    expect(demoQueue.some((handover) => handover.dueAt < now)).toBe(true);
    expect(demoQueue.some((handover) => handover.dueAt >= now)).toBe(true);

    const handovers = await db().handover.findMany();
    for (const handover of handovers) expect(handover.dueAt.getTime() - handover.createdAt.getTime()).toBe(24 * HOUR);
    const answered = handovers.filter((handover) => handover.respondedAt);
    const late = answered.filter((handover) => handover.respondedAt! > handover.dueAt).length / answered.length;
    expect(late).toBeGreaterThan(0.05);
    expect(late).toBeLessThan(0.2);
    const reasons = new Set(handovers.flatMap((handover) => (handover.reasonCode ? [handover.reasonCode] : [])));
    expect([...reasons].sort()).toEqual(DEFAULT_RULES.rejectionReasons.map((reason) => reason.code).sort());

    // The demo marketer sees both a rejection and a dispute of their own.
    const demoMarketer = await userId("marketer@tandem.test");
    for (const status of ["REJECTED", "DISPUTED"] as const) {
      expect(await db().handover.count({ where: { status, lead: { ownerId: demoMarketer } } })).toBeGreaterThan(0);
    }
    const disputed = handovers.filter((handover) => handover.status === "DISPUTED");
    for (const handover of disputed) expect(handover).toMatchObject({ disputedById: handover.fromUserId, resolution: null });
    expect(handovers.some((handover) => handover.resolution === "UPHELD" && handover.status === "REJECTED")).toBe(true);

    // Each answer is the lead's move out of MQL, at the same moment.
    const mismatched = await db().$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "Handover" h
      WHERE h."respondedAt" IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM "StageChange" sc WHERE sc."leadId" = h."leadId" AND sc."fromStage" = 'MQL' AND sc.at = h."respondedAt"
          AND (h.status = 'ACCEPTED') = (sc."toStage" = 'SAL'))`;
    expect(Number(mismatched[0]!.count)).toBe(0);
  });

  it("records touches only while someone could have made them", async () => {
    expect(await db().touch.count({ where: { at: { gt: now } } })).toBe(0);
    // Reps touch leads after accepting them and before the lead closes or goes back to marketing.
    const outOfWindow = await db().$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "Touch" t JOIN "User" u ON u.id = t."userId"
      JOIN LATERAL (SELECT min(at) AS at FROM "StageChange" WHERE "leadId" = t."leadId" AND "toStage" = 'SAL') sal ON true
      LEFT JOIN LATERAL (SELECT min(at) AS at FROM "StageChange" WHERE "leadId" = t."leadId" AND at > sal.at
        AND "toStage" IN ('WON', 'LOST', 'NURTURE', 'DISQUALIFIED')) closed ON true
      WHERE u.role = 'SALES_REP' AND (sal.at IS NULL OR t.at < sal.at OR t.at >= closed.at)`;
    expect(Number(outOfWindow[0]!.count)).toBe(0);
    expect(await db().touch.count({ where: { user: { role: "MARKETER" } } })).toBeGreaterThan(0);
  });

  it("gives campaigns goals and targets, and sales' ratings from reps who worked their leads", async () => {
    const campaigns = await db().campaign.findMany({ select: { goal: true, targetMqls: true } });
    for (const campaign of campaigns) expect(campaign).toMatchObject({ goal: expect.any(String), targetMqls: expect.any(Number) });
    const ratings = await db().feedback.findMany({ include: { rep: { select: { role: true } } } });
    expect(ratings.length).toBeGreaterThan(20);
    expect(new Set(ratings.map((rating) => rating.rating))).toEqual(new Set([1, 2, 3, 4, 5]));
    for (const rating of ratings) {
      expect(rating.rep.role).toBe("SALES_REP");
      expect(rating.updatedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(await db().handover.count({ where: { toUserId: rating.repId, lead: { campaignId: rating.campaignId } } })).toBeGreaterThan(0);
    }
    expect(ratings.filter((rating) => rating.comment).length).toBeGreaterThan(ratings.length / 2);
    // The demo rep has rated campaigns, and has worked at least one they have not rated yet.
    const demoRep = await userId("rep@tandem.test");
    expect(ratings.some((rating) => rating.repId === demoRep)).toBe(true);
    const rated = new Set(ratings.filter((rating) => rating.repId === demoRep).map((rating) => rating.campaignId));
    const worked = await db().campaign.findMany({ where: { leads: { some: { handovers: { some: { toUserId: demoRep } } } } }, select: { id: true } });
    expect(worked.some((campaign) => !rated.has(campaign.id))).toBe(true);
  });

  it("has a year of pulse answers, requests to marketing in every state, and a signed story with an earlier version", async () => {
    const answers = await db().pulseAnswer.findMany({ include: { rep: { select: { role: true, email: true } } } });
    expect(new Set(answers.map((answer) => answer.month.toISOString())).size).toBe(12);
    expect(answers.every((answer) => answer.rep.role === "SALES_REP" && answer.createdAt <= now)).toBe(true);
    expect(answers.filter((answer) => answer.comment).length).toBeGreaterThan(20);
    // The demo rep answered earlier months, not this one: their home asks them to.
    const demoAnswers = answers.filter((answer) => answer.rep.email === "rep@tandem.test");
    expect(demoAnswers.length).toBeGreaterThanOrEqual(9);
    expect(demoAnswers.some((answer) => answer.month.getTime() === Date.UTC(2026, 10, 1))).toBe(false);
    const average = (rows: typeof answers) => rows.reduce((sum, answer) => sum + answer.usefulness, 0) / rows.length;
    const early = answers.filter((answer) => answer.month < new Date("2026-03-01T00:00:00Z"));
    const late = answers.filter((answer) => answer.month >= new Date("2026-08-01T00:00:00Z"));
    expect(average(late)).toBeGreaterThan(average(early));

    const requests = await db().helpRequest.findMany({ include: { requester: { select: { role: true, email: true } }, assignee: { select: { role: true, email: true } } } });
    const statuses = new Set(requests.map((request) => request.status));
    expect([...statuses].sort()).toEqual(["CANCELLED", "DELIVERED", "IN_PROGRESS", "OPEN"]);
    expect(requests.every((request) => request.requester.role === "SALES_REP" && request.createdAt <= now)).toBe(true);
    for (const request of requests) {
      expect(request.status === "DELIVERED").toBe(request.deliveryUrl !== null);
      if (request.status === "IN_PROGRESS" || request.status === "DELIVERED") expect(request.assignee?.role).toBe("MARKETER");
      if (request.status === "OPEN") expect(request.assigneeId).toBeNull();
    }
    const waiting = requests.filter((request) => request.status === "OPEN" || request.status === "IN_PROGRESS");
    expect(waiting.some((request) => request.dueDate < new Date("2026-11-22T00:00:00Z"))).toBe(true);
    expect(requests.filter((request) => request.requester.email === "rep@tandem.test").length).toBeGreaterThanOrEqual(5);
    expect(requests.some((request) => request.assignee?.email === "marketer@tandem.test")).toBe(true);

    const stories = await db().story.findMany({ orderBy: { version: "asc" }, include: { signatures: { select: { side: true } } } });
    expect(stories.map((story) => [story.version, story.status, story.signatures.map((signature) => signature.side).sort()])).toEqual([
      [1, "SUPERSEDED", ["MARKETING", "SALES"]],
      [2, "ACTIVE", ["MARKETING", "SALES"]],
    ]);
    for (const story of stories) expect(() => storyContentSchema.parse(story.content)).not.toThrow();
  });

  it("has conversations with mentions, and inboxes that follow from them", async () => {
    const team = await db().thread.findUniqueOrThrow({ where: { subjectType_subjectId: { subjectType: "TEAM", subjectId: "team" } }, include: { messages: true } });
    expect(team.messages.length).toBeGreaterThanOrEqual(5);
    expect(await db().thread.count({ where: { subjectType: { in: ["LEAD", "HANDOVER"] } } })).toBe(2);
    // The story in force and one goal have comments too.
    expect(await db().thread.count({ where: { subjectType: { in: ["GOAL", "STORY"] } } })).toBe(2);
    const rep = await userId("rep@tandem.test");
    expect(await db().mention.count({ where: { userId: rep } })).toBeGreaterThanOrEqual(2);
    // Every mention notice points at a message that mentions its reader; nobody is told about their own message.
    const notices = await db().notification.findMany({ where: { kind: { in: ["MENTION", "REPLY"] } } });
    const messages = new Map((await db().message.findMany({ include: { mentions: true } })).map((message) => [message.id, message]));
    for (const notice of notices) {
      const message = messages.get(notice.sourceId)!;
      expect(message.authorId).not.toBe(notice.userId);
      if (notice.kind === "MENTION") expect(message.mentions.map((mention) => mention.userId)).toContain(notice.userId);
    }
    for (const email of ["rep@tandem.test", "marketer@tandem.test", "sales.manager@tandem.test"]) {
      expect(await db().notification.count({ where: { userId: await userId(email), readAt: null } })).toBeGreaterThan(0);
    }
  });

  it("has a live and a revoked API key for the admin page, neither of them usable", async () => {
    const keys = await db().apiKey.findMany({ orderBy: { createdAt: "asc" }, select: { name: true, revokedAt: true, hash: true, createdById: true } });
    expect(keys.map((key) => [key.name, key.revokedAt === null])).toEqual([
      ["Old landing pages", false],
      ["Website forms", true],
    ]);
    const admin = await userId("admin@tandem.test");
    for (const key of keys) expect(key.createdById).toBe(admin);
    const { authenticateApiKey } = await import("@/lib/api-keys/service");
    expect(await authenticateApiKey(`tdm_${"A".repeat(43)}`)).toMatchObject({ ok: false, status: 401 });
  });

  it("loads only once", async () => {
    const counts = await allCounts();
    const second = await seedDemoData(db(), { now, passwordHash: "not-used-for-sign-in" });
    expect(second.created).toBe(false);
    expect(await allCounts()).toEqual(counts);
  });
});
