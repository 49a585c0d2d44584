import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { revokeApiKey } from "@/lib/api-keys/service";
import { resetDatabase } from "./support/db";
import { leadInput, makeActiveDefinition, makeLead, makeUser } from "./support/factories";
import { api, intakeCounts, makeApiKey } from "./support/intake";

let key: string;

beforeEach(async () => {
  await resetDatabase();
  await makeActiveDefinition();
  await makeUser("SALES_REP");
  key = (await makeApiKey("Website forms")).key;
});

describe("authentication", () => {
  it("refuses a missing, malformed, unknown or revoked key with 401 and writes nothing", async () => {
    const admin = await makeUser("ADMIN");
    const revoked = await makeApiKey("Old");
    await revokeApiKey(admin, revoked.id);
    const before = await intakeCounts();
    const calls = [
      { authorization: undefined, key: null },
      { authorization: "Basic dXNlcjpwYXNz" },
      { authorization: "Bearer not-a-key" },
      { key: `tdm_${"A".repeat(43)}` },
      { key: key.slice(0, -1) + (key.endsWith("A") ? "B" : "A") },
      { key: revoked.key },
    ];
    for (const call of calls) {
      const response = await api.postLead({ ...call, body: leadInput() });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      // The page proxy does not run for this JSON API: its own replies carry the headers that matter here.
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.body.error.code).toBe("unauthorized");
    }
    expect((await api.postLead({ key: revoked.key, body: leadInput() })).body.error.message).toMatch(/revoked/);
    expect((await api.getByEmail("x@y.test", { key: revoked.key })).status).toBe(401);
    expect(await intakeCounts()).toEqual(before);
  });

  it("records when a key was last used, and stores only the key's hash", async () => {
    const made = await makeApiKey("Checker");
    expect(await db().apiKey.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ lastUsedAt: null, prefix: made.key.slice(0, 12) });
    await api.getByEmail("nobody@customer.test", { key: made.key });
    const stored = await db().apiKey.findUniqueOrThrow({ where: { id: made.id } });
    expect(stored.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(stored)).not.toContain(made.key.slice(4));
  });
});

describe("one lead", () => {
  it("creates it, scored and qualified exactly as the form would, with the key as the audited actor", async () => {
    const marketer = await makeUser("MARKETER");
    const typed = await makeLead(marketer, { email: "typed@customer.test" });
    const input = { ...leadInput(), email: "  New.Person@Customer.TEST " };
    const response = await api.postLead({ key, body: input });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ outcome: "created", filled: [], lead: { email: "new.person@customer.test", stage: "MQL", owner: null } });
    const [apiLead, formLead] = await Promise.all([
      db().lead.findUniqueOrThrow({ where: { email: "new.person@customer.test" }, include: { handovers: true, stageChanges: true, sourceTouches: true } }),
      db().lead.findUniqueOrThrow({ where: { email: typed.email }, include: { handovers: true } }),
    ]);
    expect(apiLead.score).toBe(formLead.score);
    expect(apiLead.stage).toBe(formLead.stage);
    expect(apiLead.handovers).toHaveLength(1);
    expect(apiLead.stageChanges.map((change) => [change.fromStage, change.toStage, change.actorId])).toEqual([
      [null, "INQUIRY", null],
      ["INQUIRY", "MQL", null],
    ]);
    expect(apiLead.sourceTouches).toEqual([expect.objectContaining({ source: input.source, created: true })]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: apiLead.id, action: "lead.created" } });
    expect(audit).toMatchObject({ actorId: null, data: expect.objectContaining({ actor: "api-key:Website forms" }) });
    expect(response.body.lead).toMatchObject({ id: apiLead.id, score: apiLead.score, stage: "MQL" });
  });

  it("refuses invalid input with 422, every field's errors, and writes nothing", async () => {
    const before = await intakeCounts();
    const response = await api.postLead({ key, body: { name: "", email: "not-an-email", companySize: -3, source: "TELEPATHY", country: "XX" } });
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.error.fieldErrors).sort()).toEqual(["company", "companySize", "country", "email", "name", "source"]);
    const unknownCampaign = await api.postLead({ key, body: leadInput({ campaignId: "no-such-campaign" }) });
    expect(unknownCampaign).toMatchObject({ status: 422, body: { error: { fieldErrors: { campaignId: [expect.any(String)] } } } });
    expect((await api.postLead({ key, rawBody: "{not json" })).status).toBe(400);
    expect((await api.postLead({ key, body: [1, 2] })).status).toBe(422);
    expect(await intakeCounts()).toEqual(before);
  });

  it("merges a duplicate email into the existing lead: fills empty fields and records the new source", async () => {
    const first = await api.postLead({ key, body: leadInput({ email: "dup@customer.test", title: undefined, companySize: undefined, source: "WEBINAR" }) });
    expect(first.status).toBe(201);
    const second = await api.postLead({ key, body: leadInput({ email: "DUP@customer.test", name: "Other Name", title: "CFO", companySize: 900, source: "EVENT" }) });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ outcome: "merged", filled: ["title", "companySize"], lead: { id: first.body.lead.id, name: first.body.lead.name, title: "CFO" } });
    const lead = await db().lead.findUniqueOrThrow({ where: { email: "dup@customer.test" }, include: { sourceTouches: { orderBy: { at: "asc" } }, company: true } });
    expect(await db().lead.count({ where: { email: "dup@customer.test" } })).toBe(1);
    expect(lead.company.size).toBe(900);
    expect(lead.sourceTouches.map((touch) => [touch.source, touch.created])).toEqual([["WEBINAR", true], ["EVENT", false]]);
    expect(await db().auditEvent.count({ where: { entityId: lead.id, action: "lead.merged" } })).toBe(1);
  });

  it("creates one lead when the same email arrives ten times at once", async () => {
    const responses = await Promise.all(Array.from({ length: 10 }, () => api.postLead({ key, body: leadInput({ email: "race@customer.test" }) })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await db().lead.count({ where: { email: "race@customer.test" } })).toBe(1);
    expect(await db().sourceTouch.count()).toBe(10);
    expect(await db().handover.count()).toBe(1);
  });
});

