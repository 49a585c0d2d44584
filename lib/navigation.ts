// The app's sections. A section appears only for roles that hold its permission, and only built sections are listed.
import type { Role } from "./db/enums";
import { can, type Permission } from "./auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/leads", label: "Leads", permission: "lead:read" },
  { href: "/admin/users", label: "Users", permission: "user:manage" },
];

export function navigationFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
