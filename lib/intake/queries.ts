// What the API tells an integration about a lead it sent: stage, score and owner. Plain DTOs, never whole rows.
import "server-only";
import { db, Prisma, type Tx } from "../db/client";
import type { ArrivedLead } from "../leads/arrival";
import type { LeadInput } from "../leads/schemas";
import type { LeadView } from "./schemas";

interface Row {
  id: string;
  email: string;
  name: string;
  title: string | null;
  company: string;
  source: LeadView["source"];
  campaignId: string | null;
  stage: LeadView["stage"];
  score: number;
  qualifiedVersion: number | null;
  ownerId: string | null;
  ownerName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function toView(row: Row): LeadView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    title: row.title,
    company: row.company,
    source: row.source,
    campaignId: row.campaignId,
    stage: row.stage,
    score: row.score,
    qualifiedVersion: row.qualifiedVersion,
    owner: row.ownerId === null ? null : { id: row.ownerId, name: row.ownerName! },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The lead with its company's name and its owner, in one query (Prisma reads each relation with a query of its own). */
async function readView(tx: Tx, where: Prisma.Sql): Promise<LeadView | null> {
  const [view] = await readViews(tx, where);
  return view ?? null;
}

async function readViews(tx: Tx, where: Prisma.Sql): Promise<LeadView[]> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT l.id, l.email, l.name, l.title, c.name AS company, l.source::text AS source, l."campaignId", l.stage::text AS stage, l.score,
           l."qualifiedVersion", o.id AS "ownerId", o.name AS "ownerName", l."createdAt", l."updatedAt"
    FROM "Lead" l JOIN "Company" c ON c.id = l."companyId" LEFT JOIN "User" o ON o.id = l."ownerId"
    WHERE ${where}`;
  return rows.map(toView);
}

/** Many leads' views in one query, by id (ids not found are missing from the map). */
export async function leadViewsByIds(ids: readonly string[], tx: Tx = db()): Promise<Map<string, LeadView>> {
  if (ids.length === 0) return new Map();
  const views = await readViews(tx, Prisma.sql`l.id = ANY(${[...ids]}::text[])`);
  return new Map(views.map((view) => [view.id, view]));
}

export async function leadViewById(id: string, tx: Tx = db()): Promise<LeadView | null> {
  return readView(tx, Prisma.sql`l.id = ${id}`);
}

/** By the normalised email (the caller parses it with the form's email schema, which trims and lower-cases). */
export async function leadViewByEmail(email: string, tx: Tx = db()): Promise<LeadView | null> {
  return readView(tx, Prisma.sql`l.email = ${email}`);
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
