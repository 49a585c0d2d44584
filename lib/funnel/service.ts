// The one way a lead changes stage: checked against the state machine, written with its StageChange and audit entry
// in the caller's transaction, and guarded by the lead's version so that a concurrent change is never overwritten.
import type { Prisma, Tx } from "../db/client";
import type { Role, Stage } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { recordFunnelEntry } from "../metrics/rollup";
import { checkTransition, type Via } from "./rules";

export interface LeadState {
  id: string;
  stage: Stage;
  version: number;
  ownerId: string | null;
  ownerRole: Role | null;
}

export interface StageMove {
  lead: LeadState;
  to: Stage;
  via: Via;
  actor: { id: string; role: Role } | null;
  assignedRepId?: string | null;
  reason?: string | null;
  amount?: number | null;
  expectedCloseDate?: Date | null;
  /** Other lead fields that change with the stage (owner, amount, qualified version…). */
  data?: Prisma.LeadUncheckedUpdateManyInput;
  now: Date;
}

export const LEAD_CHANGED = "This lead changed a moment ago (someone else acted on it). Reload to see its new state.";

/** Loads what the state machine needs to know about a lead. */
export async function loadLeadState(tx: Tx, leadId: string): Promise<LeadState | null> {
  const lead = await tx.lead.findUnique({
    where: { id: leadId },
    select: { id: true, stage: true, version: true, ownerId: true, owner: { select: { role: true } } },
  });
  return lead ? { id: lead.id, stage: lead.stage, version: lead.version, ownerId: lead.ownerId, ownerRole: lead.owner?.role ?? null } : null;
}

export async function changeStage(tx: Tx, move: StageMove): Promise<{ version: number }> {
  const { lead } = move;
  const check = checkTransition({
    from: lead.stage,
    to: move.to,
    via: move.via,
    actor: move.actor,
    lead: { ownerId: lead.ownerId, ownerRole: lead.ownerRole, assignedRepId: move.assignedRepId ?? null },
    reason: move.reason,
    amount: move.amount,
    expectedCloseDate: move.expectedCloseDate,
    now: move.now,
  });
  if (!check.ok) throw new DomainError(check.message, check.field ? { [check.field]: [check.message] } : undefined, "forbidden");

  const updated = await tx.lead.updateMany({
    where: { id: lead.id, version: lead.version, stage: lead.stage },
    data: { ...move.data, stage: move.to, stageChangedAt: move.now, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new DomainError(LEAD_CHANGED, undefined, "conflict");

  const after = await tx.lead.findUniqueOrThrow({
    where: { id: lead.id },
    select: { source: true, campaignId: true, amount: true, owner: { select: { id: true, role: true } } },
  });
  const repId = after.owner?.role === "SALES_REP" ? after.owner.id : null;
  const change = await tx.stageChange.create({
    data: { leadId: lead.id, fromStage: lead.stage, toStage: move.to, at: move.now, actorId: move.actor?.id ?? null, reason: move.reason?.trim() || null, repId },
    select: { id: true },
  });
  await recordFunnelEntry(tx, { changeId: change.id, leadId: lead.id, stage: move.to, at: move.now, repId, source: after.source, campaignId: after.campaignId, amount: after.amount });
  await recordAudit(tx, {
    actorId: move.actor?.id ?? null,
    action: "lead.stage_changed",
    entityType: "Lead",
    entityId: lead.id,
    data: { from: lead.stage, to: move.to, via: move.via, reason: move.reason ?? null },
  });
  return { version: lead.version + 1 };
}
