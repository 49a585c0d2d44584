// The batch's set-based write must leave exactly what writing its leads one at a time leaves: the same leads, scores,
// stages, stage history, handovers (to the same reps, in the same order), funnel counts, touches and audit entries.
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createOrMergeLead, type LeadAuthor } from "@/lib/leads/service";
import { createOrMergeLeads } from "@/lib/leads/bulk";
import type { LeadInput } from "@/lib/leads/schemas";
import { resetDatabase } from "./support/db";
import { leadInput, makeActiveDefinition, makeUser } from "./support/factories";
import { makeCampaign } from "./support/campaigns";

const now = new Date("2026-11-22T12:00:00Z");

/** The same starting point each time: three reps, a marketer's campaign, a definition, one existing lead. */
async function world() {
  await resetDatabase();
  await makeActiveDefinition();
  for (const name of ["Ada", "Bo", "Cy"]) await makeUser("SALES_REP", { name, email: `${name.toLowerCase()}@reps.test` });
  const marketer = await makeUser("MARKETER", { email: "marketer@marketing.test" });
  const campaign = await makeCampaign(marketer.id, { name: "Bulk campaign" });
  await createOrMergeLead(db(), { kind: "api", apiKeyId: (await key()).id, actor: "api-key:Bulk" }, leadInput({ email: "existing@customer.test", name: "Existing", title: undefined, company: "Shared Co" }), now);
  return { campaignId: campaign.id, marketerId: marketer.id };
}

async function key() {
  return (await db().apiKey.findFirst({ select: { id: true } })) ?? db().apiKey.create({ data: { name: "Bulk", prefix: "tdm_bulk0000", hash: "0".repeat(64) }, select: { id: true } });
}

function batch(campaignId: string): LeadInput[] {
  const leads: LeadInput[] = [];
  for (let n = 0; n < 40; n++) {
    const fits = n % 3 === 0;
    leads.push(
      leadInput({
        email: `bulk.${n}@customer.test`,
        name: `Bulk ${n}`,
        title: fits ? "VP Sales" : n % 5 === 0 ? undefined : "Intern",
        company: n % 4 === 0 ? "Shared Co" : `Company ${n}`,
        companySize: n % 7 === 0 ? undefined : fits ? 400 : 10,
        industry: n % 6 === 1 ? undefined : "Software",
        country: fits ? "US" : "BR",
        source: n % 2 === 0 ? "WEBINAR" : "PAID_SEARCH",
        campaignId: n % 5 === 2 ? campaignId : undefined,
      }),
    );
  }
  // A repeat within the batch, and a lead that already exists: both merged.
  leads.push(leadInput({ email: "bulk.4@customer.test", name: "Repeat", company: "Other Co", title: "CFO", source: "EVENT" }));
  leads.push(leadInput({ email: "existing@customer.test", name: "Again", company: "Another Co", title: "Head of Data", source: "PARTNER" }));
  // Repeats that fill nothing (their leads know every fact they give; one names the campaign its lead has): merged
  // together, in one statement.
  leads.push(leadInput({ email: "bulk.3@customer.test", name: "Three again", title: "VP Sales", company: "Company 3", companySize: 400, industry: "Software", country: "US", source: "PAID_SEARCH" }));
  leads.push(leadInput({ email: "bulk.2@customer.test", name: "Two again", title: "Intern", company: "Company 2", companySize: 10, industry: "Software", country: "BR", source: "WEBINAR", campaignId }));
  // A lead without a title, a repeat that gives it one (and re-scores it), then a repeat that fills nothing: the last
  // is answered with the lead as the one before left it.
  const late = { company: "Late Co", companySize: 400, industry: "Software", country: "US", source: "WEBINAR" } as const;
  leads.push(leadInput({ ...late, email: "late@customer.test", name: "Late", title: undefined }));
  leads.push(leadInput({ ...late, email: "late@customer.test", name: "Late again", title: "VP Sales" }));
  leads.push(leadInput({ ...late, email: "late@customer.test", name: "Late thrice", title: "VP Sales", source: "EVENT" }));
  return leads;
}

