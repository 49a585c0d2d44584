// Every write to campaigns and their ratings goes through here: one transaction each, with its audit entry.
import { db, Prisma, type Tx } from "../db/client";
import type { Role } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { canOwnCampaigns, feedbackDecision, refuseCampaignEdit } from "./rules";
import type { CampaignInput, CampaignUpdate, FeedbackInput } from "./schemas";
import { repHasWorkedCampaign } from "./worked";

interface Actor {
  id: string;
  role: Role;
}

const CAMPAIGN_CHANGED = "Someone changed this campaign since you opened it. Nothing was saved; reload to see their change.";
const RATING_CHANGED = "Your rating of this campaign was changed elsewhere since you opened it. Nothing was saved; reload to see it.";

/** The owner must be someone who can run a campaign now; the message goes next to the owner field. */
async function assertOwner(tx: Tx, ownerId: string) {
  const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { role: true, active: true } });
  if (!owner || !canOwnCampaigns(owner)) {
    throw new DomainError("Choose someone who can run campaigns.", { ownerId: ["The owner must be an active marketer or marketing manager"] });
  }
}

/** The stored fields a campaign form writes, in the shape Prisma takes them. */
function campaignData(input: CampaignInput) {
  return {
    name: input.name,
    channel: input.channel,
    startsAt: input.startsAt,
    endsAt: input.endsAt ?? null,
    budget: input.budget === undefined ? null : new Prisma.Decimal(input.budget.toFixed(2)),
    ownerId: input.ownerId,
    goal: input.goal ?? null,
    targetMqls: input.targetMqls ?? null,
  };
}

type StoredCampaign = ReturnType<typeof campaignData>;

function sameValue(a: StoredCampaign[keyof StoredCampaign], b: StoredCampaign[keyof StoredCampaign]): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof Prisma.Decimal || b instanceof Prisma.Decimal) return a !== null && b !== null && new Prisma.Decimal(a).equals(b);
  return a === b;
}

/** The fields the form would change in the stored campaign; none for a double-submit or a retry. */
function changedFields(stored: StoredCampaign, input: CampaignInput): (keyof StoredCampaign)[] {
  const wanted = campaignData(input);
  return (Object.keys(wanted) as (keyof StoredCampaign)[]).filter((key) => !sameValue(stored[key], wanted[key]));
}

const STORED_FIELDS = { name: true, channel: true, startsAt: true, endsAt: true, budget: true, ownerId: true, goal: true, targetMqls: true } as const;

/**
 * Creates a campaign. `requestId` (made once by the form) becomes the campaign's id, so a double-submitted or
 * retried form finds the campaign its first try made instead of creating a second one.
 */
export async function createCampaign(actor: Actor, input: CampaignInput & { requestId: string }): Promise<{ id: string }> {
  // Two simultaneous submits both find no campaign; the primary key lets one insert, and the other, tried again,
  // finds it.
  return retryOnDuplicate(() => db().$transaction((tx) => insertCampaign(tx, actor, input)));
}

async function retryOnDuplicate<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const duplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!duplicate || attempt >= 2) throw error;
    }
  }
}

async function insertCampaign(tx: Tx, actor: Actor, input: CampaignInput & { requestId: string }): Promise<{ id: string }> {
  const existing = await tx.campaign.findUnique({ where: { id: input.requestId }, select: STORED_FIELDS });
  if (existing) {
    if (changedFields(existing, input).length === 0) return { id: input.requestId };
    throw new DomainError("This form was already used to create a campaign. Reload the page to create another.", undefined, "conflict");
  }
  await assertOwner(tx, input.ownerId);
  const campaign = await tx.campaign.create({ data: { id: input.requestId, ...campaignData(input) }, select: { id: true } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "campaign.created",
    entityType: "Campaign",
    entityId: campaign.id,
    data: { name: input.name, channel: input.channel, ownerId: input.ownerId },
  });
  return campaign;
}

