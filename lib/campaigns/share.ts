import "server-only";
// Sharing a campaign's results card to the team channel: the card is recomputed here from the campaign's real
// results (the same reads as its page), then posted through messaging with an audit entry, in one transaction.
import { db } from "../db/client";
import type { Role } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { TEAM_SUBJECT_ID } from "../messaging/rules";
import { postMessageInTx, postOnce } from "../messaging/service";
import { getCampaign } from "./queries";
import { campaignResults } from "./results";
import { refuseCampaignEdit, resultsCard } from "./rules";
import type { ShareResultsInput } from "./schemas";

interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const NOT_FOUND = "That campaign does not exist.";

/** Where a shared card is read: the team channel, at the message. */
export function sharedCardLink(messageId: string): string {
  return `/messages#message-${messageId}`;
}

/**
 * Posts the campaign's results card to the team channel, once per key. Who may share is who may edit the campaign
 * (its marketer, or the marketing manager): the card speaks for the campaign's results.
 */
export async function shareResultsCard(actor: Actor, input: ShareResultsInput, now = new Date()): Promise<{ messageId: string; link: string }> {
  const campaign = await getCampaign(actor, input.campaignId);
  if (!campaign) throw new DomainError(NOT_FOUND, undefined, "not_found");
  const refusal = refuseCampaignEdit(actor, { ownerId: campaign.owner.id });
  if (refusal) throw new DomainError(refusal, undefined, "forbidden");
  const { results } = await campaignResults(campaign, now);
  const post = { subjectType: "TEAM" as const, subjectId: TEAM_SUBJECT_ID, body: resultsCard(results), clientKey: input.clientKey };
  const message = await postOnce(actor, post, () =>
    db().$transaction(async (tx) => {
      // The owner may have changed since the results were read: the rule is checked again on the row being shared.
      const current = await tx.campaign.findUnique({ where: { id: campaign.id }, select: { ownerId: true } });
      if (!current) throw new DomainError(NOT_FOUND, undefined, "not_found");
      const stillRefused = refuseCampaignEdit(actor, current);
      if (stillRefused) throw new DomainError(stillRefused, undefined, "forbidden");
      const posted = await postMessageInTx(tx, actor, post, now);
      await recordAudit(tx, { actorId: actor.id, action: "campaign.results_shared", entityType: "Campaign", entityId: campaign.id, data: { messageId: posted.id } });
      return posted;
    }),
  );
  return { messageId: message.id, link: sharedCardLink(message.id) };
}
