// The app's sections. A section appears only for roles that hold its permission, and only built sections are listed.
import type { Role } from "./db/enums";
import { can, type Permission } from "./auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/queue", label: "My queue", permission: "handover:respond" },
  { href: "/dashboard", label: "Dashboard", permission: "metrics:revenue" },
  { href: "/pipeline-review", label: "Pipeline review", permission: "metrics:marketing" },
  { href: "/leads", label: "Leads", permission: "lead:read" },
  { href: "/handovers", label: "Handovers", permission: "handover:read" },
  { href: "/goals", label: "Goals", permission: "goal:read" },
  { href: "/campaigns", label: "Campaigns", permission: "campaign:read" },
  { href: "/agreement", label: "Agreement", permission: "agreement:read" },
  { href: "/story", label: "Story", permission: "story:read" },
  { href: "/requests", label: "Requests", permission: "request:read" },
  { href: "/pulse", label: "Pulse", permission: "pulse:read" },
  { href: "/messages", label: "Messages", permission: "message:read" },
  { href: "/inbox", label: "Inbox", permission: "inbox:read" },
  { href: "/admin/users", label: "Users", permission: "user:manage" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
  { href: "/admin/api-keys", label: "API keys", permission: "apikey:manage" },
  { href: "/developers", label: "API docs", permission: "api:docs" },
];

export function navigationFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}

/**
 * Where a role lands after signing in: the page its work starts from. A rep's home is their queue (with their own
 * figures), marketing's the pipeline review, the CRO's and the sales manager's the revenue dashboard.
 */
export function homeFor(role: Role): string {
  if (role === "SALES_REP") return "/queue";
  if (role === "MARKETER" || role === "MARKETING_MANAGER") return "/pipeline-review";
  if (role === "CRO" || role === "SALES_MANAGER") return "/dashboard";
  if (role === "ADMIN") return "/admin/users";
  return navigationFor(role)[0]?.href ?? "/forbidden";
}
