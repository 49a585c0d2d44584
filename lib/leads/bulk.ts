// Many leads at once (the intake API's batch, a CSV import's batch), through the lead service's own rules: the same
// rows, scores, stage changes, handovers, notifications, rollup counts, source touches and audit entries as
// createOrMergeLead one lead at a time (proven by tests/integration/intake-bulk.test.ts, for an API key and for a
// person importing), written with a dozen set-based statements instead of about twenty per lead. Leads whose email
// exists, or repeats within the batch, are merged afterwards: together where they fill nothing, else one by one
// (mergeMany in merge.ts).
import { randomUUID } from "node:crypto";
import { Prisma, type Tx } from "../db/client";
import { queryRows } from "../db/driver";
import { findActiveDefinition, type LoadedDefinition } from "../agreement/active";
import { evaluateLead, type Evaluation } from "../agreement/rules";
import { dueAt, pickNextRep, type RepLoad } from "../handovers/rules";
import { countBatchArrivals, deferBatchLeadCounts } from "../metrics/rollup";
import { normalizeCompanyName, tidyCompanyName } from "./rules";
import type { LeadInput } from "./schemas";
import { arrivalReason, createOrMergeLead, systemActorData, type LeadAuthor, type LeadWrite } from "./service";
import { auditPart, insertMany, insertManyTogether, prepareTogether, runPrepared, sortableId, type InsertPart } from "./bulk-insert";
import { NoRepLeftError } from "./arrival";
import { mergeMany } from "./merge";

interface Facts {
  size: number | null;
  industry: string | null;
  country: string | null;
}
interface NewLead {
  index: number;
  input: LeadInput;
  id: string;
  evaluation: Evaluation | null;
  /** The company's name as stored (an existing company keeps its spelling). */
  companyName: string;
  /** Qualified and written at MQL, to be handed over. */
  moved: boolean;
}

/** What the one-at-a-time path derives from the author: who owns and made the lead, who acted, and the rep it counts for. */
function authorship(author: LeadAuthor) {
  const userId = author.kind === "user" ? author.id : null;
  const salesOwned = author.kind === "user" && (author.role === "SALES_REP" || author.role === "SALES_MANAGER");
  return { userId, repId: author.kind === "user" && author.role === "SALES_REP" ? author.id : null, salesOwned };
}

/** Options of createOrMergeLeads. */
export interface BulkWriteOptions {
  /**
   * This batch is written beside the one before it, which is still uncommitted (a CSV import's next batch,
   * lib/imports/job.ts): the emails and the companies (normalised names) that batch writes, and `claim`, which
   * resolves once it has committed. New leads at other companies are written at once; rows with those emails (merges
   * into its leads) and new leads at its companies (scored with the facts it leaves them) only after the claim, as are
   * the shared counts, handovers and merges. Until then this batch locks and writes only rows of its own.
   */
  after?: { emails: ReadonlySet<string>; companies: ReadonlySet<string>; claim: () => Promise<void> };
}

