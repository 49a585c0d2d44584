import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/enums";
import { can } from "@/lib/auth/permissions";
import { createCampaignAction, rateCampaignAction, updateCampaignAction } from "@/lib/campaigns/actions";
import { signInAs } from "./support/session";
import { makeUser } from "./support/factories";
import { resetDatabase } from "./support/db";
import { campaignForm, countsWithFeedback, handCampaignLeadTo, makeCampaign } from "./support/campaigns";

const ROLES = Object.values(Role);

beforeEach(async () => {
  await resetDatabase();
});

describe.each(ROLES)("campaign actions as %s", (role) => {
  const manages = can(role, "campaign:manage");
  const rates = can(role, "campaign:rate");

  it(manages ? "creates and edits a campaign, each audited" : "is refused creating or editing, and nothing changes", async () => {
    const actor = await makeUser(role);
    const marketer = await makeUser("MARKETER");
    // A marketer edits the campaigns they run: give them this one.
    const owner = role === "MARKETER" ? actor : marketer;
    const campaign = await makeCampaign(owner.id);
    signInAs(actor);
    const before = await countsWithFeedback();

    const created = await createCampaignAction(campaignForm(owner.id));
    const edited = await updateCampaignAction({ ...campaignForm(owner.id, { name: "Renamed", targetMqls: "" }), id: campaign.id, version: campaign.version });

    if (!manages) {
      for (const result of [created, edited]) expect(result).toEqual({ ok: false, formError: expect.stringMatching(/role does not allow/) });
      expect(await countsWithFeedback()).toEqual(before);
      expect(await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ name: campaign.name, version: 1 });
      return;
    }
    expect([created.ok, edited.ok]).toEqual([true, true]);
    const made = await db().campaign.findUniqueOrThrow({ where: { id: created.ok ? created.data.id : "" } });
    expect(made).toMatchObject({ name: "Q1 2027 Forecasting Webinar", channel: "WEBINAR", ownerId: owner.id, goal: "Fill the Q1 pipeline with finance leaders", targetMqls: 40, version: 1 });
    expect(made.startsAt.toISOString()).toBe("2027-01-10T00:00:00.000Z");
    expect(Number(made.budget)).toBe(7500);
    expect(await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ name: "Renamed", targetMqls: null, version: 2 });
    const audit = await db().auditEvent.findMany({ orderBy: { at: "asc" }, select: { action: true, actorId: true } });
    expect(audit).toEqual([
      { action: "campaign.created", actorId: actor.id },
      { action: "campaign.updated", actorId: actor.id },
    ]);
  });

  it(rates ? "rates a campaign whose leads they worked, then edits the rating" : "is refused rating, and nothing changes", async () => {
    const actor = await makeUser(role);
    const marketer = await makeUser("MARKETER");
    const campaign = await makeCampaign(marketer.id);
    if (role === "SALES_REP") await handCampaignLeadTo(campaign.id, actor, marketer);
    signInAs(actor);
    const before = await countsWithFeedback();

    const rated = await rateCampaignAction({ campaignId: campaign.id, rating: "4", comment: "Good fit, some students" });

    if (!rates) {
      expect(rated).toEqual({ ok: false, formError: expect.stringMatching(/role does not allow/) });
      expect(await countsWithFeedback()).toEqual(before);
      return;
    }
    expect(rated).toEqual({ ok: true, data: { id: expect.any(String), version: 1 } });
    const edited = await rateCampaignAction({ campaignId: campaign.id, rating: 2, comment: "Mostly students after all", version: 1 });
    expect(edited).toEqual({ ok: true, data: { id: rated.ok ? rated.data.id : "", version: 2 } });
    expect(await db().feedback.findMany({ select: { repId: true, rating: true, comment: true, version: true } })).toEqual([
      { repId: actor.id, rating: 2, comment: "Mostly students after all", version: 2 },
    ]);
    const audit = await db().auditEvent.findMany({ where: { entityId: campaign.id }, orderBy: { at: "asc" }, select: { action: true } });
    expect(audit.map((event) => event.action)).toEqual(["campaign.rated", "campaign.rating_changed"]);
  });
});

