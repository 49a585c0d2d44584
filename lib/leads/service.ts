// Every write to leads goes through here, whichever entry point asks (the form action, the intake API, CSV import).
import { db, Prisma, type Tx } from "../db/client";
import { Stage } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import type { Role } from "../db/enums";
import { findActiveDefinition, forgetActiveDefinition, rememberedActiveDefinition } from "../agreement/active";
import { changeStage, loadLeadState, LEAD_CHANGED } from "../funnel/service";
import { openHandover } from "../handovers/assignment";
import { evaluateLead } from "../agreement/rules";
import type { LeadInput, LeadUpdate } from "./schemas";
import type { MoveStageInput } from "./move-schema";
import { normalizeCompanyName, refuseEdit, tidyCompanyName } from "./rules";
import { leadFacts, reevaluateLead } from "./qualification";
import { moveLeadCampaign, recordFunnelEntry } from "../metrics/rollup";
import { mergeIntoLead, recordSourceTouch } from "./merge";
import { arrivesWithAllFacts, handOverArrivingLead, insertArrivingLead, type ArrivedLead, type SystemAuthor } from "./arrival";

interface Actor {
  id: string;
  role: Role;
}

/**
 * Who brings a lead in: a signed-in person (the form, or a CSV import, which names the import), an API key acting as a
 * system actor ("api-key:<name>"), or a campaign's public web form ("web-form:<campaign>"): a lead that arrives
 * through the API or a web form has no human owner or creator; marketing holds it until it qualifies. An imported
 * lead is owned by the person who imported it, as a lead they typed in.
 */
export type LeadAuthor =
  | { kind: "user"; id: string; role: Role; importId?: string }
  | { kind: "api"; apiKeyId: string; actor: string }
  | { kind: "webform"; webFormId: string; actor: string };

/** The reason on a new lead's first stage change. */
export function arrivalReason(author: LeadAuthor): string {
  if (author.kind === "api") return "Arrived through the API";
  if (author.kind === "webform") return "Arrived through a web form";
  return author.importId ? "Imported from CSV" : "Logged";
}

/** What an audit entry says about who brought the lead in, beyond its actorId: the system actor, or the import. */
export function systemActorData(author: LeadAuthor): Record<string, string> {
  if (author.kind === "api") return { actor: author.actor, apiKeyId: author.apiKeyId };
  if (author.kind === "webform") return { actor: author.actor, webFormId: author.webFormId };
  return author.importId ? { importId: author.importId } : {};
}

export interface LeadWrite {
  id: string;
  stage: string;
  /** "created", or "merged" when the normalised email already belonged to a lead (API intake only). */
  outcome: "created" | "merged";
  /** For a merge: the fields that were empty and are now filled. */
  filled: string[];
  /** A lead created by the one-statement path (lib/leads/arrival.ts): what it wrote, so nobody needs to read it back. */
  arrived?: ArrivedLead;
}

const DUPLICATE_EMAIL = "A lead with this email already exists.";

/**
 * Logs a lead: finds or creates its company, creates the lead at INQUIRY with its first StageChange, scores it
 * against the active definition (making it an MQL and handing it to a rep if it qualifies), and records the audit
 * entry, all in one transaction. A duplicate email is refused, also when two requests race: the unique index
 * decides, and the loser is told the same thing as a sequential duplicate.
 */
