// The one-statement path for a lead arriving through the API (lib/leads/arrival.ts) must leave exactly what the
// general path of the lead service leaves: the same leads, companies, stage history, handovers (to the same reps),
// notifications, funnel counts, touches and audit entries. And under concurrency: a fair round robin, one company
// per name, and a definition changed by someone else is noticed.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createArrivingLead, createOrMergeLead } from "@/lib/leads/service";
import type { LeadInput } from "@/lib/leads/schemas";
import {
  computeFunnelRollup,
  computeHandoverRollup,
  computeSourceRollup,
  readFunnelRollup,
  readHandoverRollup,
  readSourceRollup,
} from "@/lib/metrics/rollup";
import { resetDatabase } from "./support/db";
import { leadInput, makeActiveDefinition, makeUser, rulesWith } from "./support/factories";
import { makeCampaign } from "./support/campaigns";
import { api, makeApiKey } from "./support/intake";

const now = new Date("2026-11-22T12:00:00Z");

beforeEach(async () => {
  await resetDatabase();
});

/** The same starting point each time: three reps, a campaign, a definition, an existing company, one API key. */
async function world() {
  await resetDatabase();
  await makeActiveDefinition();
  for (const name of ["Ada", "Bo", "Cy"]) await makeUser("SALES_REP", { name, email: `${name.toLowerCase()}@reps.test` });
  const marketer = await makeUser("MARKETER", { email: "marketer@marketing.test" });
  const campaign = await makeCampaign(marketer.id, { name: "Arrival campaign" });
  await db().company.create({ data: { name: "Known Co", normalizedName: "known co", size: 3, industry: "Retail", country: "FR" } });
  const key = await db().apiKey.create({ data: { name: "Arrival", prefix: "tdm_arrival0", hash: "1".repeat(64) }, select: { id: true } });
  return { campaignId: campaign.id, author: { kind: "api" as const, apiKeyId: key.id, actor: "api-key:Arrival" } };
}

function arrivals(campaignId: string): LeadInput[] {
  return Array.from({ length: 16 }, (_, n) => {
    const fits = n % 2 === 0;
    return leadInput({
      email: `arrival.${n}@customer.test`,
      name: `Arrival ${n}`,
      title: fits ? "VP Sales" : n % 3 === 0 ? undefined : "Intern",
      company: n % 4 === 1 ? "  KNOWN   co " : n % 4 === 3 ? "Shared Co" : `Company ${n}`,
      companySize: fits ? 400 : 10,
      industry: "Software",
      country: fits ? "US" : "BR",
      source: n % 3 === 0 ? "WEBINAR" : "PAID_SEARCH",
      campaignId: n % 5 === 2 ? campaignId : undefined,
    });
  });
}

async function snapshot() {
  const leads = await db().lead.findMany({
    orderBy: { email: "asc" },
    select: {
      email: true, name: true, title: true, stage: true, score: true, qualifiedVersion: true, version: true, source: true, ownerId: true, createdById: true,
      createdAt: true, stageChangedAt: true, campaign: { select: { name: true } },
      company: { select: { name: true, normalizedName: true, size: true, industry: true, country: true } },
      stageChanges: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { fromStage: true, toStage: true, at: true, reason: true, actorId: true, repId: true } },
      handovers: { select: { toUser: { select: { email: true } }, fromUserId: true, status: true, createdAt: true, dueAt: true, firstTouchHours: true, definitionVersion: true, source: true } },
      sourceTouches: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { source: true, created: true, at: true, apiKeyId: true } },
    },
  });
  const emails = new Map((await db().lead.findMany({ select: { id: true, email: true } })).map((lead) => [lead.id, lead.email]));
  const handovers = new Map((await db().handover.findMany({ select: { id: true, leadId: true } })).map((handover) => [handover.id, emails.get(handover.leadId)]));
  const reps = new Map((await db().user.findMany({ select: { id: true, email: true } })).map((user) => [user.id, user.email]));
  const keys = new Set((await db().apiKey.findMany({ select: { id: true } })).map((key) => key.id));
  const campaigns = new Map((await db().campaign.findMany({ select: { id: true, name: true } })).map((campaign) => [campaign.id, campaign.name]));
  // Ids differ between the two runs: replace each by what it names.
  const named = (value: unknown): unknown => {
    if (typeof value === "string") return emails.get(value) ?? handovers.get(value) ?? reps.get(value) ?? campaigns.get(value) ?? (keys.has(value) ? "the key" : value.replace(/\/leads\/\w+/, "/leads/…"));
    if (Array.isArray(value)) return value.map(named);
    if (value && typeof value === "object" && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, named(item)]));
    return value;
  };
  const audit = await db().auditEvent.findMany({ orderBy: [{ action: "asc" }, { entityId: "asc" }], select: { action: true, entityType: true, entityId: true, actorId: true, data: true } });
  const notifications = await db().notification.findMany({ select: { userId: true, kind: true, sourceId: true, link: true, summary: true, createdAt: true } });
  const companies = await db().company.findMany({ orderBy: { normalizedName: "asc" }, select: { name: true, normalizedName: true, size: true, industry: true, country: true } });
  const rollup = await readFunnelRollup(db());
  return {
    leads: named(leads.map((lead) => ({ ...lead, sourceTouches: lead.sourceTouches.map((touch) => ({ ...touch, apiKeyId: touch.apiKeyId && "the key" })) }))),
    companies,
    audit: (named(audit) as { action: string; entityId: string }[]).sort((a, b) => `${a.action}${a.entityId}`.localeCompare(`${b.action}${b.entityId}`)),
    notifications: (named(notifications) as { sourceId: string }[]).sort((a, b) => a.sourceId.localeCompare(b.sourceId)),
    rollup: named(rollup),
    sourceRollup: await readSourceRollup(db()),
    handoverRollup: await readHandoverRollup(db()),
  };
}

