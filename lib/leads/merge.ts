// A lead submitted again (same normalised email) through the API, a web form or a CSV import: merged into the lead
// that exists instead of making a second one. Part of the lead service (service.ts calls it inside its transaction);
// kept apart for size.
import type { Tx } from "../db/client";
import { recordAudit } from "../audit/service";
import { moveLeadCampaign } from "../metrics/rollup";
import { emptyFieldsToFill } from "../intake/rules";
import type { LeadInput } from "./schemas";
import { systemActorData, type LeadAuthor, type LeadWrite } from "./service";
import { reevaluateLead } from "./qualification";

/**
 * Fills the lead's empty fields from the submission (never overwrites what someone already knows), records the new
 * source touch, and re-scores the lead if a fact was filled. Filling a field is an edit: it bumps the lead's version,
 * so a person editing it concurrently is told rather than overwritten. The caller holds the lead's row lock.
 */
export async function mergeIntoLead(tx: Tx, leadId: string, author: LeadAuthor, input: LeadInput, now: Date): Promise<LeadWrite> {
  // The lead with its company's facts in one query (Prisma reads the relation with a query of its own).
  const [lead] = await tx.$queryRaw<{ stage: string; title: string | null; campaignId: string | null; companyId: string; size: number | null; industry: string | null; country: string | null }[]>`
    SELECT l.stage::text AS stage, l.title, l."campaignId", l."companyId", c.size, c.industry, c.country
    FROM "Lead" l JOIN "Company" c ON c.id = l."companyId" WHERE l.id = ${leadId}`;
  if (!lead) throw new Error(`Lead ${leadId} is not there to merge into.`);
  const patch = emptyFieldsToFill({ title: lead.title, campaignId: lead.campaignId, companySize: lead.size, industry: lead.industry, country: lead.country }, input);
  const leadPatch = { ...(patch.title !== undefined && { title: patch.title }), ...(patch.campaignId !== undefined && { campaignId: patch.campaignId }) };
  const companyPatch = {
    ...(patch.companySize !== undefined && { size: patch.companySize }),
    ...(patch.industry !== undefined && { industry: patch.industry }),
    ...(patch.country !== undefined && { country: patch.country }),
  };
  const filled = Object.keys(patch);
  if (filled.length > 0) await tx.lead.update({ where: { id: leadId }, data: { ...leadPatch, version: { increment: 1 } } });
  if (Object.keys(companyPatch).length > 0) await tx.company.update({ where: { id: lead.companyId }, data: companyPatch });
  if (patch.campaignId !== undefined) await moveLeadCampaign(tx, leadId, null, patch.campaignId);
  await recordSourceTouch(tx, { leadId, author, input, created: false, now });
  await recordAudit(tx, {
    actorId: author.kind === "user" ? author.id : null,
    action: "lead.merged",
    entityType: "Lead",
    entityId: leadId,
    data: {
      filled,
      source: input.source,
      campaignId: input.campaignId ?? null,
      ...systemActorData(author),
    },
  });
  if (filled.length === 0) return { id: leadId, stage: lead.stage, outcome: "merged", filled };
  const { qualified } = await reevaluateLead(tx, leadId, { now });
  return { id: leadId, stage: qualified ? "MQL" : lead.stage, outcome: "merged", filled };
}

/** One arrival of the lead: its source and campaign this time, and which key or web form sent it. */
export async function recordSourceTouch(tx: Tx, touch: { leadId: string; author: LeadAuthor; input: LeadInput; created: boolean; now: Date }) {
  await tx.sourceTouch.create({
    data: {
      leadId: touch.leadId,
      source: touch.input.source,
      campaignId: touch.input.campaignId ?? null,
      apiKeyId: touch.author.kind === "api" ? touch.author.apiKeyId : null,
      webFormId: touch.author.kind === "webform" ? touch.author.webFormId : null,
      created: touch.created,
      at: touch.now,
    },
  });
}
