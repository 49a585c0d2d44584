// Help requests' writes: a rep asks, a marketer takes, hands back or delivers, the rep may cancel. Every step checks
// the state machine (rules.ts) and the version the person saw, and writes its audit entry in the same transaction.
import { db, Prisma, type Tx } from "../db/client";
import type { HelpRequestStatus } from "../db/enums";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { alreadyDone, parseDay, refusal, TRANSITIONS, type RequestAction, type RequestActor } from "./rules";
import type { CreateRequestInput, DeliverRequestInput, RequestRef } from "./schemas";

const CHANGED = "Someone changed this request a moment ago. Reload to see where it stands, then try again.";

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function findByKey(tx: Tx, requesterId: string, clientKey: string) {
  return tx.helpRequest.findUnique({ where: { requesterId_clientKey: { requesterId, clientKey } }, select: { id: true } });
}

/** A rep's new request. The same form sent twice (same key) gives back the request the first one made. */
export async function createRequest(actor: RequestActor, input: CreateRequestInput): Promise<{ id: string }> {
  const dueDate = parseDay(input.dueDate);
  if (!dueDate) throw new DomainError("Some fields need attention.", { dueDate: ["Choose a due date"] });
  try {
    return await db().$transaction(async (tx) => {
      const existing = await findByKey(tx, actor.id, input.clientKey);
      if (existing) return existing;
      const created = await tx.helpRequest.create({
        data: {
          requesterId: actor.id,
          kind: input.kind,
          title: input.title,
          details: input.details,
          accounts: input.accounts,
          dueDate,
          clientKey: input.clientKey,
        },
        select: { id: true },
      });
      await recordAudit(tx, { actorId: actor.id, action: "request.created", entityType: "HelpRequest", entityId: created.id, data: { kind: input.kind, dueDate: input.dueDate } });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const existing = await findByKey(db(), actor.id, input.clientKey);
      if (existing) return existing;
    }
    throw error;
  }
}

function changesFor(action: RequestAction, actor: RequestActor, now: Date, deliveryUrl?: string): Prisma.HelpRequestUncheckedUpdateManyInput {
  const status: HelpRequestStatus = TRANSITIONS[action].to;
  switch (action) {
    case "take":
      return { status, assigneeId: actor.id, takenAt: now };
    case "release":
      return { status, assigneeId: null, takenAt: null };
    case "deliver":
      return { status, deliveryUrl, deliveredAt: now };
    case "cancel":
      return { status, cancelledAt: now };
  }
}

/** Moves a request one step, if the state machine lets this person do it and nobody changed it since they looked. */
async function transition(actor: RequestActor, ref: RequestRef, action: RequestAction, deliveryUrl?: string): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const request = await tx.helpRequest.findUnique({
      where: { id: ref.id },
      select: { id: true, status: true, requesterId: true, assigneeId: true, deliveryUrl: true, version: true },
    });
    if (!request) throw new DomainError("That request does not exist.", undefined, "not_found");
    if (alreadyDone(request, actor, action, deliveryUrl)) return { version: request.version };
    if (request.version !== ref.version) throw new DomainError(CHANGED, undefined, "conflict");
    const refused = refusal(request, actor, action);
    if (refused) throw new DomainError(refused, undefined, "forbidden");
    const updated = await tx.helpRequest.updateMany({
      where: { id: ref.id, version: ref.version },
      data: { ...changesFor(action, actor, new Date(), deliveryUrl), version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      // A simultaneous twin (a double click) got there first: if it did exactly this, this one succeeds too.
      const now = await tx.helpRequest.findUnique({ where: { id: ref.id }, select: { status: true, requesterId: true, assigneeId: true, deliveryUrl: true, version: true } });
      if (now && alreadyDone(now, actor, action, deliveryUrl)) return { version: now.version };
      throw new DomainError(CHANGED, undefined, "conflict");
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: `request.${action}`,
      entityType: "HelpRequest",
      entityId: request.id,
      data: { from: request.status, to: TRANSITIONS[action].to, ...(deliveryUrl ? { deliveryUrl } : {}) },
    });
    return { version: ref.version + 1 };
  });
}

export const takeRequest = (actor: RequestActor, ref: RequestRef) => transition(actor, ref, "take");
export const releaseRequest = (actor: RequestActor, ref: RequestRef) => transition(actor, ref, "release");
export const cancelRequest = (actor: RequestActor, ref: RequestRef) => transition(actor, ref, "cancel");
export const deliverRequest = (actor: RequestActor, input: DeliverRequestInput) => transition(actor, input, "deliver", input.deliveryUrl);
