import { describe, expect, it } from "vitest";
import { holder } from "@/lib/funnel/rules";
import { refuseEdit } from "@/lib/leads/rules";
import { refuseTouch } from "@/lib/touches/rules";

const rep = { id: "rep", role: "SALES_REP" as const };
const manager = { id: "boss", role: "SALES_MANAGER" as const };
const marketer = { id: "mkt", role: "MARKETER" as const };

describe("who works a lead", () => {
  it.each([
    ["INQUIRY", "MARKETER", "marketing"],
    ["INQUIRY", "SALES_REP", "sales"],
    ["MQL", "MARKETER", "marketing"],
    ["SAL", "SALES_REP", "sales"],
    ["NURTURE", "SALES_REP", "marketing"],
    ["DISQUALIFIED", "MARKETER", "marketing"],
    ["WON", "SALES_REP", "sales"],
  ] as const)("%s owned by a %s is worked by %s", (stage, ownerRole, team) => {
    expect(holder(stage, ownerRole)).toBe(team);
  });

  it("treats an inquiry a rep logged as sales' own: the rep and sales managers work it, marketing does not", () => {
    const repsInquiry = { stage: "INQUIRY" as const, ownerId: "rep", ownerRole: "SALES_REP" as const, pendingRepId: null };
    expect(refuseTouch(rep, repsInquiry)).toBeNull();
    expect(refuseTouch(manager, repsInquiry)).toBeNull();
    expect(refuseTouch(marketer, repsInquiry)).toMatch(/Sales holds/);
    expect(refuseEdit(rep, repsInquiry)).toBeNull();
    expect(refuseEdit(marketer, repsInquiry)).toMatch(/Sales owns/);
  });

  it("keeps marketing's inquiries with marketing", () => {
    const inquiry = { stage: "INQUIRY" as const, ownerId: "mkt", ownerRole: "MARKETER" as const, pendingRepId: null };
    expect(refuseTouch(marketer, inquiry)).toBeNull();
    expect(refuseTouch(manager, inquiry)).toMatch(/Marketing holds/);
    expect(refuseTouch(rep, inquiry)).toMatch(/not yours/);
    expect(refuseEdit(marketer, inquiry)).toBeNull();
    expect(refuseEdit(rep, inquiry)).toMatch(/not yours/);
  });
});
