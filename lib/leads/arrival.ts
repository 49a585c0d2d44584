// A new lead arriving through the API or a web form, written in one statement instead of ten: the lead, its company,
// its stage history (INQUIRY, and MQL when it qualifies and a rep is active), the funnel counts, the source touch and
// the audit entries, as data-modifying CTEs that all happen or none does. For a lead that qualifies, its handover
// takes one more statement, under the round robin's lock, taken after everything else the request writes: the lock
// is held for that one statement (choose the rep, open the handover, audit, notify) and the commit.
//
// Part of the lead service (service.ts decides when this path applies and falls back to the general one otherwise);
// the rows written are exactly those of the general path, which tests/integration/intake-arrival.test.ts checks.
import { Prisma, type Tx } from "../db/client";
import type { LoadedDefinition } from "../agreement/active";
import type { Evaluation } from "../agreement/rules";
import { dueAt } from "../handovers/rules";
import { sortableId } from "./bulk-insert";
import { normalizeCompanyName, tidyCompanyName } from "./rules";
import type { LeadInput } from "./schemas";

export type SystemAuthor = { kind: "api"; apiKeyId: string; actor: string } | { kind: "webform"; webFormId: string; actor: string };

/** What the caller needs to answer without reading the lead back. */
export interface ArrivedLead {
  id: string;
  companyName: string;
  createdAt: Date;
  updatedAt: Date;
  stage: "INQUIRY" | "MQL";
  score: number;
  qualifiedVersion: number | null;
}

export type ArrivalOutcome =
  /** At MQL: handOverArrivingLead must open its handover (with this audit entry id) in the same transaction. */
  | { kind: "created"; lead: ArrivedLead; handoverAuditId: string }
  /** The email belongs to a lead (or a concurrent request just made it): merge instead. Nothing was written. */
  | { kind: "exists" }
  /** The definition the score was computed with is no longer the active one. Nothing was written. */
  | { kind: "stale-definition" }
  | { kind: "unknown-campaign" };

/**
 * Every active rep was deactivated between the lead's statement (which saw one and moved the lead to MQL) and its
 * handover: the transaction must roll back and be tried again (it will leave the lead waiting as an inquiry).
 */
export class NoRepLeftError extends Error {
  constructor() {
    super("No active rep was left to hand the lead to; try the transaction again.");
  }
}

/** This path needs the company's facts to be known before writing (to score without reading the company back). */
export function arrivesWithAllFacts(input: LeadInput): input is LeadInput & { companySize: number; industry: string; country: string } {
  return input.companySize !== undefined && input.industry !== undefined && input.country !== undefined;
}

/** The definition's identity as the arrival statement checks it: its id and revision while it is the active one. */
export function definitionToken(definition: LoadedDefinition | null): string | null {
  return definition ? `${definition.id}:${definition.revision}` : null;
}

const ARRIVAL_REASON = { api: "Arrived through the API", webform: "Arrived through a web form" } as const;

function systemActor(author: SystemAuthor): Record<string, string> {
  return author.kind === "api" ? { actor: author.actor, apiKeyId: author.apiKeyId } : { actor: author.actor, webFormId: author.webFormId };
}

