import { describe, expect, it } from "vitest";
import type { Role, Stage } from "@/lib/db/enums";
import { checkTransition, manualMoves, ownerTeam, type TransitionRequest, type Via } from "@/lib/funnel/rules";

const STAGES: Stage[] = ["INQUIRY", "MQL", "SAL", "SQL", "OPPORTUNITY", "WON", "LOST", "NURTURE", "DISQUALIFIED"];
const VIAS: Via[] = ["qualification", "handover", "dispute", "manual"];

type Who = "owning rep" | "other rep" | "assigned rep" | "sales manager" | "marketer" | "marketing manager" | "CRO" | "admin" | "system";
const PEOPLE: Record<Who, { id: string; role: Role } | null> = {
  "owning rep": { id: "rep-owner", role: "SALES_REP" },
  "other rep": { id: "rep-other", role: "SALES_REP" },
  "assigned rep": { id: "rep-assigned", role: "SALES_REP" },
  "sales manager": { id: "sales-manager", role: "SALES_MANAGER" },
  marketer: { id: "marketer", role: "MARKETER" },
  "marketing manager": { id: "marketing-manager", role: "MARKETING_MANAGER" },
  CRO: { id: "cro", role: "CRO" },
  admin: { id: "admin", role: "ADMIN" },
  system: null,
};
const EVERYONE = Object.keys(PEOPLE) as Who[];

/** A lead a rep owns, handed (for the handover moves) to another rep. */
const repLead = { ownerId: "rep-owner", ownerRole: "SALES_REP", assignedRepId: "rep-assigned" } as const;
const marketingLead = { ownerId: "marketer", ownerRole: "MARKETER", assignedRepId: "rep-assigned" } as const;
const NOW = new Date("2026-03-10T15:00:00Z");

/** Everything a move could need, so only who makes it decides. */
const request = (from: Stage, to: Stage, via: Via, who: Who, extra: Partial<TransitionRequest> = {}): TransitionRequest => ({
  from,
  to,
  via,
  actor: PEOPLE[who],
  lead: repLead,
  reason: "No budget this year",
  amount: 25_000,
  expectedCloseDate: new Date("2026-06-30T00:00:00Z"),
  now: NOW,
  ...extra,
});

// The machine, written out by hand from DESIGN.md "The shared funnel". Anything not listed is refused for everyone.
const SALES = ["owning rep", "sales manager"] as const;
const MARKETING = ["marketer", "marketing manager"] as const;
const ALLOWED: [from: Stage, to: Stage, via: Via, who: readonly Who[]][] = [
  ["INQUIRY", "MQL", "qualification", ["system"]],
  ["NURTURE", "MQL", "qualification", MARKETING],
  ["MQL", "SAL", "handover", ["assigned rep"]],
  ["MQL", "NURTURE", "handover", ["assigned rep"]],
  ["MQL", "DISQUALIFIED", "handover", ["assigned rep"]],
  ["NURTURE", "MQL", "dispute", ["sales manager"]],
  ["DISQUALIFIED", "MQL", "dispute", ["sales manager"]],
  ["INQUIRY", "SAL", "manual", SALES],
  ["SAL", "SQL", "manual", SALES],
  ["SQL", "OPPORTUNITY", "manual", SALES],
  ["OPPORTUNITY", "WON", "manual", SALES],
  ["OPPORTUNITY", "LOST", "manual", SALES],
  ["SAL", "NURTURE", "manual", SALES],
  ["SQL", "NURTURE", "manual", SALES],
  ["SAL", "DISQUALIFIED", "manual", SALES],
  ["SQL", "DISQUALIFIED", "manual", SALES],
  ["INQUIRY", "DISQUALIFIED", "manual", MARKETING],
  ["NURTURE", "DISQUALIFIED", "manual", MARKETING],
];
const expected = (from: Stage, to: Stage, via: Via) =>
  [...(ALLOWED.find((row) => row.slice(0, 3).join() === [from, to, via].join())?.[3] ?? [])].sort();

const EVERY_MOVE = STAGES.flatMap((from) => STAGES.flatMap((to) => VIAS.map((via) => [from, to, via] as const)));

describe("checkTransition: who may make which move", () => {
  it.each(EVERY_MOVE)("%s → %s by %s", (from, to, via) => {
    const allowed = EVERYONE.filter((who) => checkTransition(request(from, to, via, who)).ok).sort();
    expect(allowed).toEqual(expected(from, to, via));
  });

  it("covers every pair, stage and way", () => {
    expect(EVERY_MOVE).toHaveLength(9 * 9 * 4);
  });

  it("leaves a lead no rep owns to sales managers on the sales half", () => {
    // Inquiry → SAL is not among them: a marketing inquiry reaches sales only through a handover (tested below).
    for (const [from, to, via, who] of ALLOWED.filter(([from, , , who]) => who.includes("owning rep") && from !== "INQUIRY")) {
      const allowed = EVERYONE.filter((person) => checkTransition(request(from, to, via, person, { lead: marketingLead })).ok);
      expect([from, to, allowed]).toEqual([from, to, who.filter((person) => person !== "owning rep")]);
    }
  });
});