export async function createLead(actor: Actor, input: LeadInput): Promise<{ id: string; stage: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { id, stage } = await db().$transaction((tx) => writeLead(tx, { kind: "user", ...actor }, input, "refuse", new Date()));
      return { id, stage };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const duplicate = await db().lead.findUnique({ where: { email: input.email }, select: { id: true } });
      if (duplicate) throw new DomainError(DUPLICATE_EMAIL, { email: [DUPLICATE_EMAIL] }, "conflict");
      // The company was created by a concurrent request between our read and our insert: it exists now.
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * The API's and the web forms' write, in the caller's transaction (so an idempotency record can commit with it):
 * creates the lead as `createLead` does, or, when its normalised email already belongs to a lead, merges into that
 * lead (fills empty fields, records the new source touch, re-scores it). Race-safe: the lead is inserted with ON CONFLICT DO NOTHING
 * on the email's unique index, so of concurrent submissions of one email exactly one creates it and the others wait
 * for it and merge; existing leads are locked (FOR UPDATE) while merged.
 */
export async function createOrMergeLead(tx: Tx, author: LeadAuthor, input: LeadInput, now = new Date(), options: { known?: boolean } = {}): Promise<LeadWrite> {
  return writeLead(tx, author, input, options.known ? "merge-known" : "merge", now);
}

/**
 * The common case of createOrMergeLead in two statements (one for a lead that does not qualify): a new lead from the
 * API or a web form whose company facts are all given, so that it can be scored before it is written. Returns
 * "exists" when the email belongs to a lead (merge it), null when this path does not apply otherwise (the definition
 * changed twice meanwhile, or, with `handOver: false`, the lead qualifies and must be handed over in a transaction):
 * in both cases nothing was written, and the caller takes the general path. Without a transaction around it (`tx` is the client), the lead's writes are one
 * statement, so still all or nothing.
 */
export async function createArrivingLead(tx: Tx, author: SystemAuthor, input: LeadInput, now: Date, options: { handOver: boolean }): Promise<LeadWrite | "exists" | null> {
  if (!arrivesWithAllFacts(input)) return null;
  for (let attempt = 1; attempt <= 2; attempt++) {
    const definition = await rememberedActiveDefinition(tx);
    const evaluation = definition
      ? evaluateLead({ title: input.title ?? null, companySize: input.companySize, industry: input.industry, country: input.country, source: input.source, hasCampaign: !!input.campaignId, touches: 0 }, definition.rules)
      : null;
    const qualifies = !!definition && !!evaluation?.qualifies;
    if (qualifies && !options.handOver) return null;
    const outcome = await insertArrivingLead(tx, author, input, definition, evaluation, now);
    if (outcome.kind === "stale-definition") {
      forgetActiveDefinition();
      continue;
    }
    if (outcome.kind === "unknown-campaign") throw new DomainError("That campaign does not exist.", { campaignId: ["Choose a campaign from the list"] });
    if (outcome.kind === "exists") return "exists";
    const lead = outcome.lead;
    if (lead.stage === "MQL") await handOverArrivingLead(tx, { lead, name: input.name, definition: definition!, auditId: outcome.handoverAuditId, now });
    return { id: lead.id, stage: lead.stage, outcome: "created", filled: [], arrived: lead };
  }
  return null;
}

/** "merge-known": merge, and the caller has just seen that the email is taken (so the one-statement path is skipped). */
async function writeLead(tx: Tx, author: LeadAuthor, input: LeadInput, mode: "refuse" | "merge" | "merge-known", now: Date): Promise<LeadWrite> {
  const onDuplicate = mode === "refuse" ? "refuse" : "merge";
  if (mode === "merge" && author.kind !== "user") {
    const arrived = await createArrivingLead(tx, author, input, now, { handOver: true });
    if (arrived && arrived !== "exists") return arrived;
  }
  const existing = await lockLeadByEmail(tx, input.email);
  if (existing && onDuplicate === "refuse") throw new DomainError(DUPLICATE_EMAIL, { email: [DUPLICATE_EMAIL] }, "conflict");
  if (input.campaignId) await assertCampaignExists(tx, input.campaignId);
  if (existing) return mergeIntoLead(tx, existing, author, input, now);

  // Scored as it is written (the definition's own rules, with the company's facts as they now stand); only a lead
  // that qualifies needs the full re-evaluation below, which hands it over.
  const definition = await findActiveDefinition(tx);
  const company = await findOrCreateCompany(tx, input);
  const evaluation = definition
    ? evaluateLead({ title: input.title ?? null, companySize: company.size, industry: company.industry, country: company.country, source: input.source, hasCampaign: !!input.campaignId, touches: 0 }, definition.rules)
    : null;
  const userId = author.kind === "user" ? author.id : null;
  const [created] = await tx.lead.createManyAndReturn({
    data: {
      name: input.name,
      email: input.email,
      title: input.title ?? null,
      companyId: company.id,
      source: input.source,
      campaignId: input.campaignId ?? null,
      stage: Stage.INQUIRY,
      score: evaluation?.score ?? 0,
      stageChangedAt: now,
      ownerId: userId,
      createdById: userId,
      createdAt: now,
    },
    // A concurrent request created this email's lead after our check: its insert decides, and we merge into it.
    skipDuplicates: onDuplicate === "merge",
    select: { id: true },
  });
  if (!created) {
    const winner = await lockLeadByEmail(tx, input.email);
    if (!winner) throw new Error(`Lead ${input.email} conflicted on insert but cannot be found.`);
    return mergeIntoLead(tx, winner, author, input, now);
  }
  const lead = created;
  const repId = author.kind === "user" && author.role === "SALES_REP" ? author.id : null;
  const change = await tx.stageChange.create({
    data: { leadId: lead.id, fromStage: null, toStage: Stage.INQUIRY, at: now, actorId: userId, reason: arrivalReason(author), repId },
    select: { id: true },
  });
  await recordFunnelEntry(tx, { changeId: change.id, leadId: lead.id, stage: Stage.INQUIRY, at: now, repId, source: input.source, campaignId: input.campaignId ?? null, amount: null });
  if (author.kind !== "user") await recordSourceTouch(tx, { leadId: lead.id, author, input, created: true, now });
  await recordAudit(tx, {
    actorId: userId,
    action: "lead.created",
    entityType: "Lead",
    entityId: lead.id,
    data: { email: input.email, source: input.source, campaignId: input.campaignId ?? null, ...systemActorData(author) },
  });
  const qualified = evaluation?.qualifies ? (await reevaluateLead(tx, lead.id, { now, definition })).qualified : false;
  return { id: lead.id, stage: qualified ? "MQL" : "INQUIRY", outcome: "created", filled: [] };
}

/** The lead with this (normalised) email, locked until the transaction ends, or null. */
async function lockLeadByEmail(tx: Tx, email: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Lead" WHERE email = ${email} FOR UPDATE`;
  return row?.id ?? null;
}

/**
 * The company's firmographics are updated with what the newest lead says: the most recent information wins, and a
 * fact the lead does not give leaves the known one in place.
 */
export async function findOrCreateCompany(
  tx: Tx,
  input: Pick<LeadInput, "company" | "companySize" | "industry" | "country">,
): Promise<{ id: string; size: number | null; industry: string | null; country: string | null }> {
  const normalizedName = normalizeCompanyName(input.company);
  const facts = {
    ...(input.companySize !== undefined && { size: input.companySize }),
    ...(input.industry !== undefined && { industry: input.industry }),
    ...(input.country !== undefined && { country: input.country }),
  };
  const company = await tx.company.upsert({
    where: { normalizedName },
    create: { name: tidyCompanyName(input.company), normalizedName, ...facts },
    update: facts,
    select: { id: true, size: true, industry: true, country: true },
  });
  return company;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Corrects or completes a lead's facts. Refused if someone changed the lead since the editor loaded it. Marketing
 * edits the leads it holds; sales edits the leads it owns. The lead is then re-evaluated.
 */
export async function updateLead(actor: Actor, input: LeadUpdate, now = new Date()): Promise<{ version: number; stage: string }> {
  return db().$transaction(async (tx) => {
    const lead = await loadLeadState(tx, input.id);
    if (!lead) throw new DomainError("That lead does not exist.", undefined, "not_found");
    const refusal = refuseEdit(actor, lead);
    if (refusal) throw new DomainError(refusal, undefined, "forbidden");
    if (input.campaignId) await assertCampaignExists(tx, input.campaignId);
    const { campaignId: previousCampaign } = await tx.lead.findUniqueOrThrow({ where: { id: lead.id }, select: { campaignId: true } });
    const { id: companyId } = await findOrCreateCompany(tx, input);
    const updated = await tx.lead.updateMany({
      where: { id: lead.id, version: input.version },
      data: { name: input.name, title: input.title ?? null, campaignId: input.campaignId ?? null, companyId, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new DomainError(LEAD_CHANGED, undefined, "conflict");
    await moveLeadCampaign(tx, lead.id, previousCampaign, input.campaignId ?? null);
    await recordAudit(tx, { actorId: actor.id, action: "lead.updated", entityType: "Lead", entityId: lead.id, data: { fields: Object.keys(input) } });
    const { qualified } = await reevaluateLead(tx, lead.id, { now });
    return { version: input.version + 1, stage: qualified ? "MQL" : lead.stage };
  });
}

export async function assertCampaignExists(tx: Tx, campaignId: string) {
  const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { id: true } });
  if (!campaign) throw new DomainError("That campaign does not exist.", { campaignId: ["Choose a campaign from the list"] });
}

/** A person moves a lead along the funnel by hand, where the state machine allows them to. */
export async function moveLeadStage(actor: Actor, input: MoveStageInput, now = new Date()): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const lead = await loadLeadState(tx, input.leadId);
    if (!lead) throw new DomainError("That lead does not exist.", undefined, "not_found");
    if (lead.version !== input.version) throw new DomainError(LEAD_CHANGED, undefined, "conflict");
    const opportunity = input.to === "OPPORTUNITY";
    return changeStage(tx, {
      lead,
      to: input.to,
      via: "manual",
      actor,
      reason: input.reason,
      amount: input.amount,
      expectedCloseDate: input.expectedCloseDate,
      data: {
        // Accepting one's own lead makes one its owner; an opportunity records its deal.
        ...(input.to === "SAL" && { ownerId: lead.ownerId ?? actor.id }),
        ...(opportunity && { amount: input.amount, expectedCloseDate: input.expectedCloseDate }),
      },
      now,
    });
  });
}

