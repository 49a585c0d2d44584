import "server-only";
import { db, Prisma } from "../db/client";
import type { LeadSource, Role, Stage, TouchKind } from "../db/enums";
import { findActiveDefinition, findDefinitionByVersion } from "../agreement/active";
import { evaluateLead, type Evaluation } from "../agreement/rules";
import { leadFacts } from "./qualification";
import { can } from "../auth/permissions";
import type { CurrentUser } from "../auth/current-user";
import type { LeadListQuery } from "./schemas";
import { pageCount } from "./rules";
import { MARKETING_SOURCES, SALES_SOURCES } from "../metrics/pipeline";

/**
 * Which leads a user may see, as a `where` clause: every read goes through it, so a query that forgets to check
 * returns nothing rather than leaking. Everyone on the revenue team sees every lead (marketers read sales-owned
 * stages too); other roles see none.
 */
export function visibleLeads(user: Pick<CurrentUser, "role">): Prisma.LeadWhereInput {
  return can(user.role, "lead:read") ? {} : { id: { in: [] } };
}

export interface LeadRow {
  id: string;
  name: string;
  email: string;
  title: string | null;
  company: string;
  stage: Stage;
  source: LeadSource;
  score: number;
  owner: string | null;
  createdAt: string;
  stageChangedAt: string;
}

export interface LeadPage {
  rows: LeadRow[];
  total: number;
  page: number;
  pageCount: number;
}

const ORDER: Record<LeadListQuery["sort"], (dir: Prisma.SortOrder) => Prisma.LeadOrderByWithRelationInput> = {
  createdAt: (dir) => ({ createdAt: dir }),
  name: (dir) => ({ name: dir }),
  company: (dir) => ({ company: { name: dir } }),
  stage: (dir) => ({ stage: dir }),
  score: (dir) => ({ score: dir }),
  stageChangedAt: (dir) => ({ stageChangedAt: dir }),
};

/** Up to this many companies matching a search are passed to the lead query by id (see companyNameMatch). */
const SEARCH_COMPANY_IDS = 5_000;

/**
 * "The lead's company's name contains the text", in the form the database answers fastest. Written as a condition on
 * the company (a join), the search's OR spans two tables and PostgreSQL must test every lead; written as "the lead's
 * company is one of these", all three branches use an index (trigram indexes on the names and the email, the
 * companyId index) and only matching leads are read. The companies come from the trigram index on Company.name.
 * Both forms select the same leads; the join stays for a text so common that the list of companies would be long.
 */
async function companyNameMatch(contains: Prisma.StringFilter): Promise<Prisma.LeadWhereInput> {
  const companies = await db().company.findMany({ where: { name: contains }, select: { id: true }, take: SEARCH_COMPANY_IDS + 1 });
  if (companies.length > SEARCH_COMPANY_IDS) return { company: { name: contains } };
  return { companyId: { in: companies.map((company) => company.id) } };
}

/** The `entered` filter's dates: whole UTC days, `to` inclusive, as people read a range. */
function enteredRange(query: LeadListQuery): { at: { gte?: Date; lt?: Date } } {
  const at: { gte?: Date; lt?: Date } = {};
  if (query.from) at.gte = new Date(`${query.from}T00:00:00Z`);
  if (query.to) at.lt = new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000);
  return { at };
}

async function listWhere(user: CurrentUser, query: LeadListQuery): Promise<Prisma.LeadWhereInput> {
  const and: Prisma.LeadWhereInput[] = [visibleLeads(user)];
  if (query.q) {
    const contains = { contains: query.q, mode: "insensitive" as const };
    and.push({ OR: [{ name: contains }, { email: contains }, await companyNameMatch(contains)] });
  }
  if (query.stage) and.push({ stage: query.stage });
  if (query.source) and.push({ source: query.source });
  if (query.team) and.push({ source: { in: query.team === "marketing" ? MARKETING_SOURCES : SALES_SOURCES } });
  if (query.owner === "none") and.push({ ownerId: null });
  else if (query.owner === "me") and.push({ ownerId: user.id });
  else if (query.owner) and.push({ ownerId: query.owner });
  if (query.campaign === "none") and.push({ campaignId: null });
  else if (query.campaign) and.push({ campaignId: query.campaign });
  if (query.entered) {
    const { at } = enteredRange(query);
    and.push({ stageChanges: { some: { toStage: query.entered, ...(query.from || query.to ? { at } : {}) } } });
  }
  return { AND: and };
}