describe("checkTransition: what a refusal says", () => {
  it.each<[string, TransitionRequest, string]>([
    ["MQL by hand", request("INQUIRY", "MQL", "manual", "marketer"), "Inquiry → MQL: only the server makes this change, when the lead meets the lead definition."],
    ["re-qualifying by hand", request("NURTURE", "MQL", "manual", "marketing manager"), "Nurture → MQL: only the server makes this change, when the lead meets the lead definition."],
    ["accepting by hand", request("MQL", "SAL", "manual", "assigned rep"), "MQL → SAL: it happens by accepting or rejecting the handover."],
    ["reviving by hand", request("DISQUALIFIED", "MQL", "manual", "sales manager"), "Disqualified → MQL: it happens when a sales manager resolves a dispute."],
    ["a page move made as a handover", request("SAL", "SQL", "handover", "owning rep"), "SAL → SQL: it is made on the lead's page."],
    ["a move that does not exist", request("WON", "LOST", "manual", "sales manager"), "A lead cannot move from Won to Lost."],
    ["staying put", request("MQL", "MQL", "manual", "marketer"), "A lead cannot move from MQL to MQL."],
    ["going back to inquiry", request("SQL", "INQUIRY", "manual", "owning rep"), "A lead cannot move from SQL to Inquiry."],
    ["someone else's rep lead", request("SAL", "SQL", "manual", "other rep"), "SAL → SQL: The owning rep or a sales manager may make this change."],
    ["the CRO", request("OPPORTUNITY", "WON", "manual", "CRO"), "Opportunity → Won: The owning rep or a sales manager may make this change."],
    ["a rep on marketing's lead", request("SAL", "SQL", "manual", "owning rep", { lead: marketingLead }), "SAL → SQL: this lead is not yours. A sales manager can reassign it."],
    ["a person qualifying", request("INQUIRY", "MQL", "qualification", "marketer"), "Inquiry → MQL: Only the server may make this change."],
    ["the wrong rep answering", request("MQL", "SAL", "handover", "other rep"), "MQL → SAL: Only the rep the lead was handed to may make this change."],
    ["a rep disputing", request("NURTURE", "MQL", "dispute", "owning rep"), "Nurture → MQL: A sales manager may make this change."],
    ["sales disqualifying an inquiry", request("INQUIRY", "DISQUALIFIED", "manual", "sales manager"), "Inquiry → Disqualified: Marketing may make this change."],
  ])("%s", (_name, attempt, message) => {
    expect(checkTransition(attempt)).toEqual({ ok: false, message });
  });
});

describe("checkTransition: what a move needs", () => {
  const NEEDS_REASON: [Stage, Stage, Via, Who][] = [
    ["MQL", "NURTURE", "handover", "assigned rep"],
    ["MQL", "DISQUALIFIED", "handover", "assigned rep"],
    ["OPPORTUNITY", "LOST", "manual", "owning rep"],
    ["SAL", "NURTURE", "manual", "owning rep"],
    ["SQL", "NURTURE", "manual", "sales manager"],
    ["SAL", "DISQUALIFIED", "manual", "sales manager"],
    ["SQL", "DISQUALIFIED", "manual", "owning rep"],
    ["INQUIRY", "DISQUALIFIED", "manual", "marketer"],
    ["NURTURE", "DISQUALIFIED", "manual", "marketing manager"],
  ];
  it.each(NEEDS_REASON.flatMap((move) => [undefined, null, "", "   "].map((reason) => [...move, reason] as const)))(
    "%s → %s by %s (%s) refuses reason %j",
    (from, to, via, who, reason) => {
      const result = checkTransition(request(from, to, via, who, { reason }));
      expect(result).toMatchObject({ ok: false, field: "reason" });
      expect(result.ok || result.message).toMatch(/needs a reason\.$/);
    },
  );

  it.each<[Stage, Stage, Via, Who]>([
    ["INQUIRY", "MQL", "qualification", "system"],
    ["MQL", "SAL", "handover", "assigned rep"],
    ["INQUIRY", "SAL", "manual", "owning rep"],
    ["SAL", "SQL", "manual", "owning rep"],
    ["OPPORTUNITY", "WON", "manual", "sales manager"],
    ["DISQUALIFIED", "MQL", "dispute", "sales manager"],
  ])("%s → %s by %s needs no reason, amount or date", (from, to, via, who) => {
    expect(checkTransition(request(from, to, via, who, { reason: null, amount: null, expectedCloseDate: null }))).toEqual({ ok: true });
  });

  const opportunity = (extra: Partial<TransitionRequest>) => checkTransition(request("SQL", "OPPORTUNITY", "manual", "owning rep", extra));

  it.each([undefined, null, 0, -100, Number.NaN])("refuses an opportunity with amount %s", (amount) => {
    expect(opportunity({ amount })).toEqual({ ok: false, message: "An opportunity needs an amount greater than zero.", field: "amount" });
  });

  it("asks for the amount before the date", () => {
    expect(opportunity({ amount: null, expectedCloseDate: null })).toMatchObject({ field: "amount" });
  });

  it.each([undefined, null, new Date("not a date")])("refuses an opportunity with close date %s", (expectedCloseDate) => {
    expect(opportunity({ expectedCloseDate })).toEqual({ ok: false, message: "An opportunity needs an expected close date.", field: "expectedCloseDate" });
  });

  it.each(["2026-03-09T23:59:59.999Z", "2025-12-31T00:00:00Z"])("refuses a close date in the past (%s)", (date) => {
    expect(opportunity({ expectedCloseDate: new Date(date) })).toEqual({
      ok: false,
      message: "The expected close date cannot be in the past.",
      field: "expectedCloseDate",
    });
  });

  it.each(["2026-03-10T00:00:00Z", "2026-03-10T23:00:00Z", "2026-03-11T00:00:00Z"])("accepts a close date of today or later (%s)", (date) => {
    expect(opportunity({ expectedCloseDate: new Date(date), amount: 0.01 })).toEqual({ ok: true });
  });
});

