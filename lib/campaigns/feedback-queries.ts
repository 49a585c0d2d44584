import "server-only";
// Reads of sales' ratings of campaigns: a campaign's ratings and comments, a rep's own, and the overview the
// marketing pipeline review shows. At most one rating per rep per campaign, so a campaign's list is short.
import { db } from "../db/client";
import type { CurrentUser } from "../auth/current-user";
import { can } from "../auth/permissions";
import { roundRating, summarizeRatings, type RatingSummary } from "./rules";
import { repHasWorkedCampaign } from "./worked";

export interface FeedbackEntry {
  id: string;
  rep: string;
  rating: number;
  comment: string | null;
  updatedAt: string;
  /** Changed since it was first given. */
  edited: boolean;
}

export async function ratingSummary(campaignId: string): Promise<RatingSummary> {
  const rows = await db().feedback.findMany({ where: { campaignId }, select: { rating: true } });
  return summarizeRatings(rows.map((row) => row.rating));
}

/** Every rating of the campaign, most recently written first. */
export async function listCampaignFeedback(user: CurrentUser, campaignId: string): Promise<FeedbackEntry[]> {
  if (!can(user.role, "campaign:read")) return [];
  const rows = await db().feedback.findMany({
    where: { campaignId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true, rating: true, comment: true, version: true, updatedAt: true, rep: { select: { name: true } } },
  });
  return rows.map((row) => ({ id: row.id, rep: row.rep.name, rating: row.rating, comment: row.comment, updatedAt: row.updatedAt.toISOString(), edited: row.version > 1 }));
}

export interface MyFeedback {
  /** Whether the rep may rate: they were handed, or hold, at least one of the campaign's leads. */
  mayRate: boolean;
  current: { rating: number; comment: string | null; version: number } | null;
}

/** The signed-in rep's own rating of the campaign, and whether they may give one. Null for anyone who cannot rate. */
export async function myFeedback(user: CurrentUser, campaignId: string): Promise<MyFeedback | null> {
  if (!can(user.role, "campaign:rate")) return null;
  const [current, mayRate] = await Promise.all([
    db().feedback.findUnique({ where: { campaignId_repId: { campaignId, repId: user.id } }, select: { rating: true, comment: true, version: true } }),
    repHasWorkedCampaign(db(), user.id, campaignId),
  ]);
  return { mayRate, current };
}

export interface CampaignRatingOverview {
  campaigns: { id: string; name: string; average: number; count: number }[];
  comments: { id: string; campaignId: string; campaign: string; rep: string; rating: number; comment: string; updatedAt: string }[];
}

/**
 * For the marketing pipeline review: the most recently rated campaigns with their average and count, and the latest
 * comments across campaigns.
 */
export async function campaignRatingOverview(limit = 6): Promise<CampaignRatingOverview> {
  const [groups, comments] = await Promise.all([
    db().feedback.groupBy({
      by: ["campaignId"],
      _avg: { rating: true },
      _count: { _all: true },
      _max: { updatedAt: true },
      orderBy: [{ _max: { updatedAt: "desc" } }, { campaignId: "asc" }],
      take: limit,
    }),
    db().feedback.findMany({
      where: { comment: { not: null } },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: limit,
      select: { id: true, campaignId: true, rating: true, comment: true, updatedAt: true, rep: { select: { name: true } }, campaign: { select: { name: true } } },
    }),
  ]);
  const names = new Map(
    (await db().campaign.findMany({ where: { id: { in: groups.map((group) => group.campaignId) } }, select: { id: true, name: true } })).map((campaign) => [campaign.id, campaign.name]),
  );
  return {
    campaigns: groups.map((group) => ({
      id: group.campaignId,
      name: names.get(group.campaignId) ?? "Unknown campaign",
      average: roundRating(group._avg.rating ?? 0),
      count: group._count._all,
    })),
    comments: comments.map((row) => ({
      id: row.id,
      campaignId: row.campaignId,
      campaign: row.campaign.name,
      rep: row.rep.name,
      rating: row.rating,
      comment: row.comment ?? "",
      updatedAt: row.updatedAt.toISOString(),
    })),
  };
}