/**
 * The list's total. Filtered by nothing but stage, source or team, it is the sum of the kept per-stage-and-source
 * counts (LeadCount, exact: triggers keep it with every lead written); any other filter counts the matching leads.
 */
async function countLeads(user: CurrentUser, query: LeadListQuery, where: Prisma.LeadWhereInput): Promise<number> {
  if (!can(user.role, "lead:read")) return 0;
  const onlyEntered = query.entered && !query.q && !query.owner && !query.campaign && !query.stage && !query.source && !query.team;
  if (onlyEntered) {
    // The dashboards' click-through: the leads with an entry into the stage in the range, counted from the stage
    // history's index alone (a lead entering twice counts once, as the list shows it once).
    const { at } = enteredRange(query);
    const [row] = await db().$queryRaw<{ count: number }[]>`
      SELECT count(DISTINCT sc."leadId")::int AS count FROM "StageChange" sc
      WHERE sc."toStage" = ${query.entered}::"Stage"
        AND sc.at >= ${at.gte ?? new Date(0)} AND sc.at < ${at.lt ?? new Date("9999-12-31T00:00:00Z")}`;
    return row?.count ?? 0;
  }
  const countedOnly = !query.q && !query.owner && !query.campaign && !query.entered;
  if (!countedOnly) return db().lead.count({ where });
  const teamSources = query.team && (query.team === "marketing" ? MARKETING_SOURCES : SALES_SOURCES);
  const sources = query.source ? [query.source].filter((source) => !teamSources || teamSources.includes(source)) : teamSources;
  const { _sum } = await db().leadCount.aggregate({
    _sum: { leads: true },
    where: { ...(query.stage && { stage: query.stage }), ...(sources && { source: { in: sources } }) },
  });
  return _sum.leads ?? 0;
}

const LIST_SELECT = {
  id: true,
  name: true,
  email: true,
  title: true,
  stage: true,
  source: true,
  score: true,
  createdAt: true,
  stageChangedAt: true,
  company: { select: { name: true } },
  owner: { select: { name: true } },
} satisfies Prisma.LeadSelect;

type ListedLead = Prisma.LeadGetPayload<{ select: typeof LIST_SELECT }>;

function toRow(lead: ListedLead): LeadRow {
  return {
    id: lead.id,
    name: lead.name,
    email: lead.email,
    title: lead.title,
    company: lead.company.name,
    stage: lead.stage,
    source: lead.source,
    score: lead.score,
    owner: lead.owner?.name ?? null,
    createdAt: lead.createdAt.toISOString(),
    stageChangedAt: lead.stageChangedAt.toISOString(),
  };
}

async function readPage(where: Prisma.LeadWhereInput, query: LeadListQuery, page: number, extra: 0 | 1): Promise<LeadRow[]> {
  const leads = await db().lead.findMany({
    where,
    // The id breaks ties so that paging never shows a row twice or skips one.
    orderBy: [ORDER[query.sort](query.dir), { id: "asc" }],
    skip: (page - 1) * query.size,
    take: query.size + extra,
    select: LIST_SELECT,
  });
  return leads.map(toRow);
}

export interface LeadRowsPage {
  rows: LeadRow[];
  page: number;
  /** Whether a page follows this one: known from one row more than the page holds, without counting the matches. */
  hasNext: boolean;
}

/**
 * One page of the list, without its total: what the page needs to show its rows at once. Counting every match of a
 * broad search costs a visit to each matching lead (tens of milliseconds for 15,000 of a million), while a page
 * costs its own rows, so the list shows the rows first and its total (`countListedLeads`) streams in after them.
 * A page past the end falls back to the last one, which needs the total.
 */
export async function listLeadRows(user: CurrentUser, query: LeadListQuery): Promise<LeadRowsPage> {
  const where = await listWhere(user, query);
  const rows = await readPage(where, query, query.page, 1);
  if (rows.length > 0 || query.page === 1) {
    return { rows: rows.slice(0, query.size), page: query.page, hasNext: rows.length > query.size };
  }
  const page = pageCount(await countLeads(user, query, where), query.size);
  return { rows: await readPage(where, query, page, 0), page, hasNext: false };
}

