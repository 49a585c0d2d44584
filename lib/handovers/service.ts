// Answering handovers: accept, reject with a reason, dispute a rejection, resolve a dispute, reassign. Each is one
// transaction guarded by the lead's version, so when two people act on the same lead at once exactly one wins.
import { db, type Tx } from "../db/client";
import type { Role } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { findDefinitionByVersion } from "../agreement/active";
import { findRejectionReason } from "../agreement/rules";
import { changeStage, loadLeadState, LEAD_CHANGED } from "../funnel/service";
import { notifyLeadRejected } from "../messaging/notifications";
import { openHandover } from "./assignment";
import { refuseDispute } from "./rules";

interface Actor {
  id: string;
  role: Role;
}

async function loadHandover(tx: Tx, handoverId: string) {
  const handover = await tx.handover.findUnique({ where: { id: handoverId } });
  if (!handover) throw new DomainError("That handover does not exist.", undefined, "not_found");
  return handover;
}

async function loadLead(tx: Tx, leadId: string, expectedVersion?: number) {
  const lead = await loadLeadState(tx, leadId);
  if (!lead) throw new DomainError("That lead does not exist.", undefined, "not_found");
  if (expectedVersion !== undefined && lead.version !== expectedVersion) throw new DomainError(LEAD_CHANGED, undefined, "conflict");
  return lead;
}

/** Moves a handover out of a status; fails if someone else moved it first. */
async function closeHandover(tx: Tx, handoverId: string, from: "PENDING" | "REJECTED" | "DISPUTED", data: Parameters<Tx["handover"]["updateMany"]>[0]["data"]) {
  const updated = await tx.handover.updateMany({ where: { id: handoverId, status: from }, data });
  if (updated.count !== 1) throw new DomainError(LEAD_CHANGED, undefined, "conflict");
}

function assertAssignedRep(handover: { toUserId: string; status: string }, actor: Actor) {
  if (handover.toUserId !== actor.id) throw new DomainError("This handover is assigned to another rep.", undefined, "forbidden");
  if (handover.status !== "PENDING") throw new DomainError("This handover has already been answered.", undefined, "conflict");
}

export async function acceptHandover(actor: Actor, input: { handoverId: string; leadVersion: number }, now = new Date()) {
  return db().$transaction(async (tx) => {
    const handover = await loadHandover(tx, input.handoverId);
    assertAssignedRep(handover, actor);
    const lead = await loadLead(tx, handover.leadId, input.leadVersion);
    await changeStage(tx, { lead, to: "SAL", via: "handover", actor, assignedRepId: handover.toUserId, reason: "Accepted the handover", data: { ownerId: actor.id }, now });
    await closeHandover(tx, handover.id, "PENDING", { status: "ACCEPTED", respondedAt: now });
    await recordAudit(tx, { actorId: actor.id, action: "handover.accepted", entityType: "Handover", entityId: handover.id, data: { leadId: lead.id } });
    return { leadId: lead.id };
  });
}

export async function rejectHandover(
  actor: Actor,
  input: { handoverId: string; leadVersion: number; reasonCode: string; note: string },
  now = new Date(),
) {
  return db().$transaction(async (tx) => {
    const handover = await loadHandover(tx, input.handoverId);
    assertAssignedRep(handover, actor);
    // The reasons are those of the definition the lead was handed over under: the agreement both teams signed.
    const definition = await findDefinitionByVersion(tx, handover.definitionVersion);
    const reason = definition && findRejectionReason(definition.rules, input.reasonCode);
    if (!reason) throw new DomainError("Choose one of the agreed rejection reasons.", { reasonCode: ["Choose one of the agreed reasons"] });
    const lead = await loadLead(tx, handover.leadId, input.leadVersion);
    await changeStage(tx, {
      lead,
      to: reason.outcome,
      via: "handover",
      actor,
      assignedRepId: handover.toUserId,
      reason: `Rejected: ${reason.label}. ${input.note}`,
      now,
    });
    await closeHandover(tx, handover.id, "PENDING", {
      status: "REJECTED",
      respondedAt: now,
      reasonCode: reason.code,
      reasonLabel: reason.label,
      note: input.note,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "handover.rejected",
      entityType: "Handover",
      entityId: handover.id,
      data: { leadId: lead.id, reason: reason.code, outcome: reason.outcome },
    });
    await notifyLeadRejected(tx, { handoverId: handover.id, leadId: lead.id, rejectedBy: actor, reasonLabel: reason.label }, now);
    return { leadId: lead.id };
  });
}