/**
 * Marketing sends a nurtured lead back to sales, which happens only if it meets the active definition now: the
 * server, not the marketer, decides that it is an MQL again.
 */
export async function resubmitNurturedLead(actor: Actor, input: { leadId: string; version: number }, now = new Date()) {
  return db().$transaction(async (tx) => {
    const lead = await loadLeadState(tx, input.leadId);
    if (!lead) throw new DomainError("That lead does not exist.", undefined, "not_found");
    if (lead.version !== input.version) throw new DomainError(LEAD_CHANGED, undefined, "conflict");
    const definition = await findActiveDefinition(tx);
    const facts = await leadFacts(tx, lead.id);
    if (!definition || !facts) throw new DomainError("There is no active lead definition to qualify against.");
    const evaluation = evaluateLead(facts, definition.rules);
    if (!evaluation.qualifies) {
      throw new DomainError(`It does not meet lead definition v${definition.version}: ${evaluation.missing.join("; ")}.`);
    }
    const result = await changeStage(tx, {
      lead,
      to: "MQL",
      via: "qualification",
      actor,
      reason: `Re-submitted; met lead definition v${definition.version} with ${evaluation.score} points`,
      data: { score: evaluation.score, qualifiedVersion: definition.version },
      now,
    });
    const handover = await openHandover(tx, { leadId: lead.id, fromUserId: lead.ownerId, definition, now });
    if (!handover) throw new DomainError("There is no active sales rep to hand the lead to.");
    return result;
  });
}
