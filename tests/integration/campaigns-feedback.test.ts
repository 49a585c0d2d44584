import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rateCampaignAction } from "@/lib/campaigns/actions";
import { campaignRatingOverview, listCampaignFeedback, myFeedback, ratingSummary } from "@/lib/campaigns/feedback-queries";
import { getCampaign, listCampaigns } from "@/lib/campaigns/queries";
import { campaignResults } from "@/lib/campaigns/results";
import { handoverFigures, funnelFigures } from "@/lib/metrics/queries";
import { acceptHandover, rejectHandover } from "@/lib/handovers/service";
import { signInAs } from "./support/session";
import { makeActiveDefinition, makeLead, makeUser } from "./support/factories";
import { resetDatabase } from "./support/db";
import { countsWithFeedback, handCampaignLeadTo, makeCampaign } from "./support/campaigns";

beforeEach(async () => {
  await resetDatabase();
});

async function campaignWithRep() {
  const marketer = await makeUser("MARKETER");
  const rep = await makeUser("SALES_REP");
  const campaign = await makeCampaign(marketer.id);
  await handCampaignLeadTo(campaign.id, rep, marketer);
  return { marketer, rep, campaign };
}

describe("one rating per rep per campaign", () => {
  it("keeps one row when a first rating is double-submitted", async () => {
    const { rep, campaign } = await campaignWithRep();
    signInAs(rep);
    const input = { campaignId: campaign.id, rating: 5, comment: "Great fit" };
    const results = await Promise.all([rateCampaignAction(input), rateCampaignAction(input), rateCampaignAction(input)]);
    for (const result of results) expect(result).toMatchObject({ ok: true, data: { version: 1 } });
    expect(new Set(results.map((result) => (result.ok ? result.data.id : null))).size).toBe(1);
    expect(await db().feedback.count()).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "campaign.rated" } })).toBe(1);
  });

  it("refuses a second, different first rating (another tab) instead of overwriting", async () => {
    const { rep, campaign } = await campaignWithRep();
    signInAs(rep);
    expect((await rateCampaignAction({ campaignId: campaign.id, rating: 4 })).ok).toBe(true);
    const before = await countsWithFeedback();
    expect(await rateCampaignAction({ campaignId: campaign.id, rating: 1, comment: "From the other tab" })).toEqual({ ok: false, formError: expect.stringMatching(/changed elsewhere/) });
    expect(await countsWithFeedback()).toEqual(before);
    expect(await db().feedback.findFirstOrThrow()).toMatchObject({ rating: 4, comment: null, version: 1 });
  });

  it("detects a concurrent edit by version, and takes a double-submitted edit as one", async () => {
    const { rep, campaign } = await campaignWithRep();
    signInAs(rep);
    await rateCampaignAction({ campaignId: campaign.id, rating: 3 });
    const edit = { campaignId: campaign.id, rating: 2, comment: "Worse than it looked", version: 1 };
    const [first, second] = await Promise.all([rateCampaignAction(edit), rateCampaignAction(edit)]);
    expect([first, second]).toEqual([
      { ok: true, data: { id: expect.any(String), version: 2 } },
      { ok: true, data: { id: expect.any(String), version: 2 } },
    ]);
    const stale = await rateCampaignAction({ ...edit, rating: 5, comment: "Old screen" });
    expect(stale).toEqual({ ok: false, formError: expect.stringMatching(/changed elsewhere/) });
    expect(await db().feedback.findFirstOrThrow()).toMatchObject({ rating: 2, comment: "Worse than it looked", version: 2 });
    expect(await db().auditEvent.count({ where: { action: "campaign.rating_changed" } })).toBe(1);
  });

  it("is kept by the database too: one row per (campaign, rep), ratings 1 to 5", async () => {
    const { rep, campaign } = await campaignWithRep();
    await db().feedback.create({ data: { campaignId: campaign.id, repId: rep.id, rating: 3 } });
    await expect(db().feedback.create({ data: { campaignId: campaign.id, repId: rep.id, rating: 4 } })).rejects.toThrow();
    const other = await makeCampaign((await makeUser("MARKETER")).id);
    await expect(db().feedback.create({ data: { campaignId: other.id, repId: rep.id, rating: 6 } })).rejects.toThrow();
    expect(await db().feedback.count()).toBe(1);
  });

  it("lets only reps who worked one of the campaign's leads rate it", async () => {
    const { campaign } = await campaignWithRep();
    const stranger = await makeUser("SALES_REP");
    signInAs(stranger);
    const before = await countsWithFeedback();
    expect(await rateCampaignAction({ campaignId: campaign.id, rating: 1, comment: "Never saw one" })).toEqual({ ok: false, formError: expect.stringMatching(/once one of its leads/) });
    expect(await rateCampaignAction({ campaignId: "no-such-campaign", rating: 3 })).toEqual({ ok: false, formError: "That campaign does not exist." });
    expect(await rateCampaignAction({ campaignId: campaign.id, rating: 9 })).toMatchObject({ ok: false, fieldErrors: { rating: ["Choose a rating from 1 to 5"] } });
    expect(await countsWithFeedback()).toEqual(before);
    expect(await myFeedback({ id: stranger.id, role: "SALES_REP", name: "", email: "" }, campaign.id)).toEqual({ mayRate: false, current: null });
  });
});

