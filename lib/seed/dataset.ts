// Assembles the whole demo workspace in memory, as rows ready to insert. Pure and deterministic: the same `now`
// always gives the same rows, because every random choice comes from generators with a fixed seed.
import { en, Faker } from "@faker-js/faker";
import type { Prisma } from "../db/generated/client";
import { addDays, monthsBefore, startOfUtcDay } from "./calendar";
import { buildCampaigns, type CampaignDraft } from "./campaigns";
import { buildCompanies, type CompanyDraft } from "./companies";
import { walkFunnel, type LeadJourney } from "./funnel-history";
import { buildLeads, type LeadDraft } from "./leads";
import { SeededRandom } from "./random";
import { buildTeam, Roster, type TeamMember } from "./team";

const SEED = 20261122;
const HISTORY_MONTHS = 18;
const COMPANY_COUNT = 1_500;
const LEAD_COUNT = 5_000;

export interface DemoDataset {
  users: Prisma.UserCreateManyInput[];
  companies: Prisma.CompanyCreateManyInput[];
  campaigns: Prisma.CampaignCreateManyInput[];
  leads: Prisma.LeadCreateManyInput[];
  stageChanges: Prisma.StageChangeCreateManyInput[];
}

export function buildDemoDataset(options: { now: Date; passwordHash: string }): DemoDataset {
  const { now } = options;
  const historyStartsAt = startOfUtcDay(monthsBefore(now, HISTORY_MONTHS));
  // The workspace went live six weeks before the first lead of the history, when the team was set up.
  const foundedAt = addDays(historyStartsAt, -45);

  const faker = new Faker({ locale: [en] });
  faker.seed(SEED);
  const random = new SeededRandom(SEED);

  const team = buildTeam(faker, random, { foundedAt, historyStartsAt, now });
  const roster = new Roster(team);
  const companies = buildCompanies(faker, random, COMPANY_COUNT);
  const campaigns = buildCampaigns(random, roster, { historyStartsAt, now, earliestCreatedAt: addDays(foundedAt, 14) });
  const leads = buildLeads(faker, random, { count: LEAD_COUNT, historyStartsAt, now, companies, campaigns, roster });
  const journeys = leads.map((lead) => walkFunnel(lead, { now, random, roster }));

  return {
    users: team.map((member) => userRow(member, options.passwordHash)),
    // Accounts no lead came from were part of the target-account list imported when the workspace was set up.
    companies: companyRows(companies, leads, addDays(foundedAt, 14)),
    campaigns: campaigns.map(campaignRow),
    leads: leads.map((lead, index) => leadRow(lead, journeyAt(journeys, index))),
    stageChanges: journeys
      .flatMap((journey) => journey.changes)
      .map((change, index) => ({ id: `seed_change_${String(index + 1).padStart(6, "0")}`, ...change })),
  };
}

function journeyAt(journeys: readonly LeadJourney[], index: number): LeadJourney {
  const journey = journeys[index];
  if (!journey) throw new Error(`No funnel history for demo lead ${index}.`);
  return journey;
}

function userRow(member: TeamMember, passwordHash: string): Prisma.UserCreateManyInput {
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    passwordHash,
    role: member.role,
    active: member.active,
    // Deactivation was an edit of the row.
    version: member.activeUntil ? 2 : 1,
    createdAt: member.activeFrom,
    updatedAt: member.activeUntil ?? member.activeFrom,
  };
}

function companyRows(
  companies: readonly CompanyDraft[],
  leads: readonly LeadDraft[],
  importedAt: Date,
): Prisma.CompanyCreateManyInput[] {
  const firstLeadAt = new Map<string, Date>();
  for (const lead of leads) {
    if (!firstLeadAt.has(lead.company.id)) firstLeadAt.set(lead.company.id, lead.createdAt); // leads are oldest first
  }
  return companies.map((company) => {
    const createdAt = firstLeadAt.get(company.id) ?? importedAt;
    return {
      id: company.id,
      name: company.name,
      normalizedName: company.normalizedName,
      size: company.size,
      industry: company.industry,
      country: company.country,
      createdAt,
      updatedAt: createdAt,
    };
  });
}

function campaignRow(campaign: CampaignDraft): Prisma.CampaignCreateManyInput {
  return {
    id: campaign.id,
    name: campaign.name,
    channel: campaign.channel,
    startsAt: campaign.startsAt,
    endsAt: campaign.endsAt,
    budget: campaign.budget,
    ownerId: campaign.ownerId,
    createdAt: campaign.createdAt,
    updatedAt: campaign.createdAt,
  };
}

function leadRow(lead: LeadDraft, journey: LeadJourney): Prisma.LeadCreateManyInput {
  return {
    id: lead.id,
    name: lead.name,
    email: lead.email,
    title: lead.title,
    companyId: lead.company.id,
    source: lead.source,
    campaignId: lead.campaignId,
    stage: journey.stage,
    stageChangedAt: journey.stageChangedAt,
    ownerId: journey.ownerId,
    createdById: lead.createdById,
    amount: journey.amount,
    expectedCloseDate: journey.expectedCloseDate,
    // Each move was one write to the lead row.
    version: journey.changes.length,
    createdAt: lead.createdAt,
    updatedAt: journey.stageChangedAt,
  };
}
