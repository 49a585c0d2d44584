import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/enums";
import { can } from "@/lib/auth/permissions";
import { rotateWebFormTokenAction, saveWebFormAction } from "@/lib/web-forms/actions";
import { rotateWebFormToken, saveWebForm } from "@/lib/web-forms/service";
import { resetDatabase } from "./support/db";
import { makeActiveDefinition, makeLead, makeUser } from "./support/factories";
import { makeCampaign } from "./support/campaigns";
import { intakeCounts } from "./support/intake";
import { signInAs } from "./support/session";
import { form, formCounts, SITE, visitor } from "./support/web-forms";

type Person = Awaited<ReturnType<typeof makeUser>>;
let marketer: Person;
let campaign: { id: string; name: string };
let token: string;

async function openForm(owner: Person, campaignId: string, settings: { origins?: string[]; thankYouUrl?: string | null } = {}) {
  await saveWebForm(owner, { campaignId, enabled: true, origins: settings.origins ?? [SITE, "http://localhost:8080"], thankYouUrl: settings.thankYouUrl ?? null });
  return db().webForm.findUniqueOrThrow({ where: { campaignId } });
}

beforeEach(async () => {
  await resetDatabase();
  await makeActiveDefinition();
  await makeUser("SALES_REP");
  marketer = await makeUser("MARKETER");
  campaign = await makeCampaign(marketer.id, { name: "Spring webinar" });
  token = (await openForm(marketer, campaign.id)).token;
});

afterEach(() => {
  delete process.env.WEBFORM_RATE_LIMIT;
  delete process.env.WEBFORM_RATE_WINDOW_SECONDS;
  signInAs(null);
});

describe("a submission", () => {
  it("creates a lead scored and qualified like the lead form's, attributed to the form's campaign, and thanks the visitor", async () => {
    const typed = await makeLead(marketer, { email: "typed@prospect.test", company: "Typed GmbH", source: "WEBSITE", campaignId: campaign.id, companySize: 250, industry: "Software", country: "DE" });
    // What the post says about source and campaign is ignored: the form decides.
    const response = await form.postForm(token, { ...visitor({ email: "  Ada@Prospect.TEST ", company: "Ada GmbH" }), source: "PARTNER", campaignId: "elsewhere" });

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.text).toContain("<h1>Thank you</h1>");
    expect(response.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(response.headers.get("vary")).toBe("Origin");
    const [lead, formLead] = await Promise.all([
      db().lead.findUniqueOrThrow({ where: { email: "ada@prospect.test" }, include: { handovers: true, stageChanges: { orderBy: { at: "asc" } }, sourceTouches: true } }),
      db().lead.findUniqueOrThrow({ where: { email: typed.email } }),
    ]);
    expect(lead).toMatchObject({ source: "WEBSITE", campaignId: campaign.id, ownerId: null, createdById: null, score: formLead.score, stage: formLead.stage });
    expect(lead.stage).toBe("MQL");
    expect(lead.handovers).toHaveLength(1);
    expect(lead.stageChanges.map((change) => [change.fromStage, change.toStage, change.reason])).toEqual([
      [null, "INQUIRY", "Arrived through a web form"],
      ["INQUIRY", "MQL", expect.any(String)],
    ]);
    const webForm = await db().webForm.findUniqueOrThrow({ where: { token } });
    expect(lead.sourceTouches).toEqual([expect.objectContaining({ source: "WEBSITE", campaignId: campaign.id, webFormId: webForm.id, apiKeyId: null, created: true })]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: lead.id, action: "lead.created" } });
    expect(audit).toMatchObject({ actorId: null, data: expect.objectContaining({ actor: "web-form:Spring webinar", webFormId: webForm.id, campaignId: campaign.id }) });
  });

  it("redirects a plain form post to the configured thank-you page", async () => {
    await saveWebForm(marketer, { campaignId: campaign.id, enabled: true, origins: [SITE], thankYouUrl: "https://www.customer-site.test/thanks", version: 1 });
    const response = await form.postForm(token, visitor());
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("https://www.customer-site.test/thanks");
    expect(await db().lead.count()).toBe(1);
  });

  it("accepts JSON and multipart posts from scripts, answering JSON", async () => {
    const json = await form.postJson(token, { ...visitor(), companySize: 40 });
    expect(json).toMatchObject({ status: 200, json: { ok: true, message: expect.stringMatching(/Thank you/) } });
    expect(json.headers.get("access-control-allow-origin")).toBe(SITE);
    const multipart = await form.postMultipart(token, visitor(), { origin: "http://localhost:8080" });
    expect(multipart).toMatchObject({ status: 200, json: { ok: true } });
    expect(multipart.headers.get("access-control-allow-origin")).toBe("http://localhost:8080");
    expect(await db().lead.count({ where: { campaignId: campaign.id, source: "WEBSITE" } })).toBe(2);
  });

  it("merges a second submission of the same email, and answers exactly as it answered the first", async () => {
    const first = await form.postJson(token, visitor({ email: "dup@prospect.test", title: "", companySize: "" }));
    const second = await form.postJson(token, visitor({ email: "DUP@prospect.test ", name: "Someone Else", title: "CFO", companySize: "900" }));
    expect([second.status, second.json]).toEqual([first.status, first.json]);
    expect(await db().lead.count({ where: { email: "dup@prospect.test" } })).toBe(1);
    const lead = await db().lead.findUniqueOrThrow({ where: { email: "dup@prospect.test" }, include: { sourceTouches: { orderBy: { at: "asc" } }, company: true } });
    expect(lead).toMatchObject({ title: "CFO", name: expect.not.stringMatching(/Someone Else/) });
    expect(lead.company.size).toBe(900);
    expect(lead.sourceTouches.map((touch) => touch.created)).toEqual([true, false]);
    expect(await db().auditEvent.findFirstOrThrow({ where: { entityId: lead.id, action: "lead.merged" } })).toMatchObject({ data: expect.objectContaining({ actor: "web-form:Spring webinar" }) });
  });

  it("refuses invalid fields with 422 (JSON: every field's errors; a form post: a page listing them) and writes nothing", async () => {
    const before = await intakeCounts();
    const json = await form.postJson(token, { name: "", email: "not-an-email", company: "", companySize: "-3", country: "XX" });
    expect(json.status).toBe(422);
    expect(Object.keys(json.json!.error.fieldErrors).sort()).toEqual(["company", "companySize", "country", "email", "name"]);
    const page = await form.postForm(token, visitor({ email: "nope" }));
    expect(page.status).toBe(422);
    expect(page.text).toContain("<strong>Work email</strong>");
    expect(page.headers.get("access-control-allow-origin")).toBe(SITE);
    expect((await form.postJson(token, [visitor()])).status).toBe(400);
    const plain = await formRoutePlainText(token);
    expect(plain.status).toBe(415);
    // Text the database cannot store as sent is a field error, never a failed write.
    const nul = await form.postJson(token, visitor({ name: "Ada\u0000Lovelace", company: "Broken \uD800 Co" }));
    expect(nul.status).toBe(422);
    expect(Object.keys(nul.json!.error.fieldErrors).sort()).toEqual(["company", "name"]);
    expect(await intakeCounts()).toEqual(before);
  });
});