describe("what the campaign page and the marketing review show", () => {
  it("gives the average, the count and the comments of every rep's rating", async () => {
    const { marketer, rep, campaign } = await campaignWithRep();
    const colleague = await makeUser("SALES_REP");
    await handCampaignLeadTo(campaign.id, colleague, marketer);
    signInAs(rep);
    await rateCampaignAction({ campaignId: campaign.id, rating: 4, comment: "Decent" });
    signInAs(colleague);
    await rateCampaignAction({ campaignId: campaign.id, rating: 1, comment: "Students" });

    expect(await ratingSummary(campaign.id)).toEqual({ count: 2, average: 2.5, distribution: [1, 0, 0, 1, 0] });
    const viewer = { id: marketer.id, role: "MARKETER" as const, name: "", email: "" };
    expect((await listCampaignFeedback(viewer, campaign.id)).map((entry) => [entry.rating, entry.comment])).toEqual([
      [1, "Students"],
      [4, "Decent"],
    ]);
    expect(await listCampaignFeedback({ ...viewer, role: "ADMIN" }, campaign.id)).toEqual([]);
    const overview = await campaignRatingOverview();
    expect(overview.campaigns).toEqual([{ id: campaign.id, name: campaign.name, average: 2.5, count: 2 }]);
    expect(overview.comments.map((comment) => comment.comment)).toEqual(["Students", "Decent"]);
    const list = await listCampaigns(viewer, { q: "", page: 1 });
    expect(list.rows[0]).toMatchObject({ id: campaign.id, rating: { average: 2.5, count: 2 } });
    // A rep's "campaigns I worked" lists the ones they may rate; searching by name narrows any list.
    const other = await makeCampaign(marketer.id, { name: "Unrelated summit" });
    const asRep = { id: rep.id, role: "SALES_REP" as const, name: "", email: "" };
    expect((await listCampaigns(asRep, { q: "", page: 1, worked: "1" })).rows.map((row) => row.id)).toEqual([campaign.id]);
    expect((await listCampaigns(asRep, { q: "", page: 1 })).total).toBe(2);
    expect((await listCampaigns(viewer, { q: "SUMMIT", page: 1 })).rows.map((row) => row.id)).toEqual([other.id]);
  });

  it("shows results from real data that agree with the dashboards' figures for the same campaign and days", async () => {
    const definition = await makeActiveDefinition();
    const marketer = await makeUser("MARKETER");
    const rep = await makeUser("SALES_REP");
    const now = new Date();
    const campaign = await makeCampaign(marketer.id, { startsAt: new Date(now.getTime() - 10 * 86_400_000) });
    const leads = [];
    for (let index = 0; index < 4; index++) leads.push(await makeLead(marketer, { campaignId: campaign.id }));
    await makeLead(marketer, { source: "OUTBOUND" });
    expect(definition.version).toBe(1);
    const handovers = await db().handover.findMany({ where: { lead: { campaignId: campaign.id } }, include: { lead: { select: { version: true } } }, orderBy: { createdAt: "asc" } });
    expect(handovers).toHaveLength(4);
    await acceptHandover(rep, { handoverId: handovers[0]!.id, leadVersion: handovers[0]!.lead.version });
    await rejectHandover(rep, { handoverId: handovers[1]!.id, leadVersion: handovers[1]!.lead.version, reasonCode: "no_budget", note: "No money this year" });
    await rejectHandover(rep, { handoverId: handovers[2]!.id, leadVersion: handovers[2]!.lead.version, reasonCode: "no_budget", note: "Frozen budget" });

    const detail = await getCampaign({ id: marketer.id, role: "MARKETER", name: "", email: "" }, campaign.id);
    const view = await campaignResults(detail!, now);
    expect(view.results).toMatchObject({ leads: 4, mqls: 4, handedOver: 4, accepted: 1, rejected: 2, pending: 1, reasons: [{ label: "No budget", count: 2 }] });
    const filter = { campaignId: campaign.id, period: view.period };
    expect((await handoverFigures(filter, view.period, now)).acceptance.handedOver).toBe(view.results.handedOver);
    expect((await funnelFigures(filter)).cohort.stages.find((stage) => stage.stage === "SAL")?.entered).toBe(1);
  });
});
