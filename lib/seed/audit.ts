// The demo's audit log: what the app would have recorded for the last 30 days of the seeded history (stage changes,
// handover answers) and for every signature, so that the admin's audit log browser has something true to show.
// Written with one INSERT … SELECT per kind from the rows just seeded: deterministic (ids follow the source rows) and
// fast. The seed's own "demo_data.seeded" entry is written by demo-data.ts.
import type { Prisma } from "../db/generated/client";

const RECENT_DAYS = 30;

export async function seedAuditHistory(tx: Pick<Prisma.TransactionClient, "$executeRaw">, now: Date): Promise<number> {
  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000);
  const signatures = await tx.$executeRaw`
    INSERT INTO "AuditEvent" (id, at, "actorId", action, "entityType", "entityId", data)
    SELECT 'seed_audit_sig_' || s.id, s."signedAt", s."userId", 'definition.signed', 'LeadDefinition', s."definitionId",
           jsonb_build_object('side', s.side)
    FROM "DefinitionSignature" s`;
  const stageChanges = await tx.$executeRaw`
    INSERT INTO "AuditEvent" (id, at, "actorId", action, "entityType", "entityId", data)
    SELECT 'seed_audit_sc_' || c.id, c.at, c."actorId", 'lead.stage_changed', 'Lead', c."leadId",
           jsonb_build_object('from', c."fromStage", 'to', c."toStage", 'reason', c.reason)
    FROM "StageChange" c
    WHERE c.at >= ${since} AND c.at <= ${now} AND c."fromStage" IS NOT NULL`;
  const answers = await tx.$executeRaw`
    INSERT INTO "AuditEvent" (id, at, "actorId", action, "entityType", "entityId", data)
    SELECT 'seed_audit_ho_' || h.id, h."respondedAt", h."toUserId",
           CASE WHEN h.status = 'ACCEPTED' THEN 'handover.accepted' ELSE 'handover.rejected' END, 'Handover', h.id,
           CASE WHEN h.status = 'ACCEPTED' THEN jsonb_build_object('leadId', h."leadId")
                ELSE jsonb_build_object('leadId', h."leadId", 'reason', h."reasonCode") END
    FROM "Handover" h
    WHERE h."respondedAt" >= ${since} AND h."respondedAt" <= ${now} AND h.status IN ('ACCEPTED', 'REJECTED', 'DISPUTED')`;
  return signatures + stageChanges + answers;
}
