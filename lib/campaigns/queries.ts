import "server-only";
// Reads for the campaign pages: plain DTOs, never whole rows. Results come from the metrics module over each
// campaign's whole life (campaignLifePeriod), so a campaign's page and the dashboards filtered by it agree.
import { db, type Prisma } from "../db/client";
import type { CampaignChannel } from "../db/enums";
import { can } from "../auth/permissions";
import type { CurrentUser } from "../auth/current-user";
import { pageCount } from "../leads/rules";
import { rollupTotals } from "../metrics/queries";
import { campaignLifePeriod, canOwnCampaigns, roundRating } from "./rules";
import { CAMPAIGN_PAGE_SIZE, type CampaignListQuery } from "./schemas";

/** Which campaigns a user may see: the whole revenue team sees every campaign; other roles none. */
export function visibleCampaigns(user: Pick<CurrentUser, "role">): Prisma.CampaignWhereInput {
  return can(user.role, "campaign:read") ? {} : { id: { in: [] } };
}

export interface CampaignRow {
  id: string;
  name: string;
  channel: CampaignChannel;
  startsAt: string;
  endsAt: string | null;
  owner: string;
  leads: number;
  mqls: number;
  accepted: number;
  won: number;
  rating: { average: number | null; count: number };
}

export interface CampaignPage {
  rows: CampaignRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** The first lead attributed to each campaign, which may predate its start (see campaignLifePeriod). */
export async function firstLeadDates(campaignIds: string[]): Promise<Map<string, Date>> {
  if (campaignIds.length === 0) return new Map();
  const groups = await db().lead.groupBy({ by: ["campaignId"], where: { campaignId: { in: campaignIds } }, _min: { createdAt: true } });
  return new Map(groups.flatMap((group) => (group.campaignId && group._min.createdAt ? [[group.campaignId, group._min.createdAt] as const] : [])));
}

/** Average rating and count per campaign. */
export async function ratingAverages(campaignIds: string[]): Promise<Map<string, { average: number | null; count: number }>> {
  if (campaignIds.length === 0) return new Map();
  const groups = await db().feedback.groupBy({ by: ["campaignId"], where: { campaignId: { in: campaignIds } }, _avg: { rating: true }, _count: { _all: true } });
  return new Map(
    groups.map((group) => [group.campaignId, { average: group._avg.rating === null ? null : roundRating(group._avg.rating), count: group._count._all }]),
  );
}

/** Campaigns matching the search, newest start first, a page at a time, each with its headline results. */
export async function listCampaigns(user: CurrentUser, query: CampaignListQuery, now = new Date()): Promise<CampaignPage> {
  const where: Prisma.CampaignWhereInput = {
    AND: [
      visibleCampaigns(user),
      query.q ? { name: { contains: query.q, mode: "insensitive" } } : {},
      // A rep's "campaigns I worked": a lead of it was handed to them or is theirs (as repHasWorkedCampaign).
      query.worked && user.role === "SALES_REP" ? { leads: { some: { OR: [{ ownerId: user.id }, { handovers: { some: { toUserId: user.id } } }] } } } : {},
    ],
  };
  const total = await db().campaign.count({ where });
  const pages = pageCount(total, CAMPAIGN_PAGE_SIZE);
  const page = Math.min(query.page, pages);
  const campaigns = await db().campaign.findMany({
    where,
    // The id breaks ties so that paging never shows a row twice or skips one.
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * CAMPAIGN_PAGE_SIZE,
    take: CAMPAIGN_PAGE_SIZE,
    select: { id: true, name: true, channel: true, startsAt: true, endsAt: true, owner: { select: { name: true } } },
  });
  const ids = campaigns.map((campaign) => campaign.id);
  const [firstLeads, ratings] = await Promise.all([firstLeadDates(ids), ratingAverages(ids)]);
  // One small rollup read per campaign (its own rows, through the campaignId index), over its whole life.
  const totals = await Promise.all(
    campaigns.map((campaign) => rollupTotals({ campaignId: campaign.id, period: campaignLifePeriod(campaign.startsAt, firstLeads.get(campaign.id) ?? null, now) })),
  );
  return {
    total,
    page,
    pageCount: pages,
    rows: campaigns.map((campaign, index) => {
      const entered = (stage: string) => totals[index]!.byStage.find((row) => row.stage === stage)?.entered ?? 0;
      return {
        id: campaign.id,
        name: campaign.name,
        channel: campaign.channel,
        startsAt: campaign.startsAt.toISOString(),
        endsAt: campaign.endsAt?.toISOString() ?? null,
        owner: campaign.owner.name,
        leads: entered("INQUIRY"),
        mqls: entered("MQL"),
        accepted: entered("SAL"),
        won: entered("WON"),
        rating: ratings.get(campaign.id) ?? { average: null, count: 0 },
      };
    }),
  };
}

export interface CampaignDetail {
  id: string;
  name: string;
  channel: CampaignChannel;
  startsAt: string;
  endsAt: string | null;
  budget: number | null;
  goal: string | null;
  targetMqls: number | null;
  owner: { id: string; name: string; active: boolean };
  version: number;
  createdAt: string;
}

export async function getCampaign(user: CurrentUser, id: string): Promise<CampaignDetail | null> {
  const campaign = await db().campaign.findFirst({
    where: { AND: [visibleCampaigns(user), { id }] },
    select: {
      id: true,
      name: true,
      channel: true,
      startsAt: true,
      endsAt: true,
      budget: true,
      goal: true,
      targetMqls: true,
      version: true,
      createdAt: true,
      owner: { select: { id: true, name: true, active: true } },
    },
  });
  if (!campaign) return null;
  return {
    ...campaign,
    startsAt: campaign.startsAt.toISOString(),
    endsAt: campaign.endsAt?.toISOString() ?? null,
    budget: campaign.budget === null ? null : Number(campaign.budget),
    createdAt: campaign.createdAt.toISOString(),
  };
}

/** Who can run a campaign (active marketing people), plus the current owner if they have left, so a form shows them. */
export async function listOwnerOptions(currentOwnerId?: string): Promise<{ value: string; label: string }[]> {
  const people = await db().user.findMany({
    where: { OR: [{ role: { in: ["MARKETER", "MARKETING_MANAGER"] }, active: true }, ...(currentOwnerId ? [{ id: currentOwnerId }] : [])] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, active: true, role: true },
  });
  return people.map((person) => {
    const note = !canOwnCampaigns(person) ? " (cannot run campaigns now)" : person.role === "MARKETING_MANAGER" ? " (marketing manager)" : "";
    return { value: person.id, label: `${person.name}${note}` };
  });
}
