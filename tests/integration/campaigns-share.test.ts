// Sharing a campaign's results card to the team channel, as every role: only marketing shares (a marketer their own
// campaigns, the marketing manager any), refused calls change nothing, a double submit posts once, and the body is
// the card of the campaign's real results, whatever the browser might send.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/enums";
import { can } from "@/lib/auth/permissions";
import { shareResultsCardAction } from "@/lib/campaigns/actions";
import { getCampaign } from "@/lib/campaigns/queries";
import { campaignResults } from "@/lib/campaigns/results";
import { resultsCard } from "@/lib/campaigns/rules";
import { signInAs } from "./support/session";
import { makeUser } from "./support/factories";
import { resetDatabase } from "./support/db";
import { handCampaignLeadTo, makeCampaign } from "./support/campaigns";
import { key, messagingSnapshot } from "./support/messaging";

const ROLES = Object.values(Role);

beforeEach(async () => {
  await resetDatabase();
});

async function teamMessages() {
  return db().message.findMany({ where: { thread: { subjectType: "TEAM" } }, select: { id: true, body: true, authorId: true } });
}

describe.each(ROLES)("sharing a results card as %s", (role) => {
  it(can(role, "campaign:manage") ? "posts the card of the real results to the team channel, audited" : "is refused, and nothing changes", async () => {
    const actor = await makeUser(role);
    const marketer = role === "MARKETER" ? actor : await makeUser("MARKETER");
    const campaign = await makeCampaign(marketer.id);
    await handCampaignLeadTo(campaign.id, await makeUser("SALES_REP"), marketer);
    const before = await messagingSnapshot();
    signInAs(actor);
    const result = await shareResultsCardAction({ campaignId: campaign.id, clientKey: key(), body: "Forged figures" });

    if (!can(role, "campaign:manage")) {
      expect(result).toEqual({ ok: false, formError: expect.stringMatching(/role does not allow/) });
      expect(await messagingSnapshot()).toEqual(before);
      return;
    }
    if (!result.ok) throw new Error(result.formError);
    const detail = await getCampaign(actor, campaign.id);
    const expected = resultsCard((await campaignResults(detail!)).results);
    const [posted] = await teamMessages();
    expect(posted).toEqual({ id: result.data.messageId, body: expected, authorId: actor.id });
    expect(expected).toContain(`**${campaign.name}**`);
    expect(result.data.link).toBe(`/messages#message-${posted!.id}`);
    expect(await db().auditEvent.count({ where: { action: "campaign.results_shared", entityId: campaign.id, actorId: actor.id } })).toBe(1);
  });
});

describe("who shares which campaign", () => {
  it("refuses a marketer sharing another marketer's campaign, and changes nothing", async () => {
    const [owner, other] = [await makeUser("MARKETER"), await makeUser("MARKETER")];
    const campaign = await makeCampaign(owner.id);
    const before = await messagingSnapshot();
    signInAs(other);
    const result = await shareResultsCardAction({ campaignId: campaign.id, clientKey: key() });
    expect(result).toEqual({ ok: false, formError: "Only the marketer who runs this campaign, or the marketing manager, can edit it." });
    expect(await messagingSnapshot()).toEqual(before);
  });

  it("refuses a campaign that does not exist, and bad input with field errors", async () => {
    signInAs(await makeUser("MARKETING_MANAGER"));
    const before = await messagingSnapshot();
    expect(await shareResultsCardAction({ campaignId: "nope", clientKey: key() })).toEqual({ ok: false, formError: "That campaign does not exist." });
    expect(await shareResultsCardAction({ campaignId: "", clientKey: "x" })).toMatchObject({ ok: false, fieldErrors: { campaignId: expect.any(Array), clientKey: expect.any(Array) } });
    expect(await messagingSnapshot()).toEqual(before);
  });
});

describe("a double submit", () => {
  it("posts once, whether the two arrive together or one after the other", async () => {
    const manager = await makeUser("MARKETING_MANAGER");
    const campaign = await makeCampaign((await makeUser("MARKETER")).id);
    signInAs(manager);
    const clientKey = key();
    const [first, second] = await Promise.all([shareResultsCardAction({ campaignId: campaign.id, clientKey }), shareResultsCardAction({ campaignId: campaign.id, clientKey })]);
    const third = await shareResultsCardAction({ campaignId: campaign.id, clientKey });
    const ids = [first, second, third].map((result) => (result.ok ? result.data.messageId : result.formError));
    expect(new Set(ids).size).toBe(1);
    expect(await teamMessages()).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { action: "campaign.results_shared" } })).toBe(1);
    // A new key is a new sharing.
    expect(await shareResultsCardAction({ campaignId: campaign.id, clientKey: key() })).toMatchObject({ ok: true });
    expect(await teamMessages()).toHaveLength(2);
  });
});
