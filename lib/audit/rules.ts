// Pure rules for the audit log browser: how filters become a time range and a URL, and where an entry's entity
// lives in the app. Unit-tested in tests/unit/audit-rules.test.ts.
import { addDays } from "date-fns";
import type { AuditQuery } from "./schemas";

/** The half-open time range [gte, lt) the day filters select, in UTC; an inverted range selects nothing. */
export function auditTimeRange(query: Pick<AuditQuery, "from" | "to">): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (query.from) range.gte = new Date(`${query.from}T00:00:00.000Z`);
  if (query.to) range.lt = addDays(new Date(`${query.to}T00:00:00.000Z`), 1);
  return range;
}

/** The list's URL for these filters (empty ones left out), so paging keeps them. */
export function auditHref(query: Partial<AuditQuery>, change: Partial<AuditQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of ["action", "entityType", "actor", "from", "to"] as const) {
    const value = next[key];
    if (value) params.set(key, value);
  }
  if (next.page && next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/admin/audit?${search}` : "/admin/audit";
}

/** What the log knows beyond the entry itself: a handover's lead, a definition's version number. */
export interface EntityReferences {
  handoverLead: ReadonlyMap<string, string>;
  definitionVersion: ReadonlyMap<string, number>;
}

/** The page that shows an entry's entity, or null when there is none (a deleted record, a workspace event). */
export function auditEntityHref(entityType: string, entityId: string, refs: EntityReferences): string | null {
  const id = encodeURIComponent(entityId);
  switch (entityType) {
    case "Lead":
      return `/leads/${id}`;
    case "Campaign":
      return `/campaigns/${id}`;
    case "User":
      return "/admin/users";
    case "Handover": {
      const leadId = refs.handoverLead.get(entityId);
      return leadId ? `/leads/${encodeURIComponent(leadId)}` : null;
    }
    case "LeadDefinition": {
      const version = refs.definitionVersion.get(entityId);
      return version ? `/agreement/versions/${version}` : null;
    }
    default:
      return null;
  }
}

/** "handover.dispute_reassigned" → "Handover dispute reassigned": readable without a lookup table that drifts. */
export function describeAuditAction(action: string): string {
  const words = action.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