describe("a lead arriving through the API", () => {
  it("leaves exactly what the general path of the lead service leaves", async () => {
    // The general path: createOrMergeLead told that the email is taken skips the one-statement path.
    const general = await world();
    for (const input of arrivals(general.campaignId)) {
      await db().$transaction((tx) => createOrMergeLead(tx, general.author, input, now, { known: true }));
    }
    const expected = await snapshot();

    // As the API writes them: one statement without a transaction when the lead does not qualify, else the
    // transaction with the late handover.
    const fast = await world();
    const paths = new Set<string>();
    for (const input of arrivals(fast.campaignId)) {
      const direct = await createArrivingLead(db(), fast.author, input, now, { handOver: false });
      if (direct && direct !== "exists") {
        paths.add("one statement");
        continue;
      }
      const written = await db().$transaction((tx) => createOrMergeLead(tx, fast.author, input, now));
      expect(written.arrived).toBeDefined();
      paths.add("transaction");
    }
    const actual = await snapshot();

    expect(paths).toEqual(new Set(["one statement", "transaction"]));
    expect(actual).toEqual(expected);
    expect(new Set((actual.leads as { stage: string }[]).map((lead) => lead.stage))).toEqual(new Set(["MQL", "INQUIRY"]));
    expect(await readFunnelRollup(db())).toEqual(await computeFunnelRollup(db()));
    expect(await readSourceRollup(db())).toEqual(await computeSourceRollup(db()));
    expect(await readHandoverRollup(db())).toEqual(await computeHandoverRollup(db()));
  });

  it("answers with the lead as reading it back would", async () => {
    await makeActiveDefinition();
    await makeUser("SALES_REP");
    const { key } = await makeApiKey("Answers");
    for (const body of [leadInput({ title: "Intern" }), leadInput({ title: "VP Sales", company: "  Spaced   Name " })]) {
      const created = await api.postLead({ key, body });
      expect(created.status).toBe(201);
      const read = await api.getById(created.body.lead.id, { key });
      expect(created.body.lead).toEqual(read.body);
    }
  });

  it("leaves a qualifying lead waiting as an inquiry while no rep is active, as the general path does", async () => {
    await makeActiveDefinition();
    await makeUser("SALES_REP", { active: false });
    const { key } = await makeApiKey("No reps");
    const response = await api.postLead({ key, body: leadInput({ title: "VP Sales" }) });
    expect(response.status).toBe(201);
    expect(response.body.lead).toMatchObject({ stage: "INQUIRY", qualifiedVersion: null, score: expect.any(Number) });
    expect(await db().handover.count()).toBe(0);
    expect(await db().stageChange.count()).toBe(1);
    expect((await db().auditEvent.findMany({ orderBy: { id: "asc" }, select: { action: true } })).map((event) => event.action)).toEqual(
      expect.arrayContaining(["lead.created", "lead.qualification_waiting_for_rep"]),
    );
    expect(await readFunnelRollup(db())).toEqual(await computeFunnelRollup(db()));
  });

  it("spreads concurrent qualifying leads evenly over the reps, in strict turns", async () => {
    await makeActiveDefinition();
    const reps: { id: string }[] = [];
    for (let index = 0; index < 4; index++) reps.push(await makeUser("SALES_REP"));
    const { key } = await makeApiKey("Concurrent");
    const responses = await Promise.all(Array.from({ length: 24 }, (_, n) => api.postLead({ key, body: leadInput({ email: `fair.${n}@customer.test` }) })));
    expect(responses.map((response) => response.status)).toEqual(Array(24).fill(201));
    const handovers = await db().handover.findMany({ orderBy: { turn: "asc" }, select: { toUserId: true } });
    expect(handovers).toHaveLength(24);
    const order = handovers.map((handover) => reps.findIndex((rep) => rep.id === handover.toUserId));
    // Four reps who never had a lead: the earliest joiner first, then each in turn, over and over.
    expect(order).toEqual(Array.from({ length: 24 }, (_, n) => n % 4));
    expect(await readFunnelRollup(db())).toEqual(await computeFunnelRollup(db()));
  });

  it("makes one company when leads of a new company arrive at the same moment", async () => {
    await makeActiveDefinition();
    await makeUser("SALES_REP");
    const { key } = await makeApiKey("Same company");
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, n) => api.postLead({ key, body: leadInput({ email: `same.${n}@customer.test`, company: "Brand New Co", title: n % 2 ? "VP Sales" : "Intern" }) })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    expect(await db().company.count({ where: { normalizedName: "brand new co" } })).toBe(1);
    expect(await db().lead.count({ where: { company: { normalizedName: "brand new co" } } })).toBe(10);
  });

  it("writes the lead once, whole, when its new company is made by another transaction at the same moment", async () => {
    await makeActiveDefinition();
    await makeUser("SALES_REP");
    const { key } = await makeApiKey("Company race");
    for (const title of ["Intern", "VP Sales"]) {
      // Another transaction makes the company and commits only after this request has read that it does not exist:
      // its statement fails on the lead's foreign key with nothing written, and the request is written again.
      const name = `Race ${title} Co`;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const other = db().$transaction(async (tx) => {
        await tx.company.create({ data: { name, normalizedName: name.toLowerCase() } });
        await held;
      }, { timeout: 20_000 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const request = api.postLead({ key, body: leadInput({ company: name, title }) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await other;
      const response = await request;
      expect(response.status).toBe(201);
      expect(response.body.lead.stage).toBe(title === "VP Sales" ? "MQL" : "INQUIRY");
      const company = await db().company.findUniqueOrThrow({ where: { normalizedName: name.toLowerCase() }, include: { _count: { select: { leads: true } } } });
      expect(company).toMatchObject({ size: 250, industry: "Software", _count: { leads: 1 } });
    }
    expect(await db().stageChange.count({ where: { toStage: "INQUIRY" } })).toBe(2);
    expect(await db().sourceTouch.count()).toBe(2);
    expect(await db().auditEvent.count({ where: { action: "lead.created" } })).toBe(2);
    expect(await readFunnelRollup(db())).toEqual(await computeFunnelRollup(db()));
  });

  it("scores with the definition in force, also when another process changed it since this one last read it", async () => {
    const first = await makeActiveDefinition();
    await makeUser("SALES_REP");
    const { key } = await makeApiKey("Definitions");
    const qualified = (await api.postLead({ key, body: leadInput() })).body.lead;
    expect(qualified).toMatchObject({ stage: "MQL", qualifiedVersion: first.version });
    // A new version, made behind this process's back: this lead's score no longer reaches it.
    const second = await makeActiveDefinition(rulesWith((rules) => void (rules.mqlThreshold = qualified.score + 1)));
    const after = await api.postLead({ key, body: leadInput() });
    expect(after.body.lead).toMatchObject({ stage: "INQUIRY", qualifiedVersion: null });
    expect(await db().auditEvent.count({ where: { action: "lead.created" } })).toBe(2);
    // Edited in place (a new revision of the same version) is noticed too.
    await db().leadDefinition.update({ where: { id: second.id }, data: { rules: rulesWith(), revision: { increment: 1 } } });
    expect((await api.postLead({ key, body: leadInput() })).body.lead).toMatchObject({ stage: "MQL", qualifiedVersion: second.version });
  });
});
