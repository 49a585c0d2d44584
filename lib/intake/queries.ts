// What the API tells an integration about a lead it sent: stage, score and owner. Plain DTOs, never whole rows.
import "server-only";
import { db, type Prisma, type Tx } from "../db/client";
import type { ArrivedLead } from "../leads/arrival";
import type { LeadInput } from "../leads/schemas";
import type { LeadView } from "./schemas";

const VIEW = {
  id: true,
  email: true,
  name: true,
  title: true,
  source: true,
  campaignId: true,
  stage: true,
  score: true,
  qualifiedVersion: true,
  createdAt: true,
  updatedAt: true,
  company: { select: { name: true } },
  owner: { select: { id: true, name: true } },
} as const;

type Row = Prisma.LeadGetPayload<{ select: typeof VIEW }>;

function toView(row: Row): LeadView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    title: row.title,
    company: row.company.name,
    source: row.source,
    campaignId: row.campaignId,
    stage: row.stage,
    score: row.score,
    qualifiedVersion: row.qualifiedVersion,
    owner: row.owner,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function leadViewById(id: string, tx: Tx = db()): Promise<LeadView | null> {
  const row = await tx.lead.findUnique({ where: { id }, select: VIEW });
  return row ? toView(row) : null;
}

/** By the normalised email (the caller parses it with the form's email schema, which trims and lower-cases). */
export async function leadViewByEmail(email: string, tx: Tx = db()): Promise<LeadView | null> {
  const row = await tx.lead.findUnique({ where: { email }, select: VIEW });
  return row ? toView(row) : null;
}

/**
 * The view of a lead the API has just created, from what it wrote (lib/leads/arrival.ts), without reading it back: the
 * same fields leadViewById reads. A lead from the API has no owner until a rep accepts it.
 */
export function arrivedLeadView(lead: ArrivedLead, input: LeadInput): LeadView {
  return {
    id: lead.id,
    email: input.email,
    name: input.name,
    title: input.title ?? null,
    company: lead.companyName,
    source: input.source,
    campaignId: input.campaignId ?? null,
    stage: lead.stage,
    score: lead.score,
    qualifiedVersion: lead.qualifiedVersion,
    owner: null,
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
  };
}
