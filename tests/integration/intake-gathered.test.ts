// Single leads sent at the same moment are written together (lib/intake/gathered.ts): each request must still get
// the answer it would get alone, the round robin must stay fair, one bad lead must not fail the others, and the rate
// limit must count every request.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase } from "./support/db";
import { leadInput, makeActiveDefinition, makeUser } from "./support/factories";
import { makeCampaign } from "./support/campaigns";
import { api, makeApiKey } from "./support/intake";

let key: string;

beforeEach(async () => {
  await resetDatabase();
  await makeActiveDefinition();
  key = (await makeApiKey("Website forms")).key;
});

/** Qualifies under the default definition when n is even; a small company's intern otherwise. */
const lead = (n: number) => (n % 2 === 0 ? leadInput() : leadInput({ title: "Intern", companySize: 5, industry: "Retail", country: "BR", source: "EMAIL" }));

describe("leads sent at the same moment", () => {
  it("are each answered as if alone, written in groups, and handed out in fair turns", async () => {
    const reps = await Promise.all([1, 2, 3].map(() => makeUser("SALES_REP")));
    const bodies = Array.from({ length: 36 }, (_, n) => lead(n));
    const responses = await Promise.all(bodies.map((body) => api.postLead({ key, body })));

    expect(responses.map((response) => response.status)).toEqual(Array(36).fill(201));
    for (const [n, response] of responses.entries()) {
      expect(response.body).toMatchObject({ outcome: "created", filled: [], lead: { email: bodies[n]!.email, stage: n % 2 === 0 ? "MQL" : "INQUIRY", owner: null } });
      expect((await api.getById(response.body.lead.id, { key })).body).toEqual(response.body.lead);
    }
    expect(await db().lead.count()).toBe(36);
    expect(await db().sourceTouch.count()).toBe(36);
    // 18 qualifying leads over 3 reps: 6 each, each with its notification.
    const handovers = await db().handover.groupBy({ by: ["toUserId"], _count: true });
    expect(handovers.map((group) => group._count)).toEqual([6, 6, 6]);
    expect(new Set(handovers.map((group) => group.toUserId))).toEqual(new Set(reps.map((rep) => rep.id)));
    expect(await db().notification.count({ where: { kind: "HANDOVER_ASSIGNED" } })).toBe(18);
    // Written in groups: leads of one group share the moment they were written.
    const moments = await db().lead.groupBy({ by: ["createdAt"], _count: true });
    expect(moments.length).toBeLessThan(36);
    expect((await db().apiRateWindow.findFirstOrThrow()).count).toBe(36 + 36);
  });

  it("with Idempotency-Keys: each key claimed once in its group, repeats answered from the first, a changed body refused", async () => {
    await makeUser("SALES_REP");
    const bodies = Array.from({ length: 24 }, (_, n) => lead(n));
    const other = lead(99);
    const sent = [
      ...bodies.map((body, n) => ({ body, idempotencyKey: `key-${n}` })),
      // The same request again, at the same moment, and the same key with another lead.
      ...Array.from({ length: 4 }, () => ({ body: bodies[3]!, idempotencyKey: "key-3" })),
      { body: other, idempotencyKey: "key-5" },
    ];
    const responses = await Promise.all(sent.map(({ body, idempotencyKey }) => api.postLead({ key, body, idempotencyKey })));

    expect(await db().lead.count()).toBe(24);
    expect(await db().sourceTouch.count()).toBe(24);
    // Written in groups, as leads without keys are.
    expect((await db().lead.groupBy({ by: ["createdAt"], _count: true })).length).toBeLessThan(24);
    for (const n of bodies.keys()) if (n !== 5) expect(responses[n]!.body.lead.email).toBe(bodies[n]!.email);
    const repeats = responses.slice(24, 28);
    expect(new Set([responses[3]!, ...repeats].map((response) => response.body.lead.id)).size).toBe(1);
    expect(repeats.map((response) => response.status)).toEqual(Array(4).fill(201));
    // Exactly one of the five requests with "key-3" wrote; the four others were told they are replays.
    expect([responses[3]!, ...repeats].filter((response) => response.headers.get("idempotent-replayed") === "true")).toHaveLength(4);
    // "key-5" with another lead: one of the two wrote; the other is refused and wrote nothing.
    const key5 = [responses[5]!, responses[28]!];
    expect(key5.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(await db().lead.count({ where: { email: { in: [bodies[5]!.email, other.email] } } })).toBe(1);

    // Every key holds its answer: a later retry gets the same lead, and writes nothing.
    expect(await db().idempotencyKey.count({ where: { status: 0 } })).toBe(0);
    const retry = await api.postLead({ key, body: bodies[7]!, idempotencyKey: "key-7" });
    expect([retry.status, retry.body.lead.id, retry.headers.get("idempotent-replayed")]).toEqual([201, responses[7]!.body.lead.id, "true"]);
    expect(await db().lead.count()).toBe(24);
  });

  it("merges repeats of one email within a group into one lead", async () => {
    await makeUser("SALES_REP");
    const responses = await Promise.all(Array.from({ length: 12 }, (_, n) => api.postLead({ key, body: n === 0 ? leadInput({ email: "same@customer.test" }) : leadInput({ email: "Same@Customer.test", title: undefined }) })));
    expect(responses.map((response) => response.status).sort()).toEqual([...Array(11).fill(200), 201]);
    expect(new Set(responses.map((response) => response.body.lead.id)).size).toBe(1);
    expect(await db().lead.count()).toBe(1);
    expect(await db().sourceTouch.count()).toBe(12);
  });

  it("refuses a lead with an unknown campaign alone, writing the others", async () => {
    await makeUser("SALES_REP");
    const campaign = await makeCampaign((await makeUser("MARKETER")).id);
    const bodies = Array.from({ length: 10 }, (_, n) => leadInput({ campaignId: n === 4 ? "no-such-campaign" : campaign.id }));
    const responses = await Promise.all(bodies.map((body) => api.postLead({ key, body })));
    expect(responses[4]).toMatchObject({ status: 422, body: { error: { code: "invalid", fieldErrors: { campaignId: ["Choose a campaign from the list"] } } } });
    expect(responses.filter((response) => response.status === 201)).toHaveLength(9);
    expect(await db().lead.count({ where: { campaignId: campaign.id } })).toBe(9);
    expect(await db().lead.count({ where: { email: bodies[4]!.email } })).toBe(0);
  });

  describe("when one lead of a group fails in the database", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    afterEach(async () => {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_one ON "Lead"`);
    });

    it("answers that one with 500 and nothing of it written, and writes the others", async () => {
      await makeUser("SALES_REP");
      await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_fail_one() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.email = 'breaks@customer.test' THEN RAISE EXCEPTION 'forced failure (test)'; END IF; RETURN NEW; END $$`);
      await db().$executeRawUnsafe(`CREATE TRIGGER test_fail_one BEFORE INSERT ON "Lead" FOR EACH ROW EXECUTE FUNCTION test_fail_one()`);
      const bodies = Array.from({ length: 10 }, (_, n) => (n === 6 ? leadInput({ email: "breaks@customer.test" }) : lead(n)));
      const responses = await Promise.all(bodies.map((body) => api.postLead({ key, body })));
      expect(responses[6]).toMatchObject({ status: 500, body: { error: { code: "server_error" } } });
      expect(errors).toHaveBeenCalled();
      expect(responses.filter((response) => response.status === 201)).toHaveLength(9);
      expect(await db().lead.count()).toBe(9);
      expect(await db().sourceTouch.count()).toBe(9);
      expect(await db().auditEvent.count({ where: { action: "lead.created" } })).toBe(9);
    });
  });

  it("counts every request of a burst against the key's limit, in the database", async () => {
    const saved = process.env.INTAKE_RATE_LIMIT;
    process.env.INTAKE_RATE_LIMIT = "5";
    try {
      const responses = await Promise.all(Array.from({ length: 8 }, () => api.postLead({ key, body: lead(1) })));
      expect(responses.map((response) => response.status).sort()).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
      expect(await db().lead.count()).toBe(5);
      expect((await db().apiRateWindow.findFirstOrThrow()).count).toBe(8);
    } finally {
      if (saved === undefined) delete process.env.INTAKE_RATE_LIMIT;
      else process.env.INTAKE_RATE_LIMIT = saved;
    }
  });
});
