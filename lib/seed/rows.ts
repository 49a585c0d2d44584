// The demo drafts as database rows: what is stored, with the timestamps and versions the app's writes would have left.
import type { DefinitionRules } from "../agreement/schemas";
import type { Prisma } from "../db/generated/client";
import type { CampaignDraft } from "./campaigns";
import type { CompanyDraft } from "./companies";
import type { LeadJourney } from "./funnel-history";
import type { HandoverDraft, HandoverOutcome } from "./handovers";
import type { LeadDraft } from "./leads";
import type { Qualification, TouchDraft } from "./qualification";
import type { TeamMember } from "./team";

export function userRow(member: TeamMember, passwordHash: string): Prisma.UserCreateManyInput {
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

export function companyRows(
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

export function campaignRow(campaign: CampaignDraft): Prisma.CampaignCreateManyInput {
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

export function leadRow(
  qualification: Qualification,
  journey: LeadJourney,
  handover: HandoverOutcome | undefined,
): Prisma.LeadCreateManyInput {
  const { lead, evaluation, touches } = qualification;
  // Re-scoring after a marketing touch rewrote the row; so did the stage moves and a reassignment.
  const writes = [journey.stageChangedAt, ...touches.map((touch) => touch.at), ...(handover?.reassignedAt ? [handover.reassignedAt] : [])];
  const lastWrite = Math.max(...writes.map((at) => at.getTime()));
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
    score: evaluation.score,
    qualifiedVersion: qualification.mqlAt ? 1 : null,
    ownerId: journey.ownerId,
    createdById: lead.createdById,
    amount: journey.amount,
    expectedCloseDate: journey.expectedCloseDate,
    // Each move was one write to the lead row, and so was a sales manager's reassignment of its handover.
    version: journey.changes.length + (handover?.reassignedAt ? 1 : 0),
    createdAt: lead.createdAt,
    updatedAt: new Date(lastWrite),
  };
}

export function handoverRow(handover: HandoverDraft, rules: DefinitionRules): Prisma.HandoverCreateManyInput {
  return {
    id: handover.id,
    leadId: handover.leadId,
    fromUserId: handover.fromUserId,
    toUserId: handover.toUserId,
    definitionVersion: 1,
    createdAt: handover.createdAt,
    dueAt: handover.dueAt,
    firstTouchHours: rules.sla.firstTouchHours,
    status: handover.status,
    respondedAt: handover.respondedAt,
    reasonCode: handover.reason?.code ?? null,
    reasonLabel: handover.reason?.label ?? null,
    note: handover.note,
    disputedAt: handover.disputedAt,
    disputedById: handover.disputedById,
    disputeNote: handover.disputeNote,
    resolution: handover.resolution,
    resolvedAt: handover.resolvedAt,
    resolvedById: handover.resolvedById,
  };
}

/** Oldest first, so that ids follow time. */
export function touchRows(touches: readonly TouchDraft[]): Prisma.TouchCreateManyInput[] {
  return [...touches]
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0))
    .map((touch, index) => ({ id: `seed_touch_${String(index + 1).padStart(6, "0")}`, ...touch }));
}