export async function disputeRejection(actor: Actor, input: { handoverId: string; note: string }, now = new Date()) {
  return db().$transaction(async (tx) => {
    const handover = await loadHandover(tx, input.handoverId);
    const lead = await loadLead(tx, handover.leadId);
    const refusal = refuseDispute(handover, actor, lead.ownerId);
    if (refusal) throw new DomainError(refusal, undefined, "forbidden");
    await closeHandover(tx, handover.id, "REJECTED", { status: "DISPUTED", disputedAt: now, disputedById: actor.id, disputeNote: input.note });
    await recordAudit(tx, { actorId: actor.id, action: "handover.disputed", entityType: "Handover", entityId: handover.id, data: { leadId: lead.id } });
    return { leadId: lead.id };
  });
}

async function activeRep(tx: Tx, repId: string) {
  const rep = await tx.user.findUnique({ where: { id: repId }, select: { role: true, active: true } });
  if (rep?.role !== "SALES_REP" || !rep.active) {
    throw new DomainError("Choose an active sales rep.", { toRepId: ["Choose an active sales rep"] });
  }
}

/** A sales manager upholds a disputed rejection, or sends the lead back to MQL for another rep. */
export async function resolveDispute(actor: Actor, input: { handoverId: string; decision: "UPHOLD" | "REASSIGN"; toRepId?: string }, now = new Date()) {
  return db().$transaction(async (tx) => {
    const handover = await loadHandover(tx, input.handoverId);
    if (handover.status !== "DISPUTED") throw new DomainError("Only a disputed rejection can be resolved.", undefined, "conflict");
    const lead = await loadLead(tx, handover.leadId);
    if (input.decision === "UPHOLD") {
      await closeHandover(tx, handover.id, "DISPUTED", { resolution: "UPHELD", resolvedAt: now, resolvedById: actor.id, status: "REJECTED" });
    } else {
      if (input.toRepId === handover.toUserId) throw new DomainError("This rep rejected the lead; choose another rep.", { toRepId: ["Choose another rep"] });
      if (input.toRepId) await activeRep(tx, input.toRepId);
      const definition = await findDefinitionByVersion(tx, handover.definitionVersion);
      if (!definition) throw new DomainError("The definition of this handover no longer exists.");
      await closeHandover(tx, handover.id, "DISPUTED", { resolution: "REASSIGNED", resolvedAt: now, resolvedById: actor.id, status: "REJECTED" });
      await changeStage(tx, { lead, to: "MQL", via: "dispute", actor, reason: "Dispute upheld by sales: handed to another rep", now });
      const next = await openHandover(tx, {
        leadId: lead.id,
        fromUserId: handover.fromUserId,
        definition,
        now,
        toUserId: input.toRepId,
        excludeRepId: handover.toUserId,
      });
      if (!next) throw new DomainError("There is no active sales rep to hand the lead to.");
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.decision === "UPHOLD" ? "handover.dispute_rejected" : "handover.dispute_reassigned",
      entityType: "Handover",
      entityId: handover.id,
      data: { leadId: lead.id, toRepId: input.toRepId ?? null },
    });
    return { leadId: lead.id };
  });
}

/** A sales manager moves a waiting handover to another rep; the new rep gets a fresh SLA window. */
export async function reassignHandover(actor: Actor, input: { handoverId: string; leadVersion: number; toRepId: string }, now = new Date()) {
  return db().$transaction(async (tx) => {
    const handover = await loadHandover(tx, input.handoverId);
    if (handover.status !== "PENDING") throw new DomainError("Only a waiting handover can be reassigned.", undefined, "conflict");
    if (handover.toUserId === input.toRepId) throw new DomainError("The lead is already with this rep.", { toRepId: ["Choose another rep"] });
    await activeRep(tx, input.toRepId);
    const lead = await loadLead(tx, handover.leadId, input.leadVersion);
    // Bumping the lead's version makes a simultaneous accept or reject by the previous rep fail instead of winning.
    const bumped = await tx.lead.updateMany({ where: { id: lead.id, version: lead.version }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) throw new DomainError(LEAD_CHANGED, undefined, "conflict");
    await closeHandover(tx, handover.id, "PENDING", { status: "REASSIGNED", resolvedAt: now, resolvedById: actor.id });
    const definition = await findDefinitionByVersion(tx, handover.definitionVersion);
    if (!definition) throw new DomainError("The definition of this handover no longer exists.");
    const next = await openHandover(tx, { leadId: lead.id, fromUserId: handover.fromUserId, definition, now, toUserId: input.toRepId });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "handover.reassigned",
      entityType: "Handover",
      entityId: handover.id,
      data: { leadId: lead.id, from: handover.toUserId, to: input.toRepId, newHandoverId: next?.id ?? null },
    });
    return { leadId: lead.id };
  });
}