async function formRoutePlainText(formToken: string) {
  const route = await import("@/app/api/v1/forms/[token]/route");
  return route.POST(
    new Request(`http://tandem.test/api/v1/forms/${formToken}`, { method: "POST", headers: { origin: SITE, "content-type": "text/plain" }, body: "name=x" }),
    { params: Promise.resolve({ token: formToken }) },
  );
}

describe("origins", () => {
  it("refuses a post from any other origin, or with none, with 403 and no CORS grant, and writes nothing at all", async () => {
    const before = await formCounts();
    for (const origin of ["https://evil.test", "https://customer-site.test", "http://www.customer-site.test", "null", null]) {
      for (const response of [await form.postJson(token, visitor(), { origin }), await form.postForm(token, visitor(), { origin })]) {
        expect(response.status, String(origin)).toBe(403);
        expect(response.headers.get("access-control-allow-origin")).toBeNull();
        expect(response.headers.get("vary")).toBe("Origin");
      }
    }
    expect(await formCounts()).toEqual(before);
  });

  it("answers a preflight from a listed origin, and refuses one from elsewhere", async () => {
    const allowed = await form.preflight(token);
    expect(allowed.status).toBe(204);
    expect(Object.fromEntries(allowed.headers)).toMatchObject({
      "access-control-allow-origin": SITE,
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": "Content-Type, Accept",
      "access-control-max-age": "600",
      vary: "Origin",
    });
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
    const refused = await form.preflight(token, { origin: "https://evil.test" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect((await form.preflight("wf_" + "x".repeat(32))).status).toBe(404);
  });
});

describe("the honeypot", () => {
  it("answers a filled honeypot exactly like a real submission, writes no lead, and counts it against the address", async () => {
    const real = await form.postForm(token, visitor(), { address: "198.51.100.1" });
    const before = await intakeCounts();
    const bot = await form.postForm(token, visitor({ website: "https://cheap-pills.test" }), { address: "198.51.100.2" });
    expect([bot.status, bot.text, bot.headers.get("content-type"), bot.headers.get("access-control-allow-origin")]).toEqual([
      real.status,
      real.text,
      real.headers.get("content-type"),
      real.headers.get("access-control-allow-origin"),
    ]);
    const botJson = await form.postJson(token, { ...visitor(), website: "x" }, { address: "198.51.100.2" });
    expect(botJson).toMatchObject({ status: 200, json: { ok: true } });
    expect(await intakeCounts()).toEqual(before);
    expect(await db().rateLimit.findUniqueOrThrow({ where: { key: "web-form:address:198.51.100.2" } })).toMatchObject({ count: 2 });
  });
});

describe("the per-address limit", () => {
  it("refuses an address over the limit with 429 and Retry-After, writing nothing, while other addresses go on", async () => {
    process.env.WEBFORM_RATE_LIMIT = "3";
    process.env.WEBFORM_RATE_WINDOW_SECONDS = "120";
    for (let attempt = 0; attempt < 3; attempt++) expect((await form.postJson(token, visitor(), { address: "192.0.2.10" })).status).toBe(200);
    const before = await intakeCounts();
    const refused = await form.postJson(token, visitor(), { address: "192.0.2.10" });
    expect(refused.status).toBe(429);
    expect(refused.json!.error.code).toBe("rate_limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(120);
    const page = await form.postForm(token, visitor(), { address: "192.0.2.10" });
    expect([page.status, page.headers.get("retry-after") !== null]).toEqual([429, true]);
    expect(await intakeCounts()).toEqual(before);
    // The address is the last X-Forwarded-For entry (written by Tandem's own server); what the client claims before it is ignored.
    expect((await form.postJson(token, visitor(), { address: "10.9.9.9, 192.0.2.10" })).status).toBe(429);
    expect((await form.postJson(token, visitor(), { address: "192.0.2.11" })).status).toBe(200);
  });
});

describe("tokens", () => {
  it("answers 404 to an unknown, a disabled and a rotated token, and writes nothing", async () => {
    const before = await formCounts();
    for (const unknown of ["wf_" + "A".repeat(32), "not-a-token", `tdm_${"A".repeat(43)}`]) {
      expect((await form.postJson(unknown, visitor())).status).toBe(404);
      expect((await form.postForm(unknown, visitor())).status).toBe(404);
    }
    expect(await formCounts()).toEqual(before);

    await saveWebForm(marketer, { campaignId: campaign.id, enabled: false, origins: [SITE], thankYouUrl: null, version: 1 });
    const disabledBefore = await formCounts();
    expect((await form.postJson(token, visitor())).status).toBe(404);
    expect((await form.preflight(token)).status).toBe(404);
    expect(await formCounts()).toEqual(disabledBefore);

    await saveWebForm(marketer, { campaignId: campaign.id, enabled: true, origins: [SITE], thankYouUrl: null, version: 2 });
    await rotateWebFormToken(marketer, { campaignId: campaign.id, version: 3 });
    const rotated = await db().webForm.findUniqueOrThrow({ where: { campaignId: campaign.id } });
    expect(rotated.token).not.toBe(token);
    const rotatedBefore = await formCounts();
    expect((await form.postJson(token, visitor())).status).toBe(404);
    expect(await formCounts()).toEqual(rotatedBefore);
    expect((await form.postJson(rotated.token, visitor())).status).toBe(200);
  });
});

describe.each(Object.values(Role))("managing the web form as %s", (role) => {
  const manages = can(role, "campaign:manage");

  it(manages ? "creates, edits, turns off and on, and rotates it, each audited" : "is refused every change, and nothing is written", async () => {
    const actor = await makeUser(role);
    // A marketer manages the forms of the campaigns they run: give them one.
    const owner = role === "MARKETER" ? actor : marketer;
    const own = await makeCampaign(owner.id);
    signInAs(actor);
    const before = await formCounts();

    const created = await saveWebFormAction({ campaignId: own.id, enabled: "true", origins: "https://www.example.com\nhttp://localhost:3000", thankYouUrl: "" });
    if (!manages) {
      const rotated = await rotateWebFormTokenAction({ campaignId: campaign.id, version: 1 });
      const disabled = await saveWebFormAction({ campaignId: campaign.id, enabled: false, origins: [SITE], version: 1 });
      for (const result of [created, rotated, disabled]) expect(result).toEqual({ ok: false, formError: expect.stringMatching(/role does not allow/) });
      expect(await formCounts()).toEqual(before);
      expect(await db().webForm.findUniqueOrThrow({ where: { campaignId: campaign.id } })).toMatchObject({ token, enabled: true, version: 1 });
      return;
    }
    expect(created).toEqual({ ok: true, data: { version: 1, enabled: true, origins: ["https://www.example.com", "http://localhost:3000"], thankYouUrl: null } });
    const made = await db().webForm.findUniqueOrThrow({ where: { campaignId: own.id } });
    expect(made).toMatchObject({ enabled: true, origins: ["https://www.example.com", "http://localhost:3000"], thankYouUrl: null, createdById: actor.id, rotatedAt: null });
    expect(made.token).toMatch(/^wf_[A-Za-z0-9_-]{32}$/);

    // A double click saves once.
    const settings = { campaignId: own.id, enabled: true, origins: ["https://www.example.com"], thankYouUrl: "https://www.example.com/thanks", version: 1 };
    expect(await saveWebFormAction(settings)).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await saveWebFormAction(settings)).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await saveWebFormAction({ ...settings, enabled: false, version: 2 })).toMatchObject({ ok: true, data: { version: 3, enabled: false } });
    expect(await saveWebFormAction({ ...settings, enabled: true, version: 3 })).toMatchObject({ ok: true, data: { version: 4, enabled: true } });
    expect(await rotateWebFormTokenAction({ campaignId: own.id, version: 4 })).toEqual({ ok: true, data: { version: 5 } });
    // The same click again saw version 4: refused, the token rotates once.
    expect(await rotateWebFormTokenAction({ campaignId: own.id, version: 4 })).toMatchObject({ ok: false, formError: expect.stringMatching(/changed this web form/) });
    const now = await db().webForm.findUniqueOrThrow({ where: { campaignId: own.id } });
    expect(now).toMatchObject({ enabled: true, origins: ["https://www.example.com"], thankYouUrl: "https://www.example.com/thanks", version: 5, rotatedAt: expect.any(Date) });
    expect(now.token).not.toBe(made.token);

    const audit = await db().auditEvent.findMany({ where: { entityId: own.id }, orderBy: { at: "asc" }, select: { action: true, actorId: true, entityType: true, data: true } });
    expect(audit.map((entry) => [entry.action, entry.actorId, entry.entityType])).toEqual([
      ["web_form.created", actor.id, "Campaign"],
      ["web_form.updated", actor.id, "Campaign"],
      ["web_form.disabled", actor.id, "Campaign"],
      ["web_form.enabled", actor.id, "Campaign"],
      ["web_form.token_rotated", actor.id, "Campaign"],
    ]);
    expect(audit[1]!.data).toMatchObject({ origins: { from: ["https://www.example.com", "http://localhost:3000"], to: ["https://www.example.com"] }, thankYouUrl: { from: null, to: "https://www.example.com/thanks" } });
  });
});

describe("managing, record by record", () => {
  it("refuses a marketer the form of a campaign someone else runs, and writes nothing", async () => {
    const other = await makeUser("MARKETER");
    signInAs(other);
    const before = await formCounts();
    const results = [
      await saveWebFormAction({ campaignId: campaign.id, enabled: false, origins: [SITE], version: 1 }),
      await rotateWebFormTokenAction({ campaignId: campaign.id, version: 1 }),
    ];
    for (const result of results) expect(result).toEqual({ ok: false, formError: expect.stringMatching(/marketer who runs this campaign, or the marketing manager/) });
    expect(await formCounts()).toEqual(before);
  });

  it("refuses invalid origins and thank-you pages next to their fields, and an unknown campaign, writing nothing", async () => {
    signInAs(marketer);
    const before = await formCounts();
    const invalid = await saveWebFormAction({ campaignId: campaign.id, enabled: true, origins: "https://*.example.com\nhttp://plain.example.com", thankYouUrl: "javascript:alert(1)", version: 1 });
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { origins: [expect.stringMatching(/wildcards/), expect.stringMatching(/use https/)], thankYouUrl: [expect.any(String)] } });
    const none = await saveWebFormAction({ campaignId: campaign.id, enabled: true, origins: "", version: 1 });
    expect(none).toMatchObject({ ok: false, fieldErrors: { origins: [expect.stringMatching(/at least one/)] } });
    expect(await saveWebFormAction({ campaignId: "no-such-campaign", enabled: false, origins: "" })).toMatchObject({ ok: false, formError: "That campaign does not exist." });
    expect(await rotateWebFormTokenAction({ campaignId: (await makeCampaign(marketer.id)).id, version: 1 })).toMatchObject({ ok: false, formError: expect.stringMatching(/no web form yet/) });
    expect(await formCounts()).toEqual({ ...before, campaigns: before.campaigns + 1 });
  });

  it("refuses a save based on an older version of the form", async () => {
    const manager = await makeUser("MARKETING_MANAGER");
    signInAs(manager);
    expect(await saveWebFormAction({ campaignId: campaign.id, enabled: true, origins: [SITE, "https://shop.customer-site.test"], version: 1 })).toMatchObject({ ok: true, data: { version: 2 } });
    signInAs(marketer);
    const stale = await saveWebFormAction({ campaignId: campaign.id, enabled: false, origins: [SITE], version: 1 });
    expect(stale).toMatchObject({ ok: false, formError: expect.stringMatching(/changed this web form since you opened it/) });
    expect(await db().webForm.findUniqueOrThrow({ where: { campaignId: campaign.id } })).toMatchObject({ enabled: true, version: 2 });
  });
});
