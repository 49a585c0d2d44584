import { db, Prisma } from "../db/client";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { hashPassword } from "../auth/passwords";
import type { Role } from "../db/enums";
import type { CreateUserInput } from "./schemas";
import { refuseUserChange } from "./rules";

interface Actor {
  id: string;
}

const EMAIL_TAKEN = "Someone already uses this email.";

export async function createUser(actor: Actor, input: CreateUserInput): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, passwordHash },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        data: { email: input.email, role: input.role },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(EMAIL_TAKEN, { email: [EMAIL_TAKEN] }, "conflict");
    }
    throw error;
  }
}

interface UserChange {
  userId: string;
  version: number;
  role?: Role;
  active?: boolean;
}

/**
 * Changes a user's role or active flag. The row version must match what the admin saw; the last active admin can
 * never be removed. Takes effect on the user's next request, since sessions re-read the user.
 */
export async function changeUser(actor: Actor, change: UserChange): Promise<{ version: number }> {
  return db().$transaction(
    async (tx) => {
      const target = await tx.user.findUnique({
        where: { id: change.userId },
        select: { id: true, role: true, active: true, version: true },
      });
      if (!target) throw new DomainError("That user no longer exists.", undefined, "not_found");
      if (target.version !== change.version) throw staleEdit();

      const next = { role: change.role ?? target.role, active: change.active ?? target.active };
      const otherActiveAdmins = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: target.id } } });
      const refusal = refuseUserChange({
        actorId: actor.id,
        targetId: target.id,
        targetRole: target.role,
        targetActive: target.active,
        next,
        otherActiveAdmins,
      });
      if (refusal) throw new DomainError(refusal, undefined, "forbidden");

      const updated = await tx.user.updateMany({
        where: { id: target.id, version: change.version },
        data: { ...next, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw staleEdit();

      await recordAudit(tx, {
        actorId: actor.id,
        action: next.role !== target.role ? "user.role_changed" : next.active ? "user.reactivated" : "user.deactivated",
        entityType: "User",
        entityId: target.id,
        data: { from: { role: target.role, active: target.active }, to: next },
      });
      return { version: change.version + 1 };
    },
    // Serializable: two admins demoting the last two admins at once must not both succeed.
    { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
  );
}

function staleEdit(): DomainError {
  return new DomainError("Someone else changed this user a moment ago. Reload to see the latest and try again.", undefined, "conflict");
}
