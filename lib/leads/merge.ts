// A lead submitted again (same normalised email) through the API, a web form or a CSV import: merged into the lead
// that exists instead of making a second one. Part of the lead service (service.ts calls it inside its transaction);
// kept apart for size.
import { Prisma, type Tx } from "../db/client";
import { queryRows } from "../db/driver";
import { recordAudit } from "../audit/service";
import { moveLeadCampaign } from "../metrics/rollup";
import { emptyFieldsToFill } from "../intake/rules";
import type { LeadInput } from "./schemas";
import { systemActorData, type LeadAuthor, type LeadWrite } from "./service";
import { reevaluateLead } from "./qualification";
import { auditPart, insertManyTogether, sortableId, type InsertPart } from "./bulk-insert";

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

/** A lead a batch merges into, with its company's facts, as the batch last saw it. */
interface MergeTarget {
  id: string;
  email: string;
  stage: string;
  title: string | null;
  campaignId: string | null;
  companyId: string;
  size: number | null;
  industry: string | null;
  country: string | null;
}

/**
 * A batch's merges (createOrMergeLeads), in its order, each with the result mergeIntoLead would give. A submission
 * that fills nothing (its lead and the lead's company know every fact it gives, and a campaign it names exists) only
 * records its source touch and audit entry: those are written together, one statement for all. Any other row goes
 * through `alone` (createOrMergeLead), after the rows before it are written, and the rows after it see what it changed.
 * A re-imported list is mostly the first kind.
 */
export async function mergeMany(tx: Tx, author: LeadAuthor, rows: readonly { index: number; input: LeadInput }[], now: Date, alone: (input: LeadInput) => Promise<LeadWrite>): Promise<Map<number, LeadWrite>> {
  const results = new Map<number, LeadWrite>();
  if (rows.length === 0) return results;
  const targets = new Map((await readTargets(tx, [...new Set(rows.map((row) => row.input.email))])).map((target) => [target.email, target]));
  const named = [...new Set(rows.flatMap((row) => (row.input.campaignId ? [row.input.campaignId] : [])))];
  const campaigns = new Set(
    named.length === 0 ? [] : (await queryRows<{ id: string }>(tx, Prisma.sql`SELECT id FROM "Campaign" WHERE id = ANY(${named}::text[])`)).map((row) => row.id),
  );
  let pending: { leadId: string; input: LeadInput }[] = [];
  const flush = async () => {
    if (pending.length > 0) await insertManyTogether(tx, mergeParts(author, pending, now));
    pending = [];
  };
  for (const { index, input } of rows) {
    const target = targets.get(input.email);
    const fillsNothing =
      !!target &&
      (!input.campaignId || campaigns.has(input.campaignId)) &&
      Object.keys(emptyFieldsToFill({ title: target.title, campaignId: target.campaignId, companySize: target.size, industry: target.industry, country: target.country }, input)).length === 0;
    if (fillsNothing) {
      pending.push({ leadId: target.id, input });
      results.set(index, { id: target.id, stage: target.stage, outcome: "merged", filled: [] });
      continue;
    }
    await flush();
    results.set(index, await alone(input));
    // What it changed (the lead, its company's facts, which other leads of the batch may share) for the rows after it.
    for (const changed of await readTargets(tx, [input.email])) {
      targets.set(changed.email, changed);
      for (const other of targets.values()) if (other.companyId === changed.companyId) Object.assign(other, { size: changed.size, industry: changed.industry, country: changed.country });
    }
  }
  await flush();
  return results;
}

/** The leads with these emails and their companies' facts, locked as one merge at a time locks them. */
function readTargets(tx: Tx, emails: readonly string[]): Promise<MergeTarget[]> {
  return queryRows<MergeTarget>(
    tx,
    Prisma.sql`
      SELECT l.id, l.email, l.stage::text AS stage, l.title, l."campaignId", l."companyId", c.size, c.industry, c.country
      FROM "Lead" l JOIN "Company" c ON c.id = l."companyId"
      WHERE l.email = ANY(${emails}::text[]) ORDER BY l.email FOR UPDATE OF l`,
  );
}

/** The source touches and audit entries of merges that fill nothing, as mergeIntoLead writes them. */
function mergeParts(author: LeadAuthor, merges: readonly { leadId: string; input: LeadInput }[], now: Date) {
  return [
    {
      table: "SourceTouch",
      columns: { id: "text", leadId: "text", source: "enum:LeadSource", campaignId: "text", apiKeyId: "text", webFormId: "text", created: "bool", at: "timestamp" },
      shared: { created: false, at: now, apiKeyId: author.kind === "api" ? author.apiKeyId : null, webFormId: author.kind === "webform" ? author.webFormId : null },
      rows: merges.map(({ leadId, input }) => ({ id: sortableId(), leadId, source: input.source, campaignId: input.campaignId ?? null })),
    },
    auditPart(
      { actorId: author.kind === "user" ? author.id : null, action: "lead.merged", entityType: "Lead" },
      merges.map(({ leadId, input }) => ({ entityId: leadId, data: { filled: [], source: input.source, campaignId: input.campaignId ?? null, ...systemActorData(author) } })),
    ),
  ] satisfies InsertPart[];
}
