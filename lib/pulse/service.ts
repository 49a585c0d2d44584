// The pulse's one write: a rep answers (or corrects) this month's pulse. The month comes from the server's clock;
// the unique (rep, month) index is what keeps it to one answer per rep per month, whatever the callers do.
import { db, Prisma, type Tx } from "../db/client";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { monthKey, monthOf, sameAnswer } from "./rules";
import type { PulseAnswerInput } from "./schemas";

interface Actor {
  id: string;
}

const ANSWERED_ELSEWHERE = "This month's answer changed a moment ago (perhaps in another tab). Reload to see it, then try again.";

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function findAnswer(tx: Tx, repId: string, month: Date) {
  return tx.pulseAnswer.findUnique({ where: { repId_month: { repId, month } } });
}

/**
 * Saves the rep's answer for the month of `now`. A first answer (version null) creates it; an edit says which
 * version it saw and is refused if the answer changed since. Submitting what is already stored succeeds and changes
 * nothing, so a double click or a retried request never fails nor duplicates.
 */
export async function answerPulse(rep: Actor, input: PulseAnswerInput, now: Date = new Date()): Promise<{ month: string; version: number }> {
  const month = monthOf(now);
  const submitted = { usefulness: input.usefulness, support: input.support, comment: input.comment };
  try {
    return await db().$transaction(async (tx) => {
      const existing = await findAnswer(tx, rep.id, month);
      if (existing && sameAnswer(existing, submitted)) return { month: monthKey(month), version: existing.version };
      if (input.version === null) {
        if (existing) throw new DomainError(ANSWERED_ELSEWHERE, undefined, "conflict");
        const created = await tx.pulseAnswer.create({ data: { repId: rep.id, month, ...submitted }, select: { id: true, version: true } });
        await recordAudit(tx, { actorId: rep.id, action: "pulse.answered", entityType: "PulseAnswer", entityId: created.id, data: { month: monthKey(month) } });
        return { month: monthKey(month), version: created.version };
      }
      if (!existing) {
        throw new DomainError("The month you answered for has ended. Answer this month's pulse instead.", undefined, "conflict");
      }
      const updated = await tx.pulseAnswer.updateMany({
        where: { id: existing.id, version: input.version },
        data: { ...submitted, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new DomainError(ANSWERED_ELSEWHERE, undefined, "conflict");
      await recordAudit(tx, { actorId: rep.id, action: "pulse.changed", entityType: "PulseAnswer", entityId: existing.id, data: { month: monthKey(month) } });
      return { month: monthKey(month), version: input.version + 1 };
    });
  } catch (error) {
    // Two first answers at the same moment: the unique index keeps one; the other is a retry or a conflict.
    if (isUniqueViolation(error)) {
      const stored = await findAnswer(db(), rep.id, month);
      if (stored && sameAnswer(stored, submitted)) return { month: monthKey(month), version: stored.version };
      throw new DomainError(ANSWERED_ELSEWHERE, undefined, "conflict");
    }
    throw error;
  }
}
