// Every write to leads goes through here, whichever entry point asks (form action today; API and import later).
import { db, Prisma, type Tx } from "../db/client";
import { Stage } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import type { LeadInput } from "./schemas";
import { normalizeCompanyName, tidyCompanyName } from "./rules";

interface Actor {
  id: string;
}

const DUPLICATE_EMAIL = "A lead with this email already exists.";

/**
 * Logs a lead: finds or creates its company, creates the lead at INQUIRY with its first StageChange, and records the
 * audit entry, all in one transaction. A duplicate email is refused, also when two requests race: the unique index
 * decides, and the loser is told the same thing as a sequential duplicate.
 */
export async function createLead(actor: Actor, input: LeadInput): Promise<{ id: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction((tx) => insertLead(tx, actor, input));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const duplicate = await db().lead.findUnique({ where: { email: input.email }, select: { id: true } });
      if (duplicate) throw new DomainError(DUPLICATE_EMAIL, { email: [DUPLICATE_EMAIL] }, "conflict");
      // The company was created by a concurrent request between our read and our insert: it exists now.
      if (attempt >= 3) throw error;
    }
  }
}

async function insertLead(tx: Tx, actor: Actor, input: LeadInput): Promise<{ id: string }> {
  const existing = await tx.lead.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new DomainError(DUPLICATE_EMAIL, { email: [DUPLICATE_EMAIL] }, "conflict");

  if (input.campaignId) {
    const campaign = await tx.campaign.findUnique({ where: { id: input.campaignId }, select: { id: true } });
    if (!campaign) throw new DomainError("That campaign does not exist.", { campaignId: ["Choose a campaign from the list"] });
  }

  const companyId = await findOrCreateCompany(tx, input);
  const now = new Date();
  const lead = await tx.lead.create({
    data: {
      name: input.name,
      email: input.email,
      title: input.title,
      companyId,
      source: input.source,
      campaignId: input.campaignId ?? null,
      stage: Stage.INQUIRY,
      stageChangedAt: now,
      ownerId: actor.id,
      createdById: actor.id,
      createdAt: now,
    },
    select: { id: true },
  });
  await tx.stageChange.create({
    data: { leadId: lead.id, fromStage: null, toStage: Stage.INQUIRY, at: now, actorId: actor.id, reason: "Logged" },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "lead.created",
    entityType: "Lead",
    entityId: lead.id,
    data: { email: input.email, source: input.source, campaignId: input.campaignId ?? null },
  });
  return lead;
}

/** The company's firmographics are updated to what the newest lead says: the most recent information wins. */
async function findOrCreateCompany(tx: Tx, input: LeadInput): Promise<string> {
  const normalizedName = normalizeCompanyName(input.company);
  const facts = { size: input.companySize, industry: input.industry, country: input.country };
  const company = await tx.company.upsert({
    where: { normalizedName },
    create: { name: tidyCompanyName(input.company), normalizedName, ...facts },
    update: facts,
    select: { id: true },
  });
  return company.id;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
