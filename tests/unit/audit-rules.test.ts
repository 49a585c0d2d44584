import { describe, expect, it } from "vitest";
import { auditEntityHref, auditHref, auditTimeRange, describeAuditAction } from "@/lib/audit/rules";
import { auditQuerySchema } from "@/lib/audit/schemas";

const refs = {
  handoverLead: new Map([["h1", "lead-9"]]),
  definitionVersion: new Map([["d1", 3]]),
};

describe("auditEntityHref", () => {
  it.each([
    ["Lead", "abc", "/leads/abc"],
    ["Campaign", "c1", "/campaigns/c1"],
    ["User", "u1", "/admin/users"],
    ["Handover", "h1", "/leads/lead-9"],
    ["LeadDefinition", "d1", "/agreement/versions/3"],
  ])("links a %s to its page", (type, id, href) => {
    expect(auditEntityHref(type, id, refs)).toBe(href);
  });

  it("links nothing it cannot find, and nothing of a kind without a page", () => {
    expect(auditEntityHref("Handover", "gone", refs)).toBeNull();
    expect(auditEntityHref("LeadDefinition", "gone", refs)).toBeNull();
    expect(auditEntityHref("Workspace", "demo", refs)).toBeNull();
  });

  it("cannot be turned into another path by a strange id", () => {
    expect(auditEntityHref("Lead", "../admin?x=1", refs)).toBe("/leads/..%2Fadmin%3Fx%3D1");
  });
});

describe("auditTimeRange", () => {
  it("takes whole UTC days, the last one included", () => {
    expect(auditTimeRange({ from: "2026-11-01", to: "2026-11-22" })).toEqual({
      gte: new Date("2026-11-01T00:00:00.000Z"),
      lt: new Date("2026-11-23T00:00:00.000Z"),
    });
  });

  it("leaves open ends open", () => {
    expect(auditTimeRange({})).toEqual({});
    expect(auditTimeRange({ to: "2026-02-28" })).toEqual({ lt: new Date("2026-03-01T00:00:00.000Z") });
  });
});

describe("auditHref", () => {
  it("keeps the filters, leaves empty ones and page 1 out", () => {
    expect(auditHref({ action: "user.role_changed", actor: "", page: 1 })).toBe("/admin/audit?action=user.role_changed");
    expect(auditHref({ entityType: "Lead", from: "2026-11-01" }, { page: 3 })).toBe("/admin/audit?entityType=Lead&from=2026-11-01&page=3");
    expect(auditHref({})).toBe("/admin/audit");
  });
});

describe("describeAuditAction", () => {
  it("reads as words", () => {
    expect(describeAuditAction("handover.dispute_reassigned")).toBe("Handover dispute reassigned");
    expect(describeAuditAction("user.role_changed")).toBe("User role changed");
  });
});

describe("auditQuerySchema", () => {
  it("reads the filters from the URL", () => {
    expect(auditQuerySchema.parse({ action: " lead.created ", from: "2026-11-01", page: "2" })).toEqual({
      action: "lead.created",
      entityType: undefined,
      actor: undefined,
      from: "2026-11-01",
      to: undefined,
      page: 2,
    });
  });

  it("drops what it cannot read instead of failing", () => {
    expect(auditQuerySchema.parse({ from: "yesterday", to: "2026-13-45", page: "-4", action: "x".repeat(500), actor: ["a", "b"] })).toEqual({
      action: undefined,
      entityType: undefined,
      actor: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
  });
});
