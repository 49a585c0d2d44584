// Records who changed what, in the same transaction as the change itself: if the change rolls back, so does its entry.
import type { Prisma, Tx } from "../db/client";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, data: entry.data ?? {} } });
}
