import "server-only";
import { db, type Prisma } from "../db/client";
import { auditEntityHref, auditTimeRange, describeAuditAction } from "./rules";
import type { AuditQuery } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: string;
  at: string;
  action: string;
  actionLabel: string;
  entityType: string;
  entityId: string;
  entityHref: string | null;
  actorName: string | null;
  /** The entry's details as stored (ids, from/to values); never a secret, since services never put one there. */
  details: string;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** The audit log, newest first, filtered. Callers must hold `audit:read`. */
export async function listAuditEvents(query: AuditQuery): Promise<AuditPage> {
  const where: Prisma.AuditEventWhereInput = {
    action: query.action,
    entityType: query.entityType,
    actorId: query.actor === "system" ? null : query.actor,
    at: auditTimeRange(query),
  };
  const total = await db().auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const events = await db().auditEvent.findMany({
    where,
    // The id breaks ties between entries of one transaction, so paging never skips or repeats one.
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: { id: true, at: true, action: true, entityType: true, entityId: true, data: true, actor: { select: { name: true } } },
  });
  const refs = await entityReferences(events);
  return {
    total,
    page,
    pageCount,
    rows: events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      action: event.action,
      actionLabel: describeAuditAction(event.action),
      entityType: event.entityType,
      entityId: event.entityId,
      entityHref: auditEntityHref(event.entityType, event.entityId, refs),
      actorName: event.actor?.name ?? null,
      details: JSON.stringify(event.data ?? {}),
    })),
  };
}

async function entityReferences(events: { entityType: string; entityId: string }[]) {
  const idsOf = (type: string) => events.filter((event) => event.entityType === type).map((event) => event.entityId);
  const [handovers, definitions] = await Promise.all([
    db().handover.findMany({ where: { id: { in: idsOf("Handover") } }, select: { id: true, leadId: true } }),
    db().leadDefinition.findMany({ where: { id: { in: idsOf("LeadDefinition") } }, select: { id: true, version: true } }),
  ]);
  return {
    handoverLead: new Map(handovers.map((handover) => [handover.id, handover.leadId])),
    definitionVersion: new Map(definitions.map((definition) => [definition.id, definition.version])),
  };
}

export interface AuditFilterOptions {
  actions: string[];
  entityTypes: string[];
  actors: { value: string; label: string }[];
}

/** The choices for the filters: only values the log holds, and the people who acted. */
export async function auditFilterOptions(): Promise<AuditFilterOptions> {
  const [actions, entityTypes, actors] = await Promise.all([
    // Loose index scans (one index probe per distinct value): the log grows without bound, its kinds of entry do not.
    db().$queryRaw<{ value: string }[]>`
      WITH RECURSIVE v AS (
        (SELECT action AS value FROM "AuditEvent" ORDER BY action LIMIT 1)
        UNION ALL
        SELECT (SELECT action FROM "AuditEvent" WHERE action > v.value ORDER BY action LIMIT 1) FROM v WHERE v.value IS NOT NULL
      ) SELECT value FROM v WHERE value IS NOT NULL`,
    db().$queryRaw<{ value: string }[]>`
      WITH RECURSIVE v AS (
        (SELECT "entityType" AS value FROM "AuditEvent" ORDER BY "entityType" LIMIT 1)
        UNION ALL
        SELECT (SELECT "entityType" FROM "AuditEvent" WHERE "entityType" > v.value ORDER BY "entityType" LIMIT 1) FROM v WHERE v.value IS NOT NULL
      ) SELECT value FROM v WHERE value IS NOT NULL`,
    db().user.findMany({ where: { auditEvents: { some: {} } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  ]);
  return {
    actions: actions.map((row) => row.value),
    entityTypes: entityTypes.map((row) => row.value),
    actors: [{ value: "system", label: "The system" }, ...actors.map((actor) => ({ value: actor.id, label: actor.name }))],
  };
}
