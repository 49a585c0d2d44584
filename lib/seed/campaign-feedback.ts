// Demo campaign goals and sales' ratings of campaigns. Deterministic: built from the demo's own history, so a rep's
// rating follows how many of the campaign's leads they accepted, and each campaign's MQL target sits around what it
// actually brought (some campaigns beat it, some miss it). Pure: rows in, rows out.
import type { CampaignChannel } from "../db/enums";
import type { Prisma } from "../db/generated/client";
import { SeededRandom } from "./random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const GOALS: Record<CampaignChannel, string> = {
  WEBINAR: "Reach data leaders at mid-market accounts and turn attendees into sales conversations.",
  EVENT: "Meet target accounts in person and book follow-up meetings on the spot.",
  CONTENT: "Capture research-stage buyers with gated content and nurture them to MQL.",
  PAID_SEARCH: "Keep a steady flow of high-intent inquiries from buyers searching for a solution.",
  PAID_SOCIAL: "Put the product in front of ideal-profile titles and grow the inquiry base.",
  EMAIL: "Wake up nurtured leads and bring the ready ones back to sales.",
  PARTNER: "Co-market with partners to reach their customers that fit our profile.",
};

/** What reps say, by rating: short and concrete, like real comments. */
const COMMENTS: Record<number, readonly string[]> = {
  1: ["Mostly students and job seekers, no buying intent.", "Half the phone numbers were wrong, couldn't reach anyone.", "Tiny companies, nowhere near our profile."],
  2: ["A few decent ones but most had no budget this year.", "Right companies, wrong people: interns and analysts.", "Leads were cold by the time they reached me."],
  3: ["Mixed bag. Good titles, but timelines were vague.", "Some real projects, lots of tyre-kickers.", "OK fit, needed a lot of qualifying."],
  4: ["Good fit overall, several booked demos quickly.", "Solid accounts, people knew why they signed up.", "Most were worth the call; a couple turned into opportunities."],
  5: ["Best leads I've had this quarter: real projects with budget.", "Decision makers who had already done their research.", "Every lead picked up and most wanted a demo."],
};

const COMMENT_CHANCE = 0.75;
const RATING_CHANCE = 0.65;
/** A rep rates a campaign once they have answered at least this many of its handovers. */
const MIN_ANSWERED = 2;

interface Input {
  campaigns: Prisma.CampaignCreateManyInput[];
  leads: Prisma.LeadCreateManyInput[];
  stageChanges: Prisma.StageChangeCreateManyInput[];
  handovers: Prisma.HandoverCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
}

const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : 0);

/** Each campaign with its goal and an MQL target between 70% and 140% of the MQLs it brought (at least 5). */
export function withCampaignGoals(input: Pick<Input, "campaigns" | "leads" | "stageChanges">, seed: number): Prisma.CampaignCreateManyInput[] {
  const random = new SeededRandom(seed);
  const campaignOf = new Map(input.leads.map((lead) => [lead.id, lead.campaignId ?? null]));
  const mqlLeads = new Map<string, Set<string>>();
  for (const change of input.stageChanges) {
    const campaignId = change.toStage === "MQL" ? campaignOf.get(change.leadId) : null;
    if (campaignId) mqlLeads.set(campaignId, (mqlLeads.get(campaignId) ?? new Set()).add(change.leadId));
  }
  return input.campaigns.map((campaign) => {
    const mqls = mqlLeads.get(campaign.id!)?.size ?? 0;
    return { ...campaign, goal: GOALS[campaign.channel], targetMqls: Math.max(5, Math.round((mqls * random.integer(70, 140)) / 100)), version: 1 };
  });
}

/** Ratings by reps who answered at least two of a campaign's handovers, dated after their last answer, before now. */
export function buildCampaignFeedback(input: Input, options: { now: Date; seed: number }): Prisma.FeedbackCreateManyInput[] {
  const random = new SeededRandom(options.seed);
  const reps = new Set(input.users.filter((user) => user.role === "SALES_REP").map((user) => user.id));
  const campaignOf = new Map(input.leads.map((lead) => [lead.id, lead.campaignId ?? null]));
  const answered = new Map<string, { campaignId: string; repId: string; accepted: number; rejected: number; lastAt: number }>();
  for (const handover of input.handovers) {
    const campaignId = campaignOf.get(handover.leadId);
    if (!campaignId || !reps.has(handover.toUserId) || !handover.respondedAt) continue;
    const key = `${campaignId}|${handover.toUserId}`;
    const entry = answered.get(key) ?? { campaignId, repId: handover.toUserId, accepted: 0, rejected: 0, lastAt: 0 };
    if (handover.status === "ACCEPTED") entry.accepted += 1;
    else entry.rejected += 1;
    entry.lastAt = Math.max(entry.lastAt, time(handover.respondedAt));
    answered.set(key, entry);
  }
  const latest = options.now.getTime() - HOUR;
  const rows: Prisma.FeedbackCreateManyInput[] = [];
  // Sorted keys: the same rows in the same order on every run, whatever order the handovers came in.
  for (const key of [...answered.keys()].sort()) {
    const entry = answered.get(key)!;
    if (entry.accepted + entry.rejected < MIN_ANSWERED || !random.chance(RATING_CHANCE)) continue;
    const acceptance = entry.accepted / (entry.accepted + entry.rejected);
    const rating = Math.min(5, Math.max(1, Math.round(1 + acceptance * 4 + random.between(-0.8, 0.8))));
    const createdAt = Math.min(latest, entry.lastAt + random.integer(1, 20) * DAY);
    const edited = random.chance(0.2);
    const updatedAt = edited ? Math.min(latest, createdAt + random.integer(1, 10) * DAY) : createdAt;
    rows.push({
      id: `seed_feedback_${String(rows.length + 1).padStart(4, "0")}`,
      campaignId: entry.campaignId,
      repId: entry.repId,
      rating,
      comment: random.chance(COMMENT_CHANCE) ? random.pick(COMMENTS[rating]!) : null,
      version: edited ? 2 : 1,
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
    });
  }
  return rows;
}

/** Seeds of this file's generators: their own, so tuning the ratings leaves the rest of the demo alone. */
const GOAL_SEED = 20261122 + 40;
const FEEDBACK_SEED = 20261122 + 41;

/** The demo's campaigns with goals and targets, and sales' ratings of them, from the rest of the demo dataset. */
export function campaignDemoRows(dataset: Input, now: Date) {
  return { campaigns: withCampaignGoals(dataset, GOAL_SEED), feedback: buildCampaignFeedback(dataset, { now, seed: FEEDBACK_SEED }) };
}
