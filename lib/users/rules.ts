// Pure rules for managing users. Unit-tested in tests/unit/users-rules.test.ts.
import type { Role } from "../db/enums";

interface Change {
  actorId: string;
  targetId: string;
  targetRole: Role;
  targetActive: boolean;
  /** The role and active flag the target would have after the change. */
  next: { role: Role; active: boolean };
  /** Active admins other than the target. */
  otherActiveAdmins: number;
}

/** Why a role or activation change is refused, or null when it is allowed. */
export function refuseUserChange(change: Change): string | null {
  const isSelf = change.actorId === change.targetId;
  if (isSelf && !change.next.active) return "You cannot deactivate your own account.";
  if (isSelf && change.next.role !== change.targetRole) return "You cannot change your own role; ask another admin.";
  const removesAnAdmin = change.targetRole === "ADMIN" && change.targetActive && (change.next.role !== "ADMIN" || !change.next.active);
  if (removesAnAdmin && change.otherActiveAdmins === 0) return "Tandem needs at least one active admin.";
  return null;
}
