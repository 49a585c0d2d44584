// What the API tells an integration about a lead it sent: stage, score and owner. Plain DTOs, never whole rows.
import "server-only";
import { db, type Prisma, type Tx } from "../db/client";
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
