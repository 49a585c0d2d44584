// Assembles the whole demo workspace in memory, as rows ready to insert. Pure and deterministic: the same `now`
// always gives the same rows, because every random choice comes from generators with a fixed seed.
import { en, Faker } from "@faker-js/faker";
import { DEFAULT_RULES } from "../agreement/defaults";
import type { Prisma } from "../db/generated/client";
import { addDays, monthsBefore, startOfUtcDay } from "./calendar";
import { buildCampaigns } from "./campaigns";
import { buildCompanies } from "./companies";
import { buildDefinitions } from "./definitions";
import { walkFunnel } from "./funnel-history";
import { replayHandovers } from "./handovers";
import { buildLeads } from "./leads";
import { qualifyLeads } from "./qualification";
import { SeededRandom } from "./random";
import { campaignRow, companyRows, handoverRow, leadRow, touchRows, userRow } from "./rows";
import { buildTeam, Roster } from "./team";
import { repTouches } from "./touches";

const SEED = 20261122;
const HISTORY_MONTHS = 18;
const COMPANY_COUNT = 1_500;
const LEAD_COUNT = 5_000;

export interface DemoDataset {
  users: Prisma.UserCreateManyInput[];
  definitions: Prisma.LeadDefinitionCreateManyInput[];
  signatures: Prisma.DefinitionSignatureCreateManyInput[];
  companies: Prisma.CompanyCreateManyInput[];
  campaigns: Prisma.CampaignCreateManyInput[];
  leads: Prisma.LeadCreateManyInput[];
  stageChanges: Prisma.StageChangeCreateManyInput[];
  handovers: Prisma.HandoverCreateManyInput[];
  touches: Prisma.TouchCreateManyInput[];
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
  const { definitions, signatures } = buildDefinitions(roster, { historyStartsAt, now });
  const companies = buildCompanies(faker, random, COMPANY_COUNT);
  const campaigns = buildCampaigns(random, roster, { historyStartsAt, now, earliestCreatedAt: addDays(foundedAt, 14) });
  const leads = buildLeads(faker, random, { count: LEAD_COUNT, historyStartsAt, now, companies, campaigns, roster });

  // Every lead is scored against v1, the definition in force for the whole history; each phase draws from its own
  // generator so that tuning one leaves the others' choices alone.
  const rules = DEFAULT_RULES;
  const qualifications = qualifyLeads(leads, rules, { now, random: new SeededRandom(SEED + 1) });
  const { handovers, outcomes } = replayHandovers(qualifications, { now, random: new SeededRandom(SEED + 2), roster, rules });
  const journeys = qualifications.map((qualification) => walkFunnel(qualification, outcomes.get(qualification.lead.id), { now, random, roster }));
  const touchRandom = new SeededRandom(SEED + 3);
  const touches = [
    ...qualifications.flatMap((qualification) => qualification.touches),
    ...journeys.flatMap((journey) => repTouches(journey.changes, { now, random: touchRandom, roster })),
  ];

  return {
    users: team.map((member) => userRow(member, options.passwordHash)),
    definitions,
    signatures,
    // Accounts no lead came from were part of the target-account list imported when the workspace was set up.
    companies: companyRows(companies, leads, addDays(foundedAt, 14)),
    campaigns: campaigns.map(campaignRow),
    leads: qualifications.map((qualification, index) => leadRow(qualification, journeys[index]!, outcomes.get(qualification.lead.id))),
    stageChanges: journeys
      .flatMap((journey) => journey.changes)
      .map((change, index) => ({ id: `seed_change_${String(index + 1).padStart(6, "0")}`, ...change })),
    handovers: handovers.map((handover) => handoverRow(handover, rules)),
    touches: touchRows(touches),
  };
}
