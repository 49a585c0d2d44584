import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, teamOf } from "@/lib/auth/permissions";
import { homeFor, navigationFor } from "@/lib/navigation";
import { Role } from "@/lib/db/enums";

describe("the permission table", () => {
  it("covers exactly the roles of the schema", () => {
    expect([...ROLES].sort()).toEqual(Object.values(Role).sort());
  });

  // Written out role by role, so that a change to the table is a deliberate change to this test too.
  const expected: Record<keyof typeof PERMISSIONS, string[]> = {
    "lead:read": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER", "CRO"],
    "lead:create": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER"],
    "lead:import": ["MARKETER", "MARKETING_MANAGER"],
    "lead:edit": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER"],
    "lead:move": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER"],
    "touch:log": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER"],
    "agreement:read": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER", "CRO", "ADMIN"],
    "agreement:draft": ["SALES_MANAGER", "MARKETING_MANAGER", "CRO"],
    "agreement:sign": ["SALES_MANAGER", "MARKETING_MANAGER"],
    "agreement:activate": ["CRO"],
    "handover:read": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER", "CRO"],
    "handover:respond": ["SALES_REP"],
    "handover:dispute": ["MARKETER", "MARKETING_MANAGER"],
    "handover:manage": ["SALES_MANAGER"],
    "metrics:revenue": ["SALES_MANAGER", "MARKETING_MANAGER", "CRO"],
    "metrics:marketing": ["MARKETER", "MARKETING_MANAGER", "CRO"],
    "campaign:read": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER", "CRO"],
    "campaign:manage": ["MARKETER", "MARKETING_MANAGER"],
    "campaign:rate": ["SALES_REP"],
    "pulse:answer": ["SALES_REP"],
    "pulse:read": ["MARKETING_MANAGER", "CRO"],
    "request:read": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER", "CRO"],
    "request:create": ["SALES_REP"],
    "request:work": ["MARKETER", "MARKETING_MANAGER"],
    "story:read": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER", "CRO", "ADMIN"],
    "story:draft": ["SALES_MANAGER", "MARKETING_MANAGER", "CRO"],
    "story:sign": ["SALES_MANAGER", "MARKETING_MANAGER"],
    "story:activate": ["CRO"],
    "goal:read": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER", "CRO", "ADMIN"],
    "goal:draft": ["SALES_MANAGER", "MARKETING_MANAGER", "CRO"],
    "goal:sign": ["SALES_MANAGER", "MARKETING_MANAGER", "CRO"],
    "user:manage": ["ADMIN"],
    "message:read": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER", "CRO", "ADMIN"],
    "message:post": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER", "CRO", "ADMIN"],
    "inbox:read": ["SALES_REP", "SALES_MANAGER", "MARKETER", "MARKETING_MANAGER", "CRO", "ADMIN"],
    "audit:read": ["ADMIN"],
    "apikey:manage": ["ADMIN"],
    "api:docs": ["MARKETER", "MARKETING_MANAGER", "CRO", "ADMIN"],
  };

  it.each(Object.entries(expected))("grants %s to exactly the intended roles", (permission, roles) => {
    for (const role of ROLES) expect(can(role, permission as keyof typeof PERMISSIONS)).toBe(roles.includes(role));
  });

  it("puts each role in one team", () => {
    expect(ROLES.map(teamOf)).toEqual(["SALES", "SALES", "MARKETING", "MARKETING", "LEADERSHIP", "OPERATIONS"]);
  });

  it("shows each role only the sections it may use", () => {
    expect(navigationFor("SALES_REP").map((item) => item.label)).toEqual(["My queue", "Leads", "Handovers", "Goals", "Campaigns", "Agreement", "Story", "Requests", "Messages", "Inbox"]);
    expect(navigationFor("SALES_MANAGER").map((item) => item.label)).toEqual(["Dashboard", "Leads", "Handovers", "Goals", "Campaigns", "Agreement", "Story", "Requests", "Messages", "Inbox"]);
    expect(navigationFor("MARKETER").map((item) => item.label)).toEqual(["Pipeline review", "Leads", "Handovers", "Goals", "Campaigns", "Agreement", "Story", "Requests", "Messages", "Inbox", "API docs"]);
    expect(navigationFor("MARKETING_MANAGER").map((item) => item.label)).toEqual(["Dashboard", "Pipeline review", "Leads", "Handovers", "Goals", "Campaigns", "Agreement", "Story", "Requests", "Pulse", "Messages", "Inbox", "API docs"]);
    expect(navigationFor("CRO").map((item) => item.label)).toEqual(["Dashboard", "Pipeline review", "Leads", "Handovers", "Goals", "Campaigns", "Agreement", "Story", "Requests", "Pulse", "Messages", "Inbox", "API docs"]);
    expect(navigationFor("ADMIN").map((item) => item.label)).toEqual(["Goals", "Agreement", "Story", "Messages", "Inbox", "Users", "Audit log", "API keys", "API docs"]);
  });

  it("lands each role on the page its work starts from, one it may open", () => {
    const homes = Object.fromEntries(ROLES.map((role) => [role, homeFor(role)]));
    expect(homes).toEqual({
      SALES_REP: "/queue",
      SALES_MANAGER: "/dashboard",
      MARKETER: "/pipeline-review",
      MARKETING_MANAGER: "/pipeline-review",
      CRO: "/dashboard",
      ADMIN: "/admin/users",
    });
    for (const role of ROLES) expect(navigationFor(role).map((item) => item.href)).toContain(homeFor(role));
  });
});