export async function createOrMergeLeads(tx: Tx, author: LeadAuthor, inputs: readonly LeadInput[], now: Date, options: BulkWriteOptions = {}): Promise<LeadWrite[]> {
  const { userId } = authorship(author);
  const after = options.after;
  const results: LeadWrite[] = new Array(inputs.length);
  const existing = await queryRows<{ email: string }>(
    tx,
    Prisma.sql`SELECT email FROM "Lead" WHERE email = ANY(${[...new Set(inputs.map((input) => input.email))].filter((email) => !after?.emails.has(email))}::text[]) ORDER BY email FOR UPDATE`,
  );
  // An email the batch before writes is a lead by the time this batch merges (after its commit).
  const taken = new Set([...existing.map((row) => row.email), ...(after?.emails ?? [])]);
  const fresh: number[] = [];
  const later: number[] = [];
  inputs.forEach((input, index) => {
    if (taken.has(input.email)) {
      later.push(index);
    } else {
      taken.add(input.email);
      fresh.push(index);
    }
  });

  if (fresh.length > 0) {
    const definition = await findActiveDefinition(tx);
    const mayHandOver = !!definition && !authorship(author).salesOwned;
    let repsActive: Promise<boolean> | undefined;
    const batch: NewBatch = {
      tx,
      author,
      inputs,
      now,
      definition,
      later,
      // Asked once, when a lead first qualifies.
      repsActive: () => (repsActive ??= tx.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "User" WHERE role = 'SALES_REP' AND active) AS any`.then((rows) => rows[0]!.any)),
      mayHandOver,
    };
    await deferBatchLeadCounts(tx);
    const waits = (index: number) => !!after?.companies.has(normalizeCompanyName(inputs[index]!.company));
    const first = await writeNewLeads(batch, fresh.filter((index) => !waits(index)));
    await after?.claim();
    const written = [...first, ...(await writeNewLeads(batch, fresh.filter(waits)))].sort((a, b) => a.index - b.index);
    // The shared count rows last but the handovers: concurrent batches wait for each other only from here to commit.
    await countArrivals(tx, author, written, now);
    const moved = written.filter((lead) => lead.moved);
    if (moved.length > 0) await handOver(tx, definition!, moved, userId, now);
    for (const lead of written) {
      const stage = lead.moved ? "MQL" : "INQUIRY";
      // What was written, so that a caller can answer without reading the lead back.
      const arrived = { id: lead.id, companyName: lead.companyName, createdAt: now, updatedAt: now, stage, score: lead.evaluation?.score ?? 0, qualifiedVersion: lead.moved ? definition!.version : null } as const;
      results[lead.index] = { id: lead.id, stage, outcome: "created", filled: [], arrived };
    }
  } else {
    await after?.claim();
  }
  const merges = later.sort((a, b) => a - b).map((index) => ({ index, input: inputs[index]! }));
  for (const [index, result] of await mergeMany(tx, author, merges, now, (input) => createOrMergeLead(tx, author, input, now))) results[index] = result;
  return results;
}

/** What writing a batch's new leads needs, group after group (createOrMergeLeads). */
interface NewBatch {
  tx: Tx;
  author: LeadAuthor;
  inputs: readonly LeadInput[];
  now: Date;
  definition: LoadedDefinition | null;
  /** Indexes to merge afterwards: a lead a concurrent request created first lands here. */
  later: number[];
  repsActive: () => Promise<boolean>;
  mayHandOver: boolean;
}

/**
 * The new leads at these indexes (in batch order) with their companies, stage changes, source touches and audit
 * entries; not their counts and handovers. Returns those written.
 */
async function writeNewLeads(batch: NewBatch, indexes: readonly number[]): Promise<NewLead[]> {
  if (indexes.length === 0) return [];
  const { tx, author, definition, now } = batch;
  const { userId } = authorship(author);
  const inputs = indexes.map((index) => batch.inputs[index]!);
  const { ids: companyIds, names: companyNames, factsAt } = await upsertCompanies(tx, inputs, now);
  const evaluations = inputs.map((input, position) =>
    definition
      ? evaluateLead(
          { title: input.title ?? null, companySize: factsAt[position]!.size, industry: factsAt[position]!.industry, country: factsAt[position]!.country, source: input.source, hasCampaign: !!input.campaignId, touches: 0 },
          definition.rules,
        )
      : null,
  );
  // A lead that qualifies is written at MQL at once (as reevaluateLead leaves it once handed over), when a rep is
  // active to take it; a lead a rep logs is already with sales: scored, never handed over.
  const handsOver = batch.mayHandOver && evaluations.some((evaluation) => evaluation?.qualifies);
  const repsActive = handsOver && (await batch.repsActive());
  const moves = (position: number) => repsActive && !!evaluations[position]?.qualifies;
  const leadIds = inputs.map(() => sortableId());
  const leadInsert = insertMany(
    tx,
    {
      table: "Lead",
      columns: {
        id: "text", name: "text", email: "text", title: "text", companyId: "text", source: "enum:LeadSource", campaignId: "text", stage: "enum:Stage", stageChangedAt: "timestamp",
        score: "int", qualifiedVersion: "int", version: "int", ownerId: "text", createdById: "text", createdAt: "timestamp", updatedAt: "timestamp",
      },
      shared: { stageChangedAt: now, ownerId: userId, createdById: userId, createdAt: now, updatedAt: now },
      rows: inputs.map((input, position) => ({
        id: leadIds[position],
        name: input.name,
        email: input.email,
        title: input.title ?? null,
        companyId: companyIds.get(normalizeCompanyName(input.company))!,
        source: input.source,
        campaignId: input.campaignId ?? null,
        stage: moves(position) ? "MQL" : "INQUIRY",
        score: evaluations[position]?.score ?? 0,
        qualifiedVersion: moves(position) ? definition!.version : null,
        version: moves(position) ? 2 : 1,
      })),
      // A concurrent request created some of these emails after our check: those are merged below instead.
      onConflict: "ON CONFLICT (email) DO NOTHING",
    },
    { returning: "id" },
  );
  // Awaited below; observed now so that its failure is never unhandled should building the arrivals throw first.
  leadInsert.catch(() => undefined);
  // While PostgreSQL writes the leads, their arrivals are built as if every one was written, as is usual: only a
  // lead that a concurrent request created first is missing, and then they are built again without it.
  const everyone: NewLead[] = indexes.map((index, position) => ({
    index,
    input: inputs[position]!,
    id: leadIds[position]!,
    evaluation: evaluations[position]!,
    companyName: companyNames.get(normalizeCompanyName(inputs[position]!.company))!,
    moved: moves(position),
  }));
  let arrivals = prepareTogether(arrivalParts(author, everyone, definition, now));
  const createdIds = new Set((await leadInsert).map((row) => row.id as string));
  const written = everyone.filter((lead) => createdIds.has(lead.id));
  if (written.length < everyone.length) {
    for (const lead of everyone) if (!createdIds.has(lead.id)) batch.later.push(lead.index);
    arrivals = prepareTogether(arrivalParts(author, written, definition, now));
  }
  await runPrepared(tx, arrivals);
  if (handsOver && !repsActive) {
    await insertManyTogether(tx, [
      auditPart({ action: "lead.qualification_waiting_for_rep", entityType: "Lead" }, written.filter((lead) => lead.evaluation?.qualifies).map((lead) => ({ entityId: lead.id }))),
    ]);
  }
  return written;
}

/**
 * Companies as the one-at-a-time path leaves them: each lead's given facts overwrite, in batch order, and each lead
 * is scored with its company's facts as they stood when it arrived. Existing companies are locked while read.
 */
async function upsertCompanies(tx: Tx, inputs: readonly LeadInput[], now: Date): Promise<{ ids: Map<string, string>; names: Map<string, string>; factsAt: Facts[] }> {
  // In one order for every batch, so that two batches sharing companies lock them in the same order (no deadlock).
  const names = [...new Set(inputs.map((input) => normalizeCompanyName(input.company)))].sort();
  const known = await queryRows<Facts & { normalizedName: string }>(
    tx,
    Prisma.sql`SELECT "normalizedName", size, industry, country FROM "Company" WHERE "normalizedName" = ANY(${names}::text[]) ORDER BY "normalizedName" FOR UPDATE`,
  );
  const state = new Map<string, Facts>(known.map(({ normalizedName, ...facts }) => [normalizedName, facts]));
  const display = new Map<string, string>();
  const factsAt = inputs.map((input) => {
    const key = normalizeCompanyName(input.company);
    if (!display.has(key)) display.set(key, tidyCompanyName(input.company));
    const current = state.get(key) ?? { size: null, industry: null, country: null };
    const next = { size: input.companySize ?? current.size, industry: input.industry ?? current.industry, country: input.country ?? current.country };
    state.set(key, next);
    return next;
  });
  const rows = names.map((name) => ({ name, ...state.get(name)! }));
  const upserted = (await insertMany(
    tx,
    {
      table: "Company",
      columns: { id: "text", name: "text", normalizedName: "text", size: "int", industry: "text", country: "text", createdAt: "timestamp", updatedAt: "timestamp" },
      shared: { createdAt: now, updatedAt: now },
      rows: rows.map((row) => ({ id: randomUUID(), name: display.get(row.name)!, normalizedName: row.name, size: row.size, industry: row.industry, country: row.country })),
      onConflict: `ON CONFLICT ("normalizedName") DO UPDATE SET
        size = COALESCE(EXCLUDED.size, "Company".size), industry = COALESCE(EXCLUDED.industry, "Company".industry),
        country = COALESCE(EXCLUDED.country, "Company".country), "updatedAt" = EXCLUDED."updatedAt"`,
    },
    { returning: `id, name, "normalizedName"` },
  )) as { id: string; name: string; normalizedName: string }[];
  return { ids: new Map(upserted.map((row) => [row.normalizedName, row.id])), names: new Map(upserted.map((row) => [row.normalizedName, row.name])), factsAt };
}

/** Each new lead's stage changes (INQUIRY, then MQL for one written at MQL), source touch and audit entry. */
function arrivalParts(author: LeadAuthor, leads: readonly NewLead[], definition: LoadedDefinition | null, now: Date): InsertPart[] {
  const at = now;
  const { userId, repId } = authorship(author);
  const reason = arrivalReason(author);
  const moved = leads.filter((lead) => lead.moved);
  return [
    {
      table: "StageChange",
      columns: CHANGE_COLUMNS,
      shared: { at },
      // In one insert, INQUIRY changes first: a lead's two changes at the same instant keep their order.
      rows: [
        ...leads.map((lead) => ({ id: sortableId(), leadId: lead.id, fromStage: null, toStage: "INQUIRY", actorId: userId, reason, repId })),
        ...moved.map((lead) => ({ id: sortableId(), leadId: lead.id, fromStage: "INQUIRY", toStage: "MQL", actorId: null, reason: qualifiedReason(definition!, lead), repId: null })),
      ],
    },
    // Only an API arrival records its source touch on creation (a lead typed or imported by a person has its source).
    {
      table: "SourceTouch",
      columns: { id: "text", leadId: "text", source: "enum:LeadSource", campaignId: "text", apiKeyId: "text", created: "bool", at: "timestamp" },
      shared: { created: true, at, apiKeyId: author.kind === "api" ? author.apiKeyId : null },
      rows: author.kind === "api" ? leads.map((lead) => ({ id: sortableId(), leadId: lead.id, source: lead.input.source, campaignId: lead.input.campaignId ?? null })) : [],
    },
    auditPart(
      { actorId: userId, action: "lead.created", entityType: "Lead" },
      leads.map((lead) => ({
        entityId: lead.id,
        data: { email: lead.input.email, source: lead.input.source, campaignId: lead.input.campaignId ?? null, ...systemActorData(author) },
      })),
    ),
  ];
}

/**
 * Each new lead in the lead counts (its stage and source) and the funnel counts: its INQUIRY entry, counted as advanced
 * when it moved on, and its MQL entry.
 */
async function countArrivals(tx: Tx, author: LeadAuthor, leads: readonly NewLead[], now: Date) {
  const { repId } = authorship(author);
  const moved = leads.filter((lead) => lead.moved);
  await countBatchArrivals(
    tx,
    leads.map((lead) => ({ stage: lead.moved ? "MQL" : "INQUIRY", source: lead.input.source })),
    [
      ...leads.map((lead) => ({ day: now, stage: "INQUIRY" as const, source: lead.input.source, campaignId: lead.input.campaignId ?? null, repId, entered: 1, advanced: 0 })),
      ...moved.map((lead) => ({ day: now, stage: "MQL" as const, source: lead.input.source, campaignId: lead.input.campaignId ?? null, repId: null, entered: 1, advanced: 0 })),
      ...moved.map((lead) => ({ day: now, stage: "INQUIRY" as const, source: lead.input.source, campaignId: lead.input.campaignId ?? null, repId: null, entered: 0, advanced: 1 })),
    ],
  );
}

const qualifiedReason = (definition: LoadedDefinition, lead: NewLead) => `Met lead definition v${definition.version} with ${lead.evaluation!.score} points`;

const CHANGE_COLUMNS = { id: "text", leadId: "text", fromStage: "enum:Stage", toStage: "enum:Stage", at: "timestamp", actorId: "text", reason: "text", repId: "text" } as const;

/**
 * Hands the leads written at MQL to reps, each to the next by the same fair round robin (under the same lock) as one
 * at a time. The lock is taken after everything else the batch writes, so it is held for this and the commit.
 * Throws NoRepLeftError if every rep was deactivated since the batch saw one (the transaction must be tried again).
 */
async function handOver(tx: Tx, definition: LoadedDefinition, candidates: readonly NewLead[], ownerId: string | null, now: Date): Promise<void> {
  if (candidates.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tandem:handover-assignment'))`;
  const reps = await tx.$queryRaw<RepLoad[]>`
    SELECT u.id, u."createdAt" AS "joinedAt",
           (SELECT h.turn FROM "Handover" h WHERE h."toUserId" = u.id ORDER BY h.turn DESC LIMIT 1) AS "lastAssignedAt"
    FROM "User" u WHERE u.role = 'SALES_REP' AND u.active`;
  if (reps.length === 0) throw new NoRepLeftError();
  // Turns only need to order: each pick becomes the newest turn, as the handover it opens will be.
  let newest = Math.max(0, ...reps.map((rep) => Number(rep.lastAssignedAt ?? 0)));
  const assignments = candidates.map((lead) => {
    const repId = pickNextRep(reps)!;
    reps.find((rep) => rep.id === repId)!.lastAssignedAt = ++newest;
    return { lead, repId };
  });
  const { sla } = definition.rules;
  // The handovers with their audit entries and notifications, in one statement (the ids are made here).
  const handovers = assignments.map(({ lead, repId }) => ({ id: sortableId(), leadId: lead.id, toUserId: repId }));
  // Each rep hears of each lead handed to them, as openHandover tells them one at a time.
  const byId = new Map(candidates.map((lead) => [lead.id, lead]));
  await insertManyTogether(tx, [
    {
      table: "Handover",
      columns: { id: "text", leadId: "text", fromUserId: "text", toUserId: "text", definitionVersion: "int", createdAt: "timestamp", dueAt: "timestamp", firstTouchHours: "int" },
      shared: { fromUserId: ownerId, definitionVersion: definition.version, createdAt: now, dueAt: dueAt(now, sla.acceptHours), firstTouchHours: sla.firstTouchHours },
      rows: handovers,
    },
    auditPart(
      { action: "handover.opened", entityType: "Handover" },
      handovers.map((handover) => ({ entityId: handover.id, data: { leadId: handover.leadId, toUserId: handover.toUserId, definitionVersion: definition.version } })),
    ),
    auditPart(
      { action: "lead.stage_changed", entityType: "Lead" },
      candidates.map((lead) => ({ entityId: lead.id, data: { from: "INQUIRY", to: "MQL", via: "qualification", reason: qualifiedReason(definition, lead) } })),
    ),
    {
      table: "Notification",
      columns: { id: "text", userId: "text", kind: "enum:NotificationKind", sourceId: "text", link: "text", summary: "text", createdAt: "timestamp" },
      shared: { kind: "HANDOVER_ASSIGNED", createdAt: now },
      rows: handovers.map((handover) => {
        const lead = byId.get(handover.leadId)!;
        return {
          id: sortableId(),
          userId: handover.toUserId,
          sourceId: handover.id,
          link: `/leads/${handover.leadId}`,
          summary: `${lead.input.name} (${lead.companyName}) was handed to you: accept or reject it within the SLA.`,
        };
      }),
      onConflict: `ON CONFLICT ("userId", kind, "sourceId") DO NOTHING`,
    },
  ]);
}