/** How many leads match the list's filters: exact, for the list's "N results" and its page count. */
export async function countListedLeads(user: CurrentUser, query: LeadListQuery): Promise<number> {
  return countLeads(user, query, await listWhere(user, query));
}

/** A page and the total together, for callers that need both before answering. */
export async function listLeads(user: CurrentUser, query: LeadListQuery): Promise<LeadPage> {
  const where = await listWhere(user, query);
  const total = await countLeads(user, query, where);
  const pages = pageCount(total, query.size);
  const page = Math.min(query.page, pages);
  return { total, page, pageCount: pages, rows: await readPage(where, query, page, 0) };
}

export interface LeadDetail {
  id: string;
  version: number;
  ownerRole: Role | null;
  qualifiedVersion: number | null;
  campaignId: string | null;
  /** The rep a pending handover waits on, if any. */
  pendingRepId: string | null;
  touches: { id: string; kind: TouchKind; at: string; note: string | null; by: string; byId: string }[];
  name: string;
  email: string;
  title: string | null;
  company: { name: string; size: number | null; industry: string | null; country: string | null };
  source: LeadSource;
  campaign: { id: string; name: string } | null;
  stage: Stage;
  score: number;
  owner: { id: string; name: string } | null;
  createdBy: string | null;
  createdAt: string;
  amount: string | null;
  expectedCloseDate: string | null;
  history: { id: string; from: Stage | null; to: Stage; at: string; actor: string | null; reason: string | null }[];
}

export async function getLead(user: CurrentUser, id: string): Promise<LeadDetail | null> {
  const lead = await db().lead.findFirst({
    where: { AND: [visibleLeads(user), { id }] },
    select: {
      id: true,
      version: true,
      qualifiedVersion: true,
      campaignId: true,
      name: true,
      email: true,
      title: true,
      source: true,
      stage: true,
      score: true,
      createdAt: true,
      amount: true,
      expectedCloseDate: true,
      company: { select: { name: true, size: true, industry: true, country: true } },
      campaign: { select: { id: true, name: true } },
      owner: { select: { id: true, name: true, role: true } },
      createdBy: { select: { name: true } },
      handovers: { where: { status: "PENDING" }, select: { toUserId: true } },
      touches: { orderBy: [{ at: "desc" }, { id: "asc" }], take: 100, select: { id: true, kind: true, at: true, note: true, user: { select: { id: true, name: true } } } },
      stageChanges: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { id: true, fromStage: true, toStage: true, at: true, reason: true, actor: { select: { name: true } } },
      },
    },
  });
  if (!lead) return null;
  return {
    id: lead.id,
    version: lead.version,
    ownerRole: lead.owner?.role ?? null,
    qualifiedVersion: lead.qualifiedVersion,
    campaignId: lead.campaignId,
    pendingRepId: lead.handovers[0]?.toUserId ?? null,
    touches: lead.touches.map((touch) => ({ id: touch.id, kind: touch.kind, at: touch.at.toISOString(), note: touch.note, by: touch.user.name, byId: touch.user.id })),
    name: lead.name,
    email: lead.email,
    title: lead.title,
    company: lead.company,
    source: lead.source,
    campaign: lead.campaign,
    stage: lead.stage,
    score: lead.score,
    owner: lead.owner ? { id: lead.owner.id, name: lead.owner.name } : null,
    createdBy: lead.createdBy?.name ?? null,
    createdAt: lead.createdAt.toISOString(),
    amount: lead.amount?.toString() ?? null,
    expectedCloseDate: lead.expectedCloseDate?.toISOString() ?? null,
    history: lead.stageChanges.map((change) => ({
      id: change.id,
      from: change.fromStage,
      to: change.toStage,
      at: change.at.toISOString(),
      actor: change.actor?.name ?? null,
      reason: change.reason,
    })),
  };
}

export interface Option {
  value: string;
  label: string;
}

/** People who can own leads, for the owner filter. */
export async function listLeadOwnerOptions(): Promise<Option[]> {
  const owners = await db().user.findMany({
    where: { role: { in: ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER"] satisfies Role[] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, active: true },
  });
  return owners.map((owner) => ({ value: owner.id, label: owner.active ? owner.name : `${owner.name} (inactive)` }));
}

/** Campaigns a new lead can be attributed to, newest first. */
export async function listCampaignOptions(): Promise<Option[]> {
  const campaigns = await db().campaign.findMany({ orderBy: { startsAt: "desc" }, select: { id: true, name: true } });
  return campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }));
}