const at = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * Inserts the lead with its score, when its email is new, its campaign exists and `definition` is still the active
 * one. The company is found by its normalised name (or made), and its facts become the lead's, as
 * findOrCreateCompany does. A company made by a concurrent request at the same moment makes the statement fail on the
 * lead's foreign key, with nothing written: the caller retries.
 *
 * When the evaluation qualifies it, the lead is written as reevaluateLead leaves it once handed over: at MQL (version 2,
 * the definition's version), with both stage changes, the MQL count and its INQUIRY entry counted as advanced, and
 * the stage-change audit entry, provided an active rep exists; handOverArrivingLead must then open the handover in
 * the same transaction. With no active rep it stays an inquiry and the wait is audited, as reevaluateLead does.
 */
export async function insertArrivingLead(
  tx: Tx,
  author: SystemAuthor,
  input: LeadInput & { companySize: number; industry: string; country: string },
  definition: LoadedDefinition | null,
  evaluation: Evaluation | null,
  now: Date,
): Promise<ArrivalOutcome> {
  // In the order the general path makes them, so that rows made at the same instant sort as they do there.
  const id = () => sortableId(now.getTime());
  const [leadId, newCompanyId, changeId, touchId, auditId, openedId, mqlChangeId, stagedId, waitingId] = [id(), id(), id(), id(), id(), id(), id(), id(), id()] as const;
  const campaignId = input.campaignId ?? null;
  const score = evaluation?.score ?? 0;
  const qualifies = !!definition && !!evaluation?.qualifies;
  const audit = { email: input.email, source: input.source, campaignId, ...systemActor(author) };
  const reason = definition && `Met lead definition v${definition.version} with ${score} points`;
  const staged = { from: "INQUIRY", to: "MQL", via: "qualification", reason };
  const [row] = await tx.$queryRaw<
    { definitionCurrent: boolean; campaignKnown: boolean; id: string | null; stage: "INQUIRY" | "MQL" | null; qualifiedVersion: number | null; companyName: string | null; createdAt: Date | null; updatedAt: Date | null }[]
  >`
    WITH counts AS (
      -- The lead's count rows, locked first: every path that adds leads locks them before the funnel's rows, so two
      -- arrivals never hold each other's next lock (rows for every stage and source exist: lead_count_rows).
      SELECT stage FROM "LeadCount" WHERE source = ${input.source}::"LeadSource"
        AND (stage = 'INQUIRY' OR (${qualifies}::boolean AND stage = 'MQL')) ORDER BY stage FOR UPDATE
    ),
    guard AS (
      SELECT (SELECT count(*) FROM counts) >= 0 AS "countsLocked",
             (SELECT d.id || ':' || d.revision FROM "LeadDefinition" d WHERE d.status = 'ACTIVE' LIMIT 1) IS NOT DISTINCT FROM ${definitionToken(definition)}::text AS "definitionCurrent",
             (${campaignId}::text IS NULL OR EXISTS (SELECT 1 FROM "Campaign" c WHERE c.id = ${campaignId}::text)) AS "campaignKnown",
             (${qualifies}::boolean AND EXISTS (SELECT 1 FROM "User" u WHERE u.role = 'SALES_REP' AND u.active)) AS moves
    ),
    lead AS (
      INSERT INTO "Lead" (id, name, email, title, "companyId", source, "campaignId", stage, score, "qualifiedVersion", version, "stageChangedAt", "createdAt", "updatedAt")
      SELECT ${leadId}, ${input.name}, ${input.email}, ${input.title ?? null}::text,
             COALESCE((SELECT c.id FROM "Company" c WHERE c."normalizedName" = ${normalizeCompanyName(input.company)}), ${newCompanyId}),
             ${input.source}::"LeadSource", ${campaignId}::text, CASE WHEN moves THEN 'MQL' ELSE 'INQUIRY' END::"Stage", ${score}::int,
             CASE WHEN moves THEN ${definition?.version ?? null}::int END, CASE WHEN moves THEN 2 ELSE 1 END, ${at(now)}, ${at(now)}, ${at(now)}
      FROM guard WHERE "countsLocked" AND "definitionCurrent" AND "campaignKnown"
      ON CONFLICT (email) DO NOTHING
      RETURNING id, "companyId", source, "campaignId", stage, "qualifiedVersion", "createdAt", "updatedAt"
    ),
    company AS (
      INSERT INTO "Company" (id, name, "normalizedName", size, industry, country, "createdAt", "updatedAt")
      SELECT lead."companyId", ${tidyCompanyName(input.company)}, ${normalizeCompanyName(input.company)}, ${input.companySize}::int, ${input.industry}::text, ${input.country}::text, ${at(now)}, ${at(now)}
      FROM lead
      ON CONFLICT ("normalizedName") DO UPDATE SET size = EXCLUDED.size, industry = EXCLUDED.industry, country = EXCLUDED.country, "updatedAt" = EXCLUDED."updatedAt"
      RETURNING name
    ),
    change AS (
      INSERT INTO "StageChange" (id, "leadId", "fromStage", "toStage", at, "actorId", reason, "repId")
      SELECT ${changeId}, lead.id, NULL::"Stage", 'INQUIRY'::"Stage", ${at(now)}, NULL, ${ARRIVAL_REASON[author.kind]}, NULL FROM lead
      UNION ALL
      SELECT ${mqlChangeId}, lead.id, 'INQUIRY'::"Stage", 'MQL'::"Stage", ${at(now)}, NULL, ${reason}::text, NULL FROM lead WHERE lead.stage = 'MQL'
    ),
    counted AS (
      -- The INQUIRY entry, advanced when the lead moved on to MQL at once; and the MQL entry.
      INSERT INTO "FunnelRollup" (day, stage, source, "campaignId", "repId", entered, advanced, amount, "cycleMs", cycles)
      SELECT ${at(now)}::date, 'INQUIRY'::"Stage", lead.source, COALESCE(lead."campaignId", ''), '', 1, CASE WHEN lead.stage = 'MQL' THEN 1 ELSE 0 END, 0, 0, 0 FROM lead
      UNION ALL
      SELECT ${at(now)}::date, 'MQL'::"Stage", lead.source, COALESCE(lead."campaignId", ''), '', 1, 0, 0, 0, 0 FROM lead WHERE lead.stage = 'MQL'
      ON CONFLICT (day, stage, source, "campaignId", "repId") DO UPDATE SET
        entered = "FunnelRollup".entered + EXCLUDED.entered, advanced = "FunnelRollup".advanced + EXCLUDED.advanced
    ),
    touched AS (
      INSERT INTO "SourceTouch" (id, "leadId", source, "campaignId", "apiKeyId", "webFormId", created, at)
      SELECT ${touchId}, lead.id, lead.source, lead."campaignId", ${author.kind === "api" ? author.apiKeyId : null}::text,
             ${author.kind === "webform" ? author.webFormId : null}::text, true, ${at(now)} FROM lead
    ),
    audited AS (
      INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", data)
      SELECT ${auditId}, NULL, 'lead.created', 'Lead', lead.id, ${JSON.stringify(audit)}::jsonb FROM lead
      UNION ALL
      SELECT ${stagedId}, NULL, 'lead.stage_changed', 'Lead', lead.id, ${JSON.stringify(staged)}::jsonb FROM lead WHERE lead.stage = 'MQL'
      UNION ALL
      SELECT ${waitingId}, NULL, 'lead.qualification_waiting_for_rep', 'Lead', lead.id, '{}'::jsonb FROM lead WHERE ${qualifies}::boolean AND lead.stage = 'INQUIRY'
    )
    SELECT g."definitionCurrent", g."campaignKnown", lead.id, lead.stage::text AS stage, lead."qualifiedVersion", (SELECT name FROM company) AS "companyName",
           lead."createdAt", lead."updatedAt"
    FROM guard g LEFT JOIN lead ON true`;
  if (!row!.definitionCurrent) return { kind: "stale-definition" };
  if (!row!.campaignKnown) return { kind: "unknown-campaign" };
  if (!row!.id) return { kind: "exists" };
  return {
    kind: "created",
    lead: { id: row!.id, companyName: row!.companyName!, createdAt: row!.createdAt!, updatedAt: row!.updatedAt!, stage: row!.stage!, score, qualifiedVersion: row!.qualifiedVersion },
    handoverAuditId: openedId,
  };
}

/**
 * Opens the handover of a lead that insertArrivingLead wrote at MQL in this transaction, as openHandover does: the
 * next rep by the round robin (pickNextRep's order), the handover with its SLA, its audit entry and the rep's
 * notification. Throws NoRepLeftError when no rep is active any more (the transaction must be rolled back).
 *
 * The round robin is fair only if assignments are serialised: the transaction-scoped lock is taken here, after
 * everything else the request writes, and held for this one statement and the commit. It is taken in its own
 * statement so that the next one reads every handover committed by the lock's previous holder.
 */
export async function handOverArrivingLead(
  tx: Tx,
  input: { lead: ArrivedLead; name: string; definition: LoadedDefinition; auditId: string; now: Date },
): Promise<void> {
  const { lead, definition, now } = input;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tandem:handover-assignment'))`;
  const [handoverId, notificationId] = [sortableId(now.getTime()), sortableId(now.getTime())];
  const { sla } = definition.rules;
  const [row] = await tx.$queryRaw<{ toUserId: string | null }[]>`
    WITH pick AS (
      -- pickNextRep: the active rep who has waited longest since their last turn (never: first), then the earlier joiner, then the id.
      SELECT u.id FROM "User" u WHERE u.role = 'SALES_REP' AND u.active
      ORDER BY (SELECT h.turn FROM "Handover" h WHERE h."toUserId" = u.id ORDER BY h.turn DESC LIMIT 1) ASC NULLS FIRST, u."createdAt", u.id COLLATE "C"
      LIMIT 1
    ),
    handover AS (
      INSERT INTO "Handover" (id, "leadId", "fromUserId", "toUserId", "definitionVersion", "createdAt", "dueAt", "firstTouchHours")
      SELECT ${handoverId}, ${lead.id}, NULL, pick.id, ${definition.version}::int, ${at(now)}, ${at(dueAt(now, sla.acceptHours))}, ${sla.firstTouchHours}::int FROM pick
      RETURNING id, "toUserId"
    ),
    opened AS (
      INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", data)
      SELECT ${input.auditId}, NULL, 'handover.opened', 'Handover', h.id,
             jsonb_build_object('leadId', ${lead.id}::text, 'toUserId', h."toUserId", 'definitionVersion', ${definition.version}::int) FROM handover h
    ),
    notified AS (
      INSERT INTO "Notification" (id, "userId", kind, "sourceId", link, summary, "createdAt")
      SELECT ${notificationId}, h."toUserId", 'HANDOVER_ASSIGNED', h.id, ${`/leads/${lead.id}`},
             ${`${input.name} (${lead.companyName}) was handed to you: accept or reject it within the SLA.`}, ${at(now)} FROM handover h
      ON CONFLICT ("userId", kind, "sourceId") DO NOTHING
    )
    SELECT (SELECT "toUserId" FROM handover) AS "toUserId"`;
  if (!row?.toUserId) throw new NoRepLeftError();
}