async function snapshot() {
  const leads = await db().lead.findMany({
    orderBy: { email: "asc" },
    select: {
      email: true, name: true, title: true, stage: true, score: true, qualifiedVersion: true, version: true, campaign: { select: { name: true } },
      owner: { select: { email: true } }, createdBy: { select: { email: true } },
      company: { select: { name: true, size: true, industry: true, country: true } },
      stageChanges: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { fromStage: true, toStage: true, reason: true, actor: { select: { email: true } }, repId: true } },
      handovers: { select: { toUser: { select: { email: true } }, fromUser: { select: { email: true } }, status: true, dueAt: true, definitionVersion: true, turn: true } },
      sourceTouches: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { source: true, created: true } },
    },
  });
  const rollup = await db().funnelRollup.findMany({ orderBy: [{ stage: "asc" }, { source: "asc" }, { campaignId: "asc" }], select: { day: true, stage: true, source: true, campaignId: true, repId: true, entered: true, advanced: true } });
  // Ids differ between the two worlds: entries are compared by action, actor's email and data without ids.
  const emails = new Map((await db().user.findMany({ select: { id: true, email: true } })).map((user) => [user.id, user.email]));
  const entries = await db().auditEvent.findMany({ select: { action: true, actorId: true, data: true } });
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const key = `${entry.action} by ${entry.actorId ? emails.get(entry.actorId) : "system"}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const audit = [...counts].sort(([a], [b]) => a.localeCompare(b));
  const auditData = entries
    .filter((entry) => entry.action === "lead.created" || entry.action === "lead.merged")
    .map((entry) => JSON.stringify({ ...(entry.data as object), apiKeyId: undefined, importId: undefined, campaignId: undefined, hasIds: Object.keys(entry.data as object).sort() }))
    .sort();
  const notifications = await db().notification.findMany({ orderBy: [{ summary: "asc" }], select: { user: { select: { email: true } }, kind: true, summary: true } });
  const campaigns = new Map((await db().campaign.findMany({ select: { id: true, name: true } })).map((campaign) => [campaign.id, campaign.name]));
  return {
    leads,
    rollup: rollup.map((row) => ({ ...row, campaignId: campaigns.get(row.campaignId) ?? row.campaignId })),
    audit,
    auditData,
    notifications,
    companies: await db().company.count(),
    // The leads list's kept counts (the batch adds its own; one at a time, the trigger does).
    leadCounts: await db().leadCount.findMany({ where: { leads: { not: 0 } }, orderBy: [{ stage: "asc" }, { source: "asc" }], select: { stage: true, source: true, leads: true } }),
  };
}

beforeEach(async () => {
  await resetDatabase();
});

describe("bulk intake", () => {
  // An API key (no owner; source touches) and a marketer's CSV import (the marketer owns and made the leads).
  const AUTHORS = {
    "an API key": async (): Promise<LeadAuthor> => ({ kind: "api", apiKeyId: (await key()).id, actor: "api-key:Bulk" }),
    "a marketer's CSV import": async (): Promise<LeadAuthor> => {
      const marketer = await db().user.findUniqueOrThrow({ where: { email: "marketer@marketing.test" }, select: { id: true } });
      return { kind: "user", id: marketer.id, role: "MARKETER", importId: "import-1" };
    },
  };

  for (const [who, authorFor] of Object.entries(AUTHORS)) {
    it(`leaves exactly what one lead at a time leaves, for ${who}`, async () => {
      const first = await world();
      const author = await authorFor();
      const oneByOne = await db().$transaction(async (tx) => {
        const results = [];
        for (const input of batch(first.campaignId)) results.push(await createOrMergeLead(tx, author, input, now));
        return results;
      }, { timeout: 120_000 });
      const expected = await snapshot();

      const second = await world();
      const author2 = await authorFor();
      const bulk = await db().$transaction((tx) => createOrMergeLeads(tx, author2, batch(second.campaignId), now), { timeout: 120_000 });
      const actual = await snapshot();

      expect(bulk.map((result) => [result.outcome, result.stage, result.filled])).toEqual(oneByOne.map((result) => [result.outcome, result.stage, result.filled]));
      // Turns are a global sequence; what matters is their order, which the rep assignment already shows.
      const withoutTurns = (state: typeof expected) => ({ ...state, leads: state.leads.map((lead) => ({ ...lead, handovers: lead.handovers.map(({ turn: _turn, ...rest }) => rest) })) });
      expect(withoutTurns(actual)).toEqual(withoutTurns(expected));
      expect(actual.leads.filter((lead) => lead.stage === "MQL").length).toBeGreaterThan(5);
      expect(actual.leads.some((lead) => lead.stage === "INQUIRY")).toBe(true);
      expect(actual.notifications.length).toBe(actual.leads.filter((lead) => lead.handovers.length > 0).length);
      expect(actual.leadCounts.reduce((sum, row) => sum + row.leads, 0)).toBe(actual.leads.length);
    });
  }

  it("merges a lead that another transaction created while the batch was written, and records arrivals only for its own", async () => {
    const { campaignId } = await world();
    const author = { kind: "api" as const, apiKeyId: (await key()).id, actor: "api-key:Bulk" };
    const company = await db().company.findFirstOrThrow({ select: { id: true } });
    const newEmails = new Set(batch(campaignId).map((input) => input.email).filter((email) => email !== "existing@customer.test")).size;
    // Another writer holds an uncommitted lead with one of the batch's emails: the batch's check cannot see it, and its
    // insert waits for that writer, then skips the email.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`INSERT INTO "Lead" (id, name, email, "companyId", source, "updatedAt") VALUES ('lead-raced', 'Raced', 'bulk.3@customer.test', $1, 'EVENT', now())`, [company.id]);
      const writing = db().$transaction((tx) => createOrMergeLeads(tx, author, batch(campaignId), now), { timeout: 60_000 });
      await waitFor(async () => (await other.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'`)).rows[0].n > 0);
      await other.query("COMMIT");
      const results = await writing;
      const position = batch(campaignId).findIndex((input) => input.email === "bulk.3@customer.test");
      expect(results[position]).toMatchObject({ id: "lead-raced", outcome: "merged" });
      expect(results.filter((result) => result.outcome === "created").length).toBe(newEmails - 1);
    } finally {
      await other.end();
    }
    expect(await db().lead.count({ where: { email: "bulk.3@customer.test" } })).toBe(1);
    // The merged lead has no arrival of the batch's own (no INQUIRY entry, no "lead.created" entry); every created one has.
    expect(await db().stageChange.count({ where: { leadId: "lead-raced", toStage: "INQUIRY" } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "lead.created", entityId: "lead-raced" } })).toBe(0);
    const created = await db().lead.findMany({ where: { email: { not: "existing@customer.test" }, id: { not: "lead-raced" } }, select: { _count: { select: { stageChanges: true } } } });
    expect(created.length).toBe(newEmails - 1);
    expect(created.every((lead) => lead._count.stageChanges >= 1)).toBe(true);
  });

  it("hands the lead counts back to the trigger after a batch: leads written later in its transaction are counted", async () => {
    const { campaignId } = await world();
    const author = { kind: "api" as const, apiKeyId: (await key()).id, actor: "api-key:Bulk" };
    await db().$transaction(async (tx) => {
      await createOrMergeLeads(tx, author, batch(campaignId), now);
      await createOrMergeLead(tx, author, leadInput({ email: "after.the.batch@customer.test", source: "EVENT" }), now);
      await createOrMergeLeads(tx, author, [leadInput({ email: "second.batch@customer.test", source: "PARTNER" })], now);
      await tx.lead.create({ data: { name: "Typed", email: "typed.in.the.same.transaction@customer.test", source: "REFERRAL", companyId: (await tx.company.findFirstOrThrow()).id } });
    }, { timeout: 120_000 });
    const kept = await db().leadCount.findMany({ where: { leads: { not: 0 } }, orderBy: [{ stage: "asc" }, { source: "asc" }] });
    const counted = await db().lead.groupBy({ by: ["stage", "source"], _count: { _all: true }, orderBy: [{ stage: "asc" }, { source: "asc" }] });
    expect(kept.map((row) => [row.stage, row.source, row.leads])).toEqual(counted.map((row) => [row.stage, row.source, row._count._all]));
    expect(counted.map((row) => row.source)).toEqual(expect.arrayContaining(["EVENT", "PARTNER", "REFERRAL"]));
  });

  it("leaves qualifying leads waiting as inquiries when no rep is active, as one at a time does", async () => {
    await resetDatabase();
    await makeActiveDefinition();
    const author = { kind: "api" as const, apiKeyId: (await key()).id, actor: "api-key:Bulk" };
    const results = await db().$transaction((tx) => createOrMergeLeads(tx, author, [leadInput({ email: "fit@customer.test" })], now));
    expect(results).toEqual([
      {
        id: expect.any(String),
        stage: "INQUIRY",
        outcome: "created",
        filled: [],
        arrived: { id: results[0]!.id, companyName: expect.any(String), createdAt: now, updatedAt: now, stage: "INQUIRY", score: expect.any(Number), qualifiedVersion: null },
      },
    ]);
    expect(await db().lead.findUniqueOrThrow({ where: { email: "fit@customer.test" } })).toMatchObject({ stage: "INQUIRY", score: expect.any(Number) });
    expect(await db().auditEvent.count({ where: { action: "lead.qualification_waiting_for_rep" } })).toBe(1);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("The condition was not met in time.");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