describe("manualMoves", () => {
  const moves = (from: Stage, who: Who, lead: TransitionRequest["lead"] = repLead) =>
    manualMoves(from, PEOPLE[who]!, lead).sort((a, b) => a.to.localeCompare(b.to));

  it.each<[Stage, Who, { to: Stage; needs: string[] }[]]>([
    ["INQUIRY", "owning rep", [{ to: "SAL", needs: [] }]],
    ["INQUIRY", "marketer", [{ to: "DISQUALIFIED", needs: ["reason"] }]],
    ["SAL", "owning rep", [{ to: "DISQUALIFIED", needs: ["reason"] }, { to: "NURTURE", needs: ["reason"] }, { to: "SQL", needs: [] }]],
    ["SQL", "sales manager", [{ to: "DISQUALIFIED", needs: ["reason"] }, { to: "NURTURE", needs: ["reason"] }, { to: "OPPORTUNITY", needs: ["amount", "closeDate"] }]],
    ["OPPORTUNITY", "owning rep", [{ to: "LOST", needs: ["reason"] }, { to: "WON", needs: [] }]],
    ["NURTURE", "marketing manager", [{ to: "DISQUALIFIED", needs: ["reason"] }]],
    ["SAL", "other rep", []],
    ["SAL", "marketer", []],
    ["SQL", "CRO", []],
    ["SQL", "admin", []],
    ["MQL", "assigned rep", []],
    ["MQL", "sales manager", []],
    ["WON", "sales manager", []],
    ["LOST", "owning rep", []],
  ])("from %s, %s may", (from, who, expectedMoves) => {
    expect(moves(from, who)).toEqual(expectedMoves);
  });

  it("never lets sales take a marketing inquiry past the definition and the handover", () => {
    for (const who of ["sales manager", "owning rep"] as const) {
      const result = checkTransition(request("INQUIRY", "SAL", "manual", who, { lead: marketingLead }));
      expect(result.ok).toBe(false);
    }
    expect(moves("INQUIRY", "sales manager", marketingLead)).toEqual([]);
  });

  it("offers a rep nothing on a lead marketing owns", () => {
    expect(moves("INQUIRY", "owning rep", marketingLead)).toEqual([]);
    expect(moves("SAL", "sales manager", marketingLead).map((move) => move.to)).toEqual(["DISQUALIFIED", "NURTURE", "SQL"]);
  });

  it.each(STAGES.flatMap((from) => EVERYONE.filter((who) => who !== "system").map((who) => [from, who] as const)))(
    "from %s, offers %s exactly the moves the server would accept",
    (from, who) => {
      const accepted = STAGES.filter((to) => checkTransition(request(from, to, "manual", who)).ok);
      expect(moves(from, who).map((move) => move.to)).toEqual(accepted.sort());
    },
  );
});

describe("ownerTeam", () => {
  it.each<[Stage, "marketing" | "sales"]>([
    ["INQUIRY", "marketing"],
    ["MQL", "marketing"],
    ["SAL", "sales"],
    ["SQL", "sales"],
    ["OPPORTUNITY", "sales"],
    ["WON", "sales"],
    ["LOST", "sales"],
    ["NURTURE", "marketing"],
    ["DISQUALIFIED", "marketing"],
  ])("%s belongs to %s", (stage, team) => {
    expect(ownerTeam(stage)).toBe(team);
  });
});
