// Pure rules for leads: no database, no framework. Unit-tested in tests/unit/leads-rules.test.ts.
import type { Role, Stage } from "../db/enums";
import { holder } from "../funnel/rules";
import { leadListQuerySchema, type LeadListQuery } from "./schemas";

/** "  ACME  Corp " and "acme corp" are one company. */
export function normalizeCompanyName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Tidies a company name for display without changing how it is spelled. */
export function tidyCompanyName(name: string): string {
  return name.trim().replace(/\s+/g, " ");
}

const DEFAULTS = leadListQuerySchema.parse({});

/**
 * The URL of the leads list with `patch` applied. Only values that differ from the defaults are written, so links
 * stay short; changing a filter, the search or the page size returns to page 1.
 */
export function leadListHref(query: LeadListQuery, patch: Partial<LeadListQuery>): string {
  const resetsPage = ["q", "stage", "source", "team", "owner", "campaign", "entered", "from", "to", "size", "sort", "dir"].some((key) => key in patch);
  const next: LeadListQuery = { ...query, ...patch, page: patch.page ?? (resetsPage ? 1 : query.page) };
  const params = new URLSearchParams();
  for (const key of ["q", "stage", "source", "team", "owner", "campaign", "entered", "from", "to", "sort", "dir", "page", "size"] as const) {
    const value = next[key];
    if (value === undefined || value === "" || value === DEFAULTS[key]) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/leads?${search}` : "/leads";
}

/** Clicking a column sorts by it; clicking the sorted column again flips the direction. */
export function sortPatch(query: LeadListQuery, field: LeadListQuery["sort"]): Pick<LeadListQuery, "sort" | "dir"> {
  if (query.sort === field) return { sort: field, dir: query.dir === "asc" ? "desc" : "asc" };
  const textual = field === "name" || field === "company";
  return { sort: field, dir: textual ? "asc" : "desc" };
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/**
 * Why this person may not edit this lead's facts, or null if they may. Marketing edits the leads it holds; a rep
 * edits their own leads; a sales manager any lead.
 */
export function refuseEdit(actor: { id: string; role: Role }, lead: { stage: Stage; ownerId: string | null; ownerRole: Role | null }): string | null {
  const marketingHolds = holder(lead.stage, lead.ownerRole) === "marketing";
  if (actor.role === "MARKETER" || actor.role === "MARKETING_MANAGER") {
    return marketingHolds ? null : "Sales owns this lead now; marketing can read it but not change it.";
  }
  if (actor.role === "SALES_MANAGER") return null;
  if (actor.role === "SALES_REP") return lead.ownerId === actor.id ? null : "This lead is not yours.";
  return "Your role cannot edit leads.";
}