describe("Idempotency-Key", () => {
  it("answers ten retries in sequence with the first response and writes one lead", async () => {
    const body = leadInput();
    const responses = [];
    for (let attempt = 0; attempt < 10; attempt++) responses.push(await api.postLead({ key, body, idempotencyKey: "retry-1" }));
    for (const response of responses) expect([response.status, response.body]).toEqual([responses[0]!.status, responses[0]!.body]);
    expect(responses[0]!.status).toBe(201);
    expect(responses[1]!.headers.get("idempotent-replayed")).toBe("true");
    expect(await db().lead.count()).toBe(1);
    expect(await db().sourceTouch.count()).toBe(1);
  });

  it("answers ten identical requests at once with one lead and one response", async () => {
    const body = leadInput();
    const responses = await Promise.all(Array.from({ length: 10 }, () => api.postLead({ key, body, idempotencyKey: "burst-1" })));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((response) => response.body.lead.id)).size).toBe(1);
    expect(await db().lead.count()).toBe(1);
    expect(await db().sourceTouch.count()).toBe(1);
  });

  it("refuses the same key with a different body (409) and writes nothing", async () => {
    await api.postLead({ key, body: leadInput(), idempotencyKey: "k-1" });
    const before = await intakeCounts();
    const response = await api.postLead({ key, body: leadInput(), idempotencyKey: "k-1" });
    expect(response).toMatchObject({ status: 409, body: { error: { code: "idempotency_conflict" } } });
    expect(await intakeCounts()).toEqual(before);
  });

  it("keeps keys apart per API key, and forgets a key after 24 hours", async () => {
    const other = await makeApiKey("Partner portal");
    const body = leadInput();
    await api.postLead({ key, body, idempotencyKey: "shared" });
    const fromOther = await api.postLead({ key: other.key, body, idempotencyKey: "shared" });
    expect(fromOther).toMatchObject({ status: 200, body: { outcome: "merged" } });
    await db().idempotencyKey.updateMany({ data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    const later = await api.postLead({ key, body: leadInput(), idempotencyKey: "shared" });
    expect(later.status).toBe(201);
  });
});

describe("reading leads back", () => {
  it("returns a lead by id and by email with its stage, score and owner; 404 otherwise", async () => {
    const created = await api.postLead({ key, body: leadInput({ email: "lookup@customer.test" }) });
    const byId = await api.getById(created.body.lead.id, { key });
    const byEmail = await api.getByEmail(" LOOKUP@customer.test ", { key });
    expect(byId).toMatchObject({ status: 200, body: { id: created.body.lead.id, stage: "MQL", score: expect.any(Number), owner: null } });
    expect(byEmail.body).toEqual(byId.body);
    expect((await api.getById("missing", { key })).status).toBe(404);
    expect((await api.getByEmail("nobody@customer.test", { key })).status).toBe(404);
    expect((await api.getByEmail("not an email", { key })).status).toBe(422);
  });
});

describe("rate limit", () => {
  it("refuses requests over the key's limit with 429 and Retry-After, per key, counted in the database", async () => {
    const saved = process.env.INTAKE_RATE_LIMIT;
    process.env.INTAKE_RATE_LIMIT = "3";
    try {
      const other = await makeApiKey("Other");
      const statuses = [];
      for (let index = 0; index < 5; index++) statuses.push((await api.getByEmail("a@b.test", { key })).status);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
      const limited = await api.postLead({ key, body: leadInput() });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(await db().lead.count()).toBe(0);
      expect((await api.getByEmail("a@b.test", { key: other.key })).status).toBe(404);
      const windows = await db().apiRateWindow.findMany({ select: { count: true }, orderBy: { count: "desc" } });
      expect(windows.map((window) => window.count)).toEqual([6, 1]);
    } finally {
      if (saved === undefined) delete process.env.INTAKE_RATE_LIMIT;
      else process.env.INTAKE_RATE_LIMIT = saved;
    }
  });
});
