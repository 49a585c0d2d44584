// Demo leads: who they are, where they came from and when. Their journey through the funnel is walked separately
// (funnel-history.ts) so that this file only decides arrival: volume over time, company, contact, source, campaign.
import type { Faker } from "@faker-js/faker";
import type { LeadSource } from "../db/enums";
import { addMs, DAY, HOUR, isWeekend } from "./calendar";
import type { CampaignDraft } from "./campaigns";
import type { CompanyDraft } from "./companies";
import { uniqueEmail } from "./email";
import { WeightedTable, type SeededRandom } from "./random";
import type { Roster } from "./team";
import { drawSeniority, drawTitle } from "./titles";

export interface LeadDraft {
  id: string;
  name: string;
  email: string;
  /** Null for the few forms and lists that did not ask for it. */
  title: string | null;
  company: CompanyDraft;
  source: LeadSource;
  /** Referrals and outbound leads are logged by reps and skip the marketing half of the funnel. */
  salesSourced: boolean;
  campaignId: string | null;
  createdById: string;
  createdAt: Date;
}

interface LeadPlan {
  count: number;
  historyStartsAt: Date;
  now: Date;
  companies: readonly CompanyDraft[];
  campaigns: readonly CampaignDraft[];
  roster: Roster;
}

const SALES_SOURCED_SHARE = 0.15;
/** Marketing leads that arrived without a job title (a short form, a badge scan); reps always note one. */
const UNTITLED_SHARE = 0.015;
const CAMPAIGN_ATTRIBUTED_SHARE = 0.6;
/** Marketing leads that no campaign brought in: mostly the website and evergreen content. */
const UNATTRIBUTED_SOURCES: readonly (readonly [LeadSource, number])[] = [
  ["WEBSITE", 45],
  ["CONTENT", 18],
  ["PAID_SEARCH", 10],
  ["PAID_SOCIAL", 8],
  ["EMAIL", 7],
  ["PARTNER", 6],
  ["EVENT", 3],
  ["WEBINAR", 3],
];
/** How strongly each kind of campaign pulls in leads while it runs. */
const CAMPAIGN_PULL: Record<CampaignDraft["channel"], number> = {
  WEBINAR: 3,
  EVENT: 4,
  CONTENT: 2,
  PAID_SEARCH: 1.5,
  PAID_SOCIAL: 2,
  EMAIL: 1.5,
  PARTNER: 1.5,
};
/** Arrivals by UTC hour: the core markets span Europe and North America, so the day is long. */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 7, 8, 9, 9, 8, 7, 6, 5, 4, 3, 2, 1];

export function buildLeads(faker: Faker, random: SeededRandom, plan: LeadPlan): LeadDraft[] {
  const companyTable = new WeightedTable(plan.companies.map((company) => Math.pow(company.employees, 0.3)));
  const emails = new Set<string>();
  return arrivalTimes(random, plan).map((createdAt, index) => {
    const company = plan.companies[companyTable.draw(random)];
    if (!company) throw new Error("The company table drew outside the list.");
    const title = drawTitle(random, drawSeniority(random, company.employees));
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const origin = drawOrigin(random, createdAt, plan.campaigns);
    const creatorRole = origin.salesSourced ? "SALES_REP" : "MARKETER";
    return {
      id: `seed_lead_${String(index + 1).padStart(6, "0")}`,
      name: `${first} ${last}`,
      email: uniqueEmail(first, last, company.domain, emails),
      title: !origin.salesSourced && random.chance(UNTITLED_SHARE) ? null : title,
      company,
      ...origin,
      createdById: plan.roster.pickActive(random, creatorRole, createdAt).id,
      createdAt,
    };
  });
}

/** Arrival moments, oldest first: volume grows over the period, dips at weekends and year end, peaks at events. */
function arrivalTimes(random: SeededRandom, plan: LeadPlan): Date[] {
  const days: Date[] = [];
  // Whole days only, so that no lead arrives after "now" whatever its time of day.
  for (let day = plan.historyStartsAt; addMs(day, DAY) <= plan.now; day = addMs(day, DAY)) days.push(day);
  const dayTable = new WeightedTable(days.map((day, index) => dayWeight(day, index / days.length, plan.campaigns)));
  const hourTable = new WeightedTable(HOUR_WEIGHTS);
  const times = Array.from({ length: plan.count }, () => {
    const day = days[dayTable.draw(random)] ?? plan.historyStartsAt;
    return addMs(day, hourTable.draw(random) * HOUR + random.between(0, HOUR));
  });
  return times.sort((a, b) => a.getTime() - b.getTime());
}

function dayWeight(day: Date, progress: number, campaigns: readonly CampaignDraft[]): number {
  const growth = 1 + 0.5 * progress;
  const weekday = isWeekend(day) ? 0.3 : 1;
  const month = day.getUTCMonth();
  const date = day.getUTCDate();
  const holidays = (month === 11 && date >= 20) || (month === 0 && date <= 2) ? 0.5 : 1;
  const eventBoost = campaigns.filter(
    (campaign) =>
      (campaign.channel === "EVENT" || campaign.channel === "WEBINAR") &&
      Math.abs(day.getTime() - campaign.endsAt.getTime()) <= 3 * DAY,
  ).length;
  return growth * weekday * holidays + 0.5 * eventBoost;
}

type LeadOrigin = Pick<LeadDraft, "source" | "salesSourced" | "campaignId">;

function drawOrigin(random: SeededRandom, at: Date, campaigns: readonly CampaignDraft[]): LeadOrigin {
  if (random.chance(SALES_SOURCED_SHARE)) {
    const source = random.weighted<LeadSource>([
      ["REFERRAL", 40],
      ["OUTBOUND", 60],
    ]);
    return { source, salesSourced: true, campaignId: null };
  }
  const running = campaigns.filter((campaign) => campaign.startsAt <= at && at < campaign.attributableUntil);
  if (running.length > 0 && random.chance(CAMPAIGN_ATTRIBUTED_SHARE)) {
    const pulls = running.map((candidate) => [candidate, CAMPAIGN_PULL[candidate.channel]] as const);
    const campaign = random.weighted(pulls);
    // Every campaign channel is also a lead source, so the source always matches the campaign that brought it in.
    return { source: campaign.channel, salesSourced: false, campaignId: campaign.id };
  }
  return { source: random.weighted(UNATTRIBUTED_SOURCES), salesSourced: false, campaignId: null };
}
