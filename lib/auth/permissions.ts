// The permission table: the single answer to "may this role do this?". Checked inside every server action and route
// handler (never only in the UI); the navigation reads it too, so a user only sees what they may use.
import type { Role } from "../db/enums";

export const ROLES = ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER", "CRO", "ADMIN"] as const;

const SALES: readonly Role[] = ["SALES_REP", "SALES_MANAGER"];
const MARKETING: readonly Role[] = ["MARKETER", "MARKETING_MANAGER"];
const REVENUE_TEAM: readonly Role[] = [...SALES, ...MARKETING, "CRO"];

/** The team channel is for everyone who works in Tandem, admins included. */
const EVERYONE: readonly Role[] = [...REVENUE_TEAM, "ADMIN"];

const HEADS: readonly Role[] = ["SALES_MANAGER", "MARKETING_MANAGER"];

// Role-level permissions. Record-level rules (whose lead, which handover, which stage change) are checked by the
// services with the funnel's state machine and the handover rules.
export const PERMISSIONS = {
  /** See leads and their stage history. */
  "lead:read": REVENUE_TEAM,
  /** Log a new lead by hand. */
  "lead:create": [...SALES, ...MARKETING],
  /** Import leads from a CSV file (one's own imports; the marketing manager may also see and drive any marketer's). */
  "lead:import": MARKETING,
  /** Correct or complete a lead's facts (on the stages their team owns). */
  "lead:edit": [...SALES, ...MARKETING],
  /** Move a lead along the funnel by hand, where the state machine allows it. */
  "lead:move": [...SALES, ...MARKETING],
  /** Log a call, email, meeting or note on a lead. */
  "touch:log": [...SALES, ...MARKETING],
  /** Read the lead definition, its versions and diffs. */
  "agreement:read": [...REVENUE_TEAM, "ADMIN"],
  /** Draft, edit, propose or withdraw a new version of the lead definition. */
  "agreement:draft": [...HEADS, "CRO"],
  /** Sign a proposed version for one's team. */
  "agreement:sign": HEADS,
  /** Activate a proposed version without both signatures, when the heads disagree. */
  "agreement:activate": ["CRO"],
  /** See handovers, their outcomes and service levels. */
  "handover:read": REVENUE_TEAM,
  /** Accept or reject a handover (one's own). */
  "handover:respond": ["SALES_REP"],
  /** Dispute a rejection of one's lead. */
  "handover:dispute": MARKETING,
  /** Reassign handovers and resolve disputes. */
  "handover:manage": ["SALES_MANAGER"],
  /** See the revenue dashboard: the whole funnel, pipeline, velocity and service levels, for both teams. */
  "metrics:revenue": [...HEADS, "CRO"],
  /** See marketing's pipeline review: the funnel by source and campaign, acceptance, rejections, speed to lead. */
  "metrics:marketing": [...MARKETING, "CRO"],
  /** See campaigns, their results from the funnel and sales' ratings of their leads. */
  "campaign:read": REVENUE_TEAM,
  /** Create campaigns and edit them (a marketer their own, the marketing manager any). */
  "campaign:manage": MARKETING,
  /** Rate a campaign's leads, 1 to 5 with a comment: once per rep per campaign, editable (a rep who worked its leads). */
  "campaign:rate": ["SALES_REP"],
  /** Answer the monthly pulse for oneself (how useful marketing's leads were, how well marketing supported them). */
  "pulse:answer": ["SALES_REP"],
  /** See the pulse's monthly trend and every rep's comments. */
  "pulse:read": ["MARKETING_MANAGER", "CRO"],
  /** See help requests: who asked marketing for what, by when, and where each one stands. */
  "request:read": REVENUE_TEAM,
  /** Ask marketing for help (content, a value proposition, a nurture campaign); cancel one's own request. */
  "request:create": ["SALES_REP"],
  /** Take a request, hand it back, and deliver it with a link (the service checks it is one's own to work). */
  "request:work": MARKETING,
  /** Read the baseline story, its versions and diffs. */
  "story:read": [...REVENUE_TEAM, "ADMIN"],
  /** Draft, edit, propose or withdraw a new version of the baseline story. */
  "story:draft": [...HEADS, "CRO"],
  /** Sign a proposed version of the story for one's team. */
  "story:sign": HEADS,
  /** Activate a proposed story without both signatures, when the heads disagree. */
  "story:activate": ["CRO"],
  /** See the shared goals, their progress, pace and signatures (every home page shows the agreed ones). */
  "goal:read": [...REVENUE_TEAM, "ADMIN"],
  /** Draft a shared goal, edit it (an agreed one goes back to proposed), propose or archive it. */
  "goal:draft": [...HEADS, "CRO"],
  /** Sign a proposed goal for one's side (or withdraw that signature); the CRO's signature alone agrees it. */
  "goal:sign": [...HEADS, "CRO"],
  /** Create, name, list and revoke the intake API's keys (a key is shown once, when it is made). */
  "apikey:manage": ["ADMIN"],
  /** Read how to call the intake API (endpoints, examples, the OpenAPI document): who wires up and runs intake. */
  "api:docs": [...MARKETING, "CRO", "ADMIN"],
  /** List users, create them, change roles, deactivate. */
  "user:manage": ["ADMIN"],
  /**
   * Read the team channel, and the threads on the things one may see: a lead's or a handover's thread also needs the
   * subject's own read permission (lib/messaging/access.ts), so an admin reads only the team channel.
   */
  "message:read": EVERYONE,
  /** Post in the threads one may read (mentioning people), and edit or delete one's own messages. */
  "message:post": EVERYONE,
  /** One's own inbox: mentions, replies, rejections, assignments and SLA breaches; marking them read. */
  "inbox:read": EVERYONE,
  /** Browse and filter the audit log (read-only for everyone: the database refuses edits and deletes). */
  "audit:read": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  SALES_REP: "Sales rep",
  SALES_MANAGER: "Sales manager",
  MARKETER: "Marketer",
  MARKETING_MANAGER: "Marketing manager",
  CRO: "CRO",
  ADMIN: "Admin",
};

export type Team = "SALES" | "MARKETING" | "LEADERSHIP" | "OPERATIONS";

/** A user's team follows from their role; it is never stored, so the two cannot disagree. */
export function teamOf(role: Role): Team {
  if (SALES.includes(role)) return "SALES";
  if (MARKETING.includes(role)) return "MARKETING";
  return role === "CRO" ? "LEADERSHIP" : "OPERATIONS";
}