/**
 * Of these leads, the ones this marketer may dispute rejections of: their own leads, or any lead for the
 * marketing manager.
 */
export async function listOwnedLeadIds(user: CurrentUser, leadIds: string[]): Promise<Set<string>> {
  if (user.role === "MARKETING_MANAGER") return new Set(leadIds);
  const leads = await db().lead.findMany({ where: { AND: [visibleLeads(user), { id: { in: leadIds }, ownerId: user.id }] }, select: { id: true } });
  return new Set(leads.map((lead) => lead.id));
}

/**
 * The lead's score breakdown and what it still lacks, under the definition that applies to it: the version it
 * qualified under once handed over, the active one before.
 */
export async function getLeadEvaluation(user: CurrentUser, lead: Pick<LeadDetail, "id" | "qualifiedVersion">): Promise<{ version: number; basis: "active" | "qualified"; evaluation: Evaluation } | null> {
  if (!can(user.role, "lead:read")) return null;
  const definition = lead.qualifiedVersion ? await findDefinitionByVersion(db(), lead.qualifiedVersion) : await findActiveDefinition(db());
  const facts = await leadFacts(db(), lead.id);
  if (!definition || !facts) return null;
  return { version: definition.version, basis: lead.qualifiedVersion ? "qualified" : "active", evaluation: evaluateLead(facts, definition.rules) };
}

/** The export's columns, named so that a file exported here imports back with its columns matched. */
export const LEAD_EXPORT_COLUMNS = [
  { key: "name", label: "Name" },
  { key: "email", label: "Email" },
  { key: "title", label: "Job title" },
  { key: "company", label: "Company" },
  { key: "companySize", label: "Company size" },
  { key: "industry", label: "Industry" },
  { key: "country", label: "Country" },
  { key: "source", label: "Source" },
  { key: "campaign", label: "Campaign" },
  { key: "stage", label: "Stage" },
  { key: "score", label: "Score" },
  { key: "owner", label: "Owner" },
  { key: "createdAt", label: "Created at" },
  { key: "stageChangedAt", label: "Stage changed at" },
] as const;

export type LeadExportRow = Record<(typeof LEAD_EXPORT_COLUMNS)[number]["key"], string | number | null>;

/**
 * Every lead the list shows for these filters, in the list's order, a page at a time (keyset pages from the last
 * lead's id, so the millionth lead costs what the first does): for the CSV export, which streams each page as it
 * comes. The `where` is built once, with the same visibility rule as the list.
 */
export async function* leadExportPages(user: CurrentUser, query: LeadListQuery, pageSize = 1_000): AsyncGenerator<LeadExportRow[]> {
  if (!can(user.role, "lead:read")) return;
  const where = await listWhere(user, query);
  let cursor: string | undefined;
  for (;;) {
    const leads = await db().lead.findMany({
      where,
      orderBy: [ORDER[query.sort](query.dir), { id: "asc" }],
      take: pageSize,
      ...(cursor && { cursor: { id: cursor }, skip: 1 }),
      select: {
        id: true,
        name: true,
        email: true,
        title: true,
        source: true,
        stage: true,
        score: true,
        createdAt: true,
        stageChangedAt: true,
        company: { select: { name: true, size: true, industry: true, country: true } },
        campaign: { select: { name: true } },
        owner: { select: { name: true } },
      },
    });
    if (leads.length === 0) return;
    yield leads.map((lead) => ({
      name: lead.name,
      email: lead.email,
      title: lead.title,
      company: lead.company.name,
      companySize: lead.company.size,
      industry: lead.company.industry,
      country: lead.company.country,
      source: lead.source,
      campaign: lead.campaign?.name ?? null,
      stage: lead.stage,
      score: lead.score,
      owner: lead.owner?.name ?? null,
      createdAt: lead.createdAt.toISOString(),
      stageChangedAt: lead.stageChangedAt.toISOString(),
    }));
    if (leads.length < pageSize) return;
    cursor = leads.at(-1)!.id;
  }
}