describe("campaign actions, signed out", () => {
  it("refuses every action and writes nothing", async () => {
    const marketer = await makeUser("MARKETER");
    const campaign = await makeCampaign(marketer.id);
    signInAs(null);
    const before = await countsWithFeedback();
    const results = [
      await createCampaignAction(campaignForm(marketer.id)),
      await updateCampaignAction({ ...campaignForm(marketer.id), id: campaign.id, version: 1 }),
      await rateCampaignAction({ campaignId: campaign.id, rating: 5 }),
    ];
    for (const result of results) expect(result).toEqual({ ok: false, formError: expect.stringMatching(/session has ended/) });
    expect(await countsWithFeedback()).toEqual(before);
  });
});

describe("campaign validation and ownership", () => {
  it("answers bad input with field errors and writes nothing", async () => {
    const marketer = await makeUser("MARKETER");
    const rep = await makeUser("SALES_REP");
    signInAs(marketer);
    const before = await countsWithFeedback();
    const result = await createCampaignAction(campaignForm(marketer.id, { name: " ", endsAt: "2027-01-01", budget: "-5", targetMqls: "-1" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)], endsAt: ["The end date must be after the start date"], budget: ["The budget cannot be negative"], targetMqls: [expect.any(String)] } });
    // The owner must be an active marketer or marketing manager.
    const inactive = await makeUser("MARKETER", { active: false });
    for (const ownerId of [rep.id, inactive.id, "nobody"]) {
      expect(await createCampaignAction(campaignForm(ownerId))).toMatchObject({ ok: false, fieldErrors: { ownerId: ["The owner must be an active marketer or marketing manager"] } });
    }
    expect(await countsWithFeedback()).toEqual({ ...before, users: before.users + 1 });
  });

  it("lets a marketer edit only the campaigns they run; the marketing manager edits any", async () => {
    const [runner, colleague, head] = [await makeUser("MARKETER"), await makeUser("MARKETER"), await makeUser("MARKETING_MANAGER")];
    const campaign = await makeCampaign(runner.id);
    signInAs(colleague);
    const refused = await updateCampaignAction({ ...campaignForm(runner.id, { name: "Hijacked" }), id: campaign.id, version: 1 });
    expect(refused).toEqual({ ok: false, formError: expect.stringMatching(/marketer who runs this campaign/) });
    signInAs(head);
    // The head hands the campaign to the colleague, who may then edit it.
    expect(await updateCampaignAction({ ...campaignForm(colleague.id), id: campaign.id, version: 1 })).toMatchObject({ ok: true, data: { version: 2 } });
    signInAs(colleague);
    expect(await updateCampaignAction({ ...campaignForm(colleague.id, { name: "Mine now" }), id: campaign.id, version: 2 })).toMatchObject({ ok: true, data: { version: 3 } });
  });

  it("detects a concurrent edit instead of overwriting it, and takes a double-click on Save as one edit", async () => {
    const marketer = await makeUser("MARKETER");
    const campaign = await makeCampaign(marketer.id);
    signInAs(marketer);
    const form = { ...campaignForm(marketer.id, { name: "First edit" }), id: campaign.id, version: 1 };
    const [first, second] = await Promise.all([updateCampaignAction(form), updateCampaignAction(form)]);
    expect([first, second]).toEqual([{ ok: true, data: { id: campaign.id, version: 2 } }, { ok: true, data: { id: campaign.id, version: 2 } }]);
    const stale = await updateCampaignAction({ ...form, name: "Someone else's edit" });
    expect(stale).toEqual({ ok: false, formError: expect.stringMatching(/changed this campaign since you opened it/) });
    expect(await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ name: "First edit", version: 2 });
    expect(await db().auditEvent.count({ where: { action: "campaign.updated" } })).toBe(1);
  });

  it("creates one campaign from a double-submitted form", async () => {
    const marketer = await makeUser("MARKETER");
    signInAs(marketer);
    const form = campaignForm(marketer.id);
    const results = await Promise.all([createCampaignAction(form), createCampaignAction(form)]);
    const again = await createCampaignAction(form);
    expect(new Set([...results, again].map((result) => (result.ok ? result.data.id : result.formError))).size).toBe(1);
    expect(await db().campaign.count()).toBe(1);
    // The same one-time id with different fields is not a retry.
    expect(await createCampaignAction({ ...form, name: "Another" })).toEqual({ ok: false, formError: expect.stringMatching(/already used/) });
  });
});
