// Demo campaigns: a search campaign running all the time plus webinars, events, content, social, email and partner
// programmes each quarter, named the way marketing teams name them ("Q2 2026 Data Platform Webinar").
import type { CampaignChannel } from "../db/enums";
import { addDays, DAY, quartersBetween, type Quarter } from "./calendar";
import type { SeededRandom } from "./random";
import type { Roster } from "./team";

export interface CampaignDraft {
  id: string;
  name: string;
  channel: CampaignChannel;
  startsAt: Date;
  endsAt: Date;
  budget: number;
  ownerId: string;
  createdAt: Date;
  /** Leads keep arriving after the end date (badge scans, on-demand views); not stored. */
  attributableUntil: Date;
}

interface ChannelProfile {
  label: readonly string[];
  durationDays: readonly [number, number];
  budget: readonly [number, number];
  followUpDays: number;
}

/** Search campaigns run for their whole quarter, so their duration is not drawn. */
const CHANNELS: Record<CampaignChannel, ChannelProfile> = {
  WEBINAR: { label: ["Webinar"], durationDays: [21, 35], budget: [2_000, 12_000], followUpDays: 14 },
  EVENT: {
    label: ["Summit", "Roadshow", "Field Event"],
    durationDays: [1, 3],
    budget: [20_000, 80_000],
    followUpDays: 10,
  },
  CONTENT: {
    label: ["E-book", "Benchmark Report", "Buyer's Guide"],
    durationDays: [45, 90],
    budget: [3_000, 15_000],
    followUpDays: 0,
  },
  PAID_SEARCH: { label: ["Search Ads"], durationDays: [0, 0], budget: [15_000, 60_000], followUpDays: 0 },
  PAID_SOCIAL: { label: ["LinkedIn Ads"], durationDays: [30, 60], budget: [8_000, 40_000], followUpDays: 0 },
  EMAIL: {
    label: ["Nurture Emails", "Newsletter Push"],
    durationDays: [14, 42],
    budget: [2_000, 6_000],
    followUpDays: 0,
  },
  PARTNER: { label: ["Partner Co-Marketing"], durationDays: [45, 90], budget: [5_000, 25_000], followUpDays: 7 },
};

const TOPICS = [
  "Data Platform",
  "Pipeline Analytics",
  "Cloud Migration",
  "Security & Compliance",
  "AI Forecasting",
  "Customer 360",
  "Data Governance",
  "Real-Time Analytics",
  "Cost Optimization",
  "Integration Hub",
  "Modern BI",
];

interface CampaignWindow {
  historyStartsAt: Date;
  now: Date;
  /** Campaigns can only be created once the workspace exists. */
  earliestCreatedAt: Date;
}

export function buildCampaigns(random: SeededRandom, roster: Roster, window: CampaignWindow): CampaignDraft[] {
  const campaigns: CampaignDraft[] = [];
  quartersBetween(window.historyStartsAt, window.now).forEach((quarter, index) => {
    for (const channel of quarterPlan(index)) {
      const topic = TOPICS[(index * 4 + campaigns.length) % TOPICS.length] ?? "Data Platform";
      campaigns.push(planCampaign(random, roster, window, { quarter, channel, topic, number: campaigns.length + 1 }));
    }
  });
  return campaigns;
}

/** Search runs every quarter; the other channels alternate so each quarter has four or five campaigns. */
function quarterPlan(quarterIndex: number): CampaignChannel[] {
  const even = quarterIndex % 2 === 0;
  const plan: CampaignChannel[] = [
    "PAID_SEARCH",
    "WEBINAR",
    even ? "EVENT" : "PAID_SOCIAL",
    even ? "CONTENT" : "EMAIL",
  ];
  if (quarterIndex % 3 === 1) plan.push("PARTNER");
  return plan;
}

interface CampaignSlot {
  quarter: Quarter;
  channel: CampaignChannel;
  topic: string;
  number: number;
}

function planCampaign(random: SeededRandom, roster: Roster, window: CampaignWindow, slot: CampaignSlot): CampaignDraft {
  const profile = CHANNELS[slot.channel];
  const { startsAt, endsAt } = campaignDates(random, window, slot);
  const plannedAt = addDays(startsAt, -random.integer(14, 35));
  const createdAt = new Date(
    Math.min(Math.max(plannedAt.getTime(), window.earliestCreatedAt.getTime()), window.now.getTime() - DAY),
  );
  const [minBudget, maxBudget] = profile.budget;
  return {
    id: `seed_campaign_${String(slot.number).padStart(2, "0")}`,
    name: `Q${slot.quarter.number} ${slot.quarter.year} ${slot.topic} ${random.pick(profile.label)}`,
    channel: slot.channel,
    startsAt,
    endsAt,
    budget: Math.round(random.between(minBudget, maxBudget) / 500) * 500,
    ownerId: roster.pickActive(random, "MARKETER", createdAt).id,
    createdAt,
    attributableUntil: addDays(endsAt, profile.followUpDays),
  };
}

function campaignDates(
  random: SeededRandom,
  window: CampaignWindow,
  slot: CampaignSlot,
): { startsAt: Date; endsAt: Date } {
  // Search is always on: one campaign per quarter, back to back, so some campaign is always running.
  if (slot.channel === "PAID_SEARCH") return { startsAt: slot.quarter.startsAt, endsAt: slot.quarter.endsAt };
  const earliest = Math.max(slot.quarter.startsAt.getTime(), window.historyStartsAt.getTime());
  const startsAt = addDays(new Date(earliest), random.integer(5, 50));
  const [minDays, maxDays] = CHANNELS[slot.channel].durationDays;
  return { startsAt, endsAt: addDays(startsAt, random.integer(minDays, maxDays)) };
}
