// A new lead arriving through the API or a web form, written in one statement instead of ten: the lead, its company,
// its first stage change, the funnel count, the source touch and the audit entry, as data-modifying CTEs that all
// happen or none does. And, for a lead that qualifies, its handover in one more statement, taken under the round
// robin's lock as late as possible so that the lock is held for one statement and the commit.
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
  | { kind: "created"; lead: ArrivedLead }
  /** The email belongs to a lead (or a concurrent request just made it): merge instead. Nothing was written. */
  | { kind: "exists" }
  /** The definition the score was computed with is no longer the active one. Nothing was written. */
  | { kind: "stale-definition" }
  | { kind: "unknown-campaign" };

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
 * Inserts the lead at INQUIRY with its score, when its email is new, its campaign exists and `definition` is still
 * the active one. The company is found by its normalised name (or made), and its facts become the lead's, as
 * findOrCreateCompany does. A company made by a concurrent request at the same moment makes the statement fail on the
 * lead's foreign key, with nothing written: the caller retries.
 */
export async function insertArrivingLead(
  tx: Tx,
  author: SystemAuthor,
  input: LeadInput & { companySize: number; industry: string; country: string },
  definition: LoadedDefinition | null,
  evaluation: Evaluation | null,
  now: Date,
): Promise<ArrivalOutcome> {
  const leadId = sortableId(now.getTime());
  const newCompanyId = sortableId(now.getTime());
  const changeId = sortableId(now.getTime());
  const touchId = sortableId(now.getTime());
  const auditId = sortableId(now.getTime());
  const campaignId = input.campaignId ?? null;
  const score = evaluation?.score ?? 0;
  const audit = { email: input.email, source: input.source, campaignId, ...systemActor(author) };
  const [row] = await tx.$queryRaw<{ definitionCurrent: boolean; campaignKnown: boolean; id: string | null; companyName: string | null; createdAt: Date | null; updatedAt: Date | null }[]>`
    WITH guard AS (
      SELECT (SELECT d.id || ':' || d.revision FROM "LeadDefinition" d WHERE d.status = 'ACTIVE' LIMIT 1) IS NOT DISTINCT FROM ${definitionToken(definition)}::text AS "definitionCurrent",
             (${campaignId}::text IS NULL OR EXISTS (SELECT 1 FROM "Campaign" c WHERE c.id = ${campaignId}::text)) AS "campaignKnown"
    ),
    lead AS (
      INSERT INTO "Lead" (id, name, email, title, "companyId", source, "campaignId", stage, score, "stageChangedAt", "createdAt", "updatedAt")
      SELECT ${leadId}, ${input.name}, ${input.email}, ${input.title ?? null}::text,
             COALESCE((SELECT c.id FROM "Company" c WHERE c."normalizedName" = ${normalizeCompanyName(input.company)}), ${newCompanyId}),
             ${input.source}::"LeadSource", ${campaignId}::text, 'INQUIRY', ${score}::int, ${at(now)}, ${at(now)}, ${at(now)}
      FROM guard WHERE "definitionCurrent" AND "campaignKnown"
      ON CONFLICT (email) DO NOTHING
      RETURNING id, "companyId", source, "campaignId", "createdAt", "updatedAt"
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
      SELECT ${changeId}, lead.id, NULL, 'INQUIRY', ${at(now)}, NULL, ${ARRIVAL_REASON[author.kind]}, NULL FROM lead
    ),
    counted AS (
      INSERT INTO "FunnelRollup" (day, stage, source, "campaignId", "repId", entered, advanced, amount, "cycleMs", cycles)
      SELECT ${at(now)}::date, 'INQUIRY', lead.source, COALESCE(lead."campaignId", ''), '', 1, 0, 0, 0, 0 FROM lead
      ON CONFLICT (day, stage, source, "campaignId", "repId") DO UPDATE SET entered = "FunnelRollup".entered + EXCLUDED.entered
    ),
    touched AS (
      INSERT INTO "SourceTouch" (id, "leadId", source, "campaignId", "apiKeyId", "webFormId", created, at)
      SELECT ${touchId}, lead.id, lead.source, lead."campaignId", ${author.kind === "api" ? author.apiKeyId : null}::text,
             ${author.kind === "webform" ? author.webFormId : null}::text, true, ${at(now)} FROM lead
    ),
    audited AS (
      INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", data)
      SELECT ${auditId}, NULL, 'lead.created', 'Lead', lead.id, ${JSON.stringify(audit)}::jsonb FROM lead
    )
    SELECT g."definitionCurrent", g."campaignKnown", lead.id, (SELECT name FROM company) AS "companyName", lead."createdAt", lead."updatedAt"
    FROM guard g LEFT JOIN lead ON true`;
  if (!row!.definitionCurrent) return { kind: "stale-definition" };
  if (!row!.campaignKnown) return { kind: "unknown-campaign" };
  if (!row!.id) return { kind: "exists" };
  return {
    kind: "created",
    lead: { id: row!.id, companyName: row!.companyName!, createdAt: row!.createdAt!, updatedAt: row!.updatedAt!, stage: "INQUIRY", score, qualifiedVersion: null },
  };
}

