// Keeps a lead's score and stage true to the active lead definition. Called in the same transaction as every change
// that can affect them: logging, editing, importing or touching a lead, and a new definition becoming active.
import type { Tx } from "../db/client";
import { findActiveDefinition, type LoadedDefinition } from "../agreement/active";
import { evaluateLead, type Evaluation, type LeadFacts } from "../agreement/rules";
import { changeStage, loadLeadState } from "../funnel/service";
import { openHandover } from "../handovers/assignment";
import { recordAudit } from "../audit/service";

export async function leadFacts(tx: Tx, leadId: string): Promise<LeadFacts | null> {
  const lead = await tx.lead.findUnique({
    where: { id: leadId },
    select: {
      title: true,
      source: true,
      campaignId: true,
      company: { select: { size: true, industry: true, country: true } },
      _count: { select: { touches: true } },
    },
  });
  if (!lead) return null;
  return {
    title: lead.title,
    companySize: lead.company.size,
    industry: lead.company.industry,
    country: lead.company.country,
    source: lead.source,
    hasCampaign: lead.campaignId !== null,
    touches: lead._count.touches,
  };
}

export interface Reevaluation {
  evaluation: Evaluation | null;
  qualified: boolean;
  handoverId: string | null;
}

/**
 * Re-scores an inquiry and, if marketing holds it, the moment it meets the definition makes it an MQL and hands it
 * to a rep. A lead already handed over keeps the score and version it qualified under.
 */
export async function reevaluateLead(
  tx: Tx,
  leadId: string,
  options: { now: Date; definition?: LoadedDefinition | null },
): Promise<Reevaluation> {
  const none = { evaluation: null, qualified: false, handoverId: null };
  const definition = options.definition === undefined ? await findActiveDefinition(tx) : options.definition;
  const lead = await loadLeadState(tx, leadId);
  if (!definition || !lead || lead.stage !== "INQUIRY") return none;
  const facts = await leadFacts(tx, leadId);
  if (!facts) return none;

  const evaluation = evaluateLead(facts, definition.rules);
  // The score is the server's to keep; it is not a user edit, so it does not bump the lead's version.
  await tx.lead.update({ where: { id: leadId }, data: { score: evaluation.score } });
  if (!evaluation.qualifies) return { evaluation, qualified: false, handoverId: null };
  // A lead a rep found and logged is already with sales: it is scored, but there is nothing to hand over.
  if (lead.ownerRole === "SALES_REP" || lead.ownerRole === "SALES_MANAGER") return { evaluation, qualified: false, handoverId: null };

  const handover = await openHandover(tx, { leadId, fromUserId: lead.ownerId, definition, now: options.now });
  if (!handover) {
    // Nobody to hand it to: it stays an inquiry and qualifies the moment a rep is active and it is re-evaluated.
    await recordAudit(tx, { actorId: null, action: "lead.qualification_waiting_for_rep", entityType: "Lead", entityId: leadId });
    return { evaluation, qualified: false, handoverId: null };
  }
  await changeStage(tx, {
    lead,
    to: "MQL",
    via: "qualification",
    actor: null,
    reason: `Met lead definition v${definition.version} with ${evaluation.score} points`,
    data: { qualifiedVersion: definition.version },
    now: options.now,
  });
  return { evaluation, qualified: true, handoverId: handover.id };
}