/** Edits a campaign the actor may edit, if nobody changed it since they opened it. */
export async function updateCampaign(actor: Actor, input: CampaignUpdate): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({ where: { id: input.id }, select: { ...STORED_FIELDS, version: true } });
    if (!campaign) throw new DomainError("That campaign does not exist.", undefined, "not_found");
    const refusal = refuseCampaignEdit(actor, campaign);
    if (refusal) throw new DomainError(refusal, undefined, "forbidden");
    // A second click on Save, after the first went through: it already says this.
    const changed = changedFields(campaign, input);
    if (campaign.version !== input.version && changed.length === 0) return { version: campaign.version };
    await assertOwner(tx, input.ownerId);
    const updated = await tx.campaign.updateMany({ where: { id: input.id, version: input.version }, data: { ...campaignData(input), version: { increment: 1 } } });
    if (updated.count !== 1) {
      // Changed while we waited for the row: by the same edit (a double-click on Save), or by someone else.
      const now = await tx.campaign.findUniqueOrThrow({ where: { id: input.id }, select: { ...STORED_FIELDS, version: true } });
      if (changedFields(now, input).length === 0) return { version: now.version };
      throw new DomainError(CAMPAIGN_CHANGED, undefined, "conflict");
    }
    await recordAudit(tx, { actorId: actor.id, action: "campaign.updated", entityType: "Campaign", entityId: input.id, data: { fields: changed } });
    return { version: input.version + 1 };
  });
}

/**
 * A rep rates a campaign's leads (1-5, with a comment): creates their one rating of it, or edits it. A double-submit
 * or a retry finds the rating already saying this and changes nothing; two simultaneous first ratings meet the unique
 * (campaign, rep) key, and the loser is answered as a retry; an edit of a version that changed since is refused.
 */
export async function rateCampaign(actor: Actor, input: FeedbackInput): Promise<{ id: string; version: number }> {
  return retryOnDuplicate(() => db().$transaction((tx) => writeRating(tx, actor, input)));
}

async function writeRating(tx: Tx, actor: Actor, input: FeedbackInput): Promise<{ id: string; version: number }> {
  const campaign = await tx.campaign.findUnique({ where: { id: input.campaignId }, select: { id: true } });
  if (!campaign) throw new DomainError("That campaign does not exist.", undefined, "not_found");
  if (!(await repHasWorkedCampaign(tx, actor.id, campaign.id))) {
    throw new DomainError("You can rate a campaign once one of its leads has been handed to you.", undefined, "forbidden");
  }
  const existing = await tx.feedback.findUnique({
    where: { campaignId_repId: { campaignId: campaign.id, repId: actor.id } },
    select: { id: true, rating: true, comment: true, version: true },
  });
  const comment = input.comment ?? null;
  switch (feedbackDecision(existing, input)) {
    case "unchanged":
      return { id: existing!.id, version: existing!.version };
    case "conflict":
      throw new DomainError(RATING_CHANGED, undefined, "conflict");
    case "update": {
      const updated = await tx.feedback.updateMany({ where: { id: existing!.id, version: existing!.version }, data: { rating: input.rating, comment, version: { increment: 1 } } });
      if (updated.count !== 1) {
        // Changed while we waited for the row: a double-submit of this same edit is answered as done.
        const now = await tx.feedback.findUniqueOrThrow({ where: { id: existing!.id }, select: { rating: true, comment: true, version: true } });
        if (feedbackDecision(now, input) === "unchanged") return { id: existing!.id, version: now.version };
        throw new DomainError(RATING_CHANGED, undefined, "conflict");
      }
      await recordAudit(tx, { actorId: actor.id, action: "campaign.rating_changed", entityType: "Campaign", entityId: campaign.id, data: { rating: input.rating, from: existing!.rating } });
      return { id: existing!.id, version: existing!.version + 1 };
    }
    case "create": {
      const created = await tx.feedback.create({ data: { campaignId: campaign.id, repId: actor.id, rating: input.rating, comment }, select: { id: true, version: true } });
      await recordAudit(tx, { actorId: actor.id, action: "campaign.rated", entityType: "Campaign", entityId: campaign.id, data: { rating: input.rating } });
      return created;
    }
  }
}
