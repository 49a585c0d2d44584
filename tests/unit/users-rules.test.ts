import { describe, expect, it } from "vitest";
import { refuseUserChange } from "@/lib/users/rules";

const base = { actorId: "admin-1", targetId: "user-2", targetRole: "SALES_REP" as const, targetActive: true, otherActiveAdmins: 1 };

describe("refuseUserChange", () => {
  it("allows ordinary role changes and deactivations", () => {
    expect(refuseUserChange({ ...base, next: { role: "MARKETER", active: true } })).toBeNull();
    expect(refuseUserChange({ ...base, next: { role: "SALES_REP", active: false } })).toBeNull();
  });

  it("refuses changing or deactivating yourself", () => {
    const self = { ...base, targetId: "admin-1", targetRole: "ADMIN" as const };
    expect(refuseUserChange({ ...self, next: { role: "ADMIN", active: false } })).toMatch(/own account/);
    expect(refuseUserChange({ ...self, next: { role: "CRO", active: true } })).toMatch(/own role/);
  });

  it("keeps at least one active admin", () => {
    const admin = { ...base, targetRole: "ADMIN" as const, otherActiveAdmins: 0 };
    expect(refuseUserChange({ ...admin, next: { role: "CRO", active: true } })).toMatch(/at least one active admin/);
    expect(refuseUserChange({ ...admin, next: { role: "ADMIN", active: false } })).toMatch(/at least one active admin/);
    expect(refuseUserChange({ ...admin, otherActiveAdmins: 1, next: { role: "ADMIN", active: false } })).toBeNull();
    expect(refuseUserChange({ ...admin, targetActive: false, next: { role: "CRO", active: false } })).toBeNull();
  });
});