/**
 * Hands a lead just inserted by insertArrivingLead (in this transaction) to the next rep, as reevaluateLead and
 * openHandover do for a new lead that qualifies: the handover with its SLA, its audit entry and the rep's
 * notification; the move to MQL with its stage change, funnel counts (MQL entered, its INQUIRY entry advanced) and
 * audit entry. With no active rep it stays an inquiry and the wait is audited.
 *
 * The round robin is fair only if assignments are serialised: the transaction-scoped lock is taken here, after
 * everything else the request writes, and held for this statement and the commit. It is taken in its own statement so
 * that the next one reads every handover committed by the lock's previous holder.
 */
export async function handOverArrivingLead(
  tx: Tx,
  input: { lead: ArrivedLead; name: string; source: string; campaignId: string | null; definition: LoadedDefinition; evaluation: Evaluation; now: Date },
): Promise<ArrivedLead> {
  const { lead, definition, now } = input;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tandem:handover-assignment'))`;
  const [handoverId, openedId, notificationId, changeId, stagedId, waitingId] = Array.from({ length: 6 }, () => sortableId(now.getTime()));
  const reason = `Met lead definition v${definition.version} with ${input.evaluation.score} points`;
  const { sla } = definition.rules;
  const staged = { from: "INQUIRY", to: "MQL", via: "qualification", reason };
  const [row] = await tx.$queryRaw<{ toUserId: string | null; updatedAt: Date | null }[]>`
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
      SELECT ${openedId}, NULL, 'handover.opened', 'Handover', h.id,
             jsonb_build_object('leadId', ${lead.id}::text, 'toUserId', h."toUserId", 'definitionVersion', ${definition.version}::int) FROM handover h
    ),
    notified AS (
      INSERT INTO "Notification" (id, "userId", kind, "sourceId", link, summary, "createdAt")
      SELECT ${notificationId}, h."toUserId", 'HANDOVER_ASSIGNED', h.id, ${`/leads/${lead.id}`},
             ${`${input.name} (${lead.companyName}) was handed to you: accept or reject it within the SLA.`}, ${at(now)} FROM handover h
      ON CONFLICT ("userId", kind, "sourceId") DO NOTHING
    ),
    moved AS (
      UPDATE "Lead" SET stage = 'MQL', "stageChangedAt" = ${at(now)}, "qualifiedVersion" = ${definition.version}::int, version = version + 1, "updatedAt" = ${at(now)}
      WHERE id = ${lead.id} AND stage = 'INQUIRY' AND EXISTS (SELECT 1 FROM handover)
      RETURNING id, "updatedAt"
    ),
    change AS (
      INSERT INTO "StageChange" (id, "leadId", "fromStage", "toStage", at, "actorId", reason, "repId")
      SELECT ${changeId}, moved.id, 'INQUIRY', 'MQL', ${at(now)}, NULL, ${reason}, NULL FROM moved
    ),
    counted AS (
      INSERT INTO "FunnelRollup" (day, stage, source, "campaignId", "repId", entered, advanced, amount, "cycleMs", cycles)
      SELECT ${at(now)}::date, v.stage::"Stage", ${input.source}::"LeadSource", ${input.campaignId ?? ""}, '', v.entered, v.advanced, 0, 0, 0
      FROM moved, (VALUES ('MQL', 1, 0), ('INQUIRY', 0, 1)) AS v(stage, entered, advanced)
      ON CONFLICT (day, stage, source, "campaignId", "repId") DO UPDATE SET
        entered = "FunnelRollup".entered + EXCLUDED.entered, advanced = "FunnelRollup".advanced + EXCLUDED.advanced
    ),
    staged AS (
      INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", data)
      SELECT ${stagedId}, NULL, 'lead.stage_changed', 'Lead', moved.id, ${JSON.stringify(staged)}::jsonb FROM moved
    ),
    waiting AS (
      INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", data)
      SELECT ${waitingId}, NULL, 'lead.qualification_waiting_for_rep', 'Lead', ${lead.id}, '{}'::jsonb WHERE NOT EXISTS (SELECT 1 FROM pick)
    )
    SELECT (SELECT "toUserId" FROM handover) AS "toUserId", (SELECT "updatedAt" FROM moved) AS "updatedAt"`;
  if (!row?.toUserId || !row.updatedAt) return lead;
  return { ...lead, stage: "MQL", qualifiedVersion: definition.version, updatedAt: row.updatedAt };
}
