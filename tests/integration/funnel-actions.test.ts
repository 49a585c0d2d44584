import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role, type Stage } from "@/lib/db/enums";
import { can } from "@/lib/auth/permissions";
import { createLeadAction, moveLeadStageAction, resubmitLeadAction, updateLeadAction } from "@/lib/leads/actions";
import { logTouchAction } from "@/lib/touches/actions";
import { signInAs } from "./support/session";
import { leadInput, makeActiveDefinition, makeHandedOverLead, makeUser, rowCounts } from "./support/factories";

const ROLES = Object.values(Role);
const REFUSED_BY_ROLE = { ok: false, formError: expect.stringMatching(/role does not allow/) };
const DAY = 86_400_000;
const future = () => new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);

type User = Awaited<ReturnType<typeof makeUser>>;
let repA: User, repB: User, salesHead: User, marketer: User, marketingHead: User;
const byRole = {} as Record<Role, User>;
let fitCompanyId: string;
let unknownSizeCompanyId: string;
let counter = 0;

beforeAll(async () => {
  await makeActiveDefinition();
  [repA, repB, salesHead] = [await makeUser("SALES_REP"), await makeUser("SALES_REP"), await makeUser("SALES_MANAGER")];
  [marketer, marketingHead] = [await makeUser("MARKETER"), await makeUser("MARKETING_MANAGER")];
  Object.assign(byRole, { SALES_REP: repA, SALES_MANAGER: salesHead, MARKETER: marketer, MARKETING_MANAGER: marketingHead });
  byRole.CRO = await makeUser("CRO");
  byRole.ADMIN = await makeUser("ADMIN");
  const company = (name: string, size: number | null) =>
    db().company.create({ data: { name, normalizedName: name.toLowerCase(), size, industry: "Software", country: "GB" } });
  fitCompanyId = (await company("Funnel Fit Co", 250)).id;
  unknownSizeCompanyId = (await company("Funnel Unknown Co", null)).id;
});

/** A lead already at `stage`, inserted directly (its earlier history does not matter to these tests). */
async function leadAt(stage: Stage, owner: { id: string }, options: { fits?: boolean } = {}) {
  counter += 1;
  return db().lead.create({
    data: {
      name: `Funnel ${counter}`,
      email: `funnel.${counter}@customer.test`,
      title: "Head of Operations",
      companyId: options.fits === false ? unknownSizeCompanyId : fitCompanyId,
      source: "WEBINAR",
      stage,
      ownerId: owner.id,
      createdById: owner.id,
      qualifiedVersion: stage === "INQUIRY" ? null : 1,
    },
    select: { id: true, version: true },
  });
}

const history = (leadId: string) => db().stageChange.findMany({ where: { leadId }, orderBy: { at: "asc" } });

async function snapshot(leadId: string) {
  return { counts: await rowCounts(), lead: await db().lead.findUniqueOrThrow({ where: { id: leadId } }) };
}

const MOVES = [
  { from: "SAL", to: "SQL", input: { reason: "Need, budget, authority and timeline confirmed" } },
  { from: "SQL", to: "OPPORTUNITY", input: { amount: "25000", expectedCloseDate: future() } },
  { from: "OPPORTUNITY", to: "WON", input: {} },
  { from: "OPPORTUNITY", to: "LOST", input: { reason: "Chose a competitor" } },
  { from: "SAL", to: "DISQUALIFIED", input: { reason: "Student project" } },
] as const;

describe.each(ROLES.flatMap((role) => [[role, "own"], [role, "another rep's"]] as const))("moving a sales-stage lead as %s on %s lead", (role, whose) => {
  const own = whose === "own";
  const allowed = role === "SALES_MANAGER" || (role === "SALES_REP" && own);

  it.each(MOVES)("$from → $to", async ({ from, to, input }) => {
    const actor = byRole[role];
    const lead = await leadAt(from, own ? actor : repB);
    const before = await snapshot(lead.id);
    signInAs(actor);
    const result = await moveLeadStageAction({ leadId: lead.id, version: 1, to, ...input });

    if (!allowed) {
      expect(result).toEqual(can(role, "lead:move") ? { ok: false, formError: expect.stringMatching(/owning rep or a sales manager may make this change/) } : REFUSED_BY_ROLE);
      expect(await snapshot(lead.id)).toEqual(before);
      return;
    }
    expect(result).toEqual({ ok: true, data: { version: 2 } });
    const row = await db().lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row).toMatchObject({ stage: to, version: 2 });
    const reason = "reason" in input ? input.reason : null;
    const changes = await history(lead.id);
    expect(changes).toEqual([expect.objectContaining({ fromStage: from, toStage: to, actorId: actor.id, reason })]);
    expect(changes[0]!.at).toEqual(row.stageChangedAt);
    expect(await db().auditEvent.count({ where: { entityId: lead.id, action: "lead.stage_changed", actorId: actor.id } })).toBe(1);
    if (to === "OPPORTUNITY") {
      expect(row.amount?.toNumber()).toBe(25000);
      expect(row.expectedCloseDate?.toISOString().slice(0, 10)).toBe(input.expectedCloseDate);
    }
  });
});

describe("what a stage change needs", () => {
  it("refuses an opportunity without an amount or a future close date, and a loss without a reason", async () => {
    signInAs(repA);
    const sql = await leadAt("SQL", repA);
    const before = await snapshot(sql.id);
    const to = (input: object) => moveLeadStageAction({ leadId: sql.id, version: 1, to: "OPPORTUNITY", ...input });
    expect(await to({ expectedCloseDate: future() })).toEqual({ ok: false, formError: "An opportunity needs an amount greater than zero.", fieldErrors: { amount: ["An opportunity needs an amount greater than zero."] } });
    expect(await to({ amount: 100 })).toMatchObject({ ok: false, fieldErrors: { expectedCloseDate: ["An opportunity needs an expected close date."] } });
    expect(await to({ amount: 100, expectedCloseDate: "2020-01-01" })).toMatchObject({ ok: false, fieldErrors: { expectedCloseDate: ["The expected close date cannot be in the past."] } });
    expect(await to({ amount: -5, expectedCloseDate: future() })).toMatchObject({ ok: false, fieldErrors: { amount: ["The amount must be greater than zero"] } });
    expect(await to({ amount: "lots", expectedCloseDate: "soon" })).toMatchObject({ ok: false, fieldErrors: { amount: [expect.any(String)], expectedCloseDate: [expect.any(String)] } });
    expect(await snapshot(sql.id)).toEqual(before);

    const opportunity = await leadAt("OPPORTUNITY", repA);
    const lostBefore = await snapshot(opportunity.id);
    expect(await moveLeadStageAction({ leadId: opportunity.id, version: 1, to: "LOST", reason: "   " })).toMatchObject({ ok: false, fieldErrors: { reason: ["Opportunity → Lost needs a reason."] } });
    expect(await snapshot(opportunity.id)).toEqual(lostBefore);
  });

  it("refuses moves the funnel does not have, and a move made on a stale version", async () => {
    signInAs(salesHead);
    const sal = await leadAt("SAL", repA);
    expect(await moveLeadStageAction({ leadId: sal.id, version: 1, to: "WON" })).toEqual({ ok: false, formError: "A lead cannot move from SAL to Won." });
    expect(await moveLeadStageAction({ leadId: sal.id, version: 1, to: "SQL" })).toMatchObject({ ok: true });
    const before = await snapshot(sal.id);
    expect(await moveLeadStageAction({ leadId: sal.id, version: 1, to: "NURTURE", reason: "Went quiet" })).toEqual({ ok: false, formError: expect.stringMatching(/changed a moment ago/) });
    expect(await snapshot(sal.id)).toEqual(before);
  });

  it("lets exactly one of two simultaneous moves of the same lead through", async () => {
    const sal = await leadAt("SAL", repA);
    signInAs(repA);
    const results = await Promise.all([
      moveLeadStageAction({ leadId: sal.id, version: 1, to: "SQL" }),
      moveLeadStageAction({ leadId: sal.id, version: 1, to: "DISQUALIFIED", reason: "Duplicate of another account" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await history(sal.id)).toHaveLength(1);
  });

  it("keeps marketing read-only on sales stages: no moves, no edits, no touches", async () => {
    const sal = await leadAt("SAL", repA);
    const before = await snapshot(sal.id);
    for (const user of [marketer, marketingHead]) {
      signInAs(user);
      expect(await moveLeadStageAction({ leadId: sal.id, version: 1, to: "SQL" })).toMatchObject({ ok: false });
      expect(await updateLeadAction({ ...leadInput({ company: "Funnel Fit Co" }), id: sal.id, version: 1 })).toEqual({
        ok: false,
        formError: "Sales owns this lead now; marketing can read it but not change it.",
      });
      expect(await logTouchAction({ leadId: sal.id, kind: "CALL" })).toEqual({ ok: false, formError: expect.stringMatching(/^Sales holds this lead now/) });
    }
    expect(await snapshot(sal.id)).toEqual(before);
  });

  it("lets marketing disqualify an inquiry with a reason, but never move it into the sales half", async () => {
    const inquiry = await leadAt("INQUIRY", marketer, { fits: false });
    signInAs(marketer);
    expect(await moveLeadStageAction({ leadId: inquiry.id, version: 1, to: "SAL" })).toEqual({ ok: false, formError: expect.stringMatching(/this inquiry is marketing's/) });
    expect(await moveLeadStageAction({ leadId: inquiry.id, version: 1, to: "DISQUALIFIED" })).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    expect(await moveLeadStageAction({ leadId: inquiry.id, version: 1, to: "DISQUALIFIED", reason: "Spam" })).toMatchObject({ ok: true });
    expect(await history(inquiry.id)).toEqual([expect.objectContaining({ fromStage: "INQUIRY", toStage: "DISQUALIFIED", actorId: marketer.id, reason: "Spam" })]);
  });

  it("lets a rep accept a lead they logged themselves: it skips marketing's handover", async () => {
    signInAs(repA);
    const logged = await createLeadAction(leadInput());
    expect(logged).toMatchObject({ ok: true, data: { stage: "INQUIRY" } });
    const id = (logged as { data: { id: string } }).data.id;
    expect(await db().handover.count({ where: { leadId: id } })).toBe(0);
    expect(await moveLeadStageAction({ leadId: id, version: 1, to: "SAL" })).toMatchObject({ ok: true });
    expect(await db().lead.findUniqueOrThrow({ where: { id } })).toMatchObject({ stage: "SAL", ownerId: repA.id });
  });
});

describe.each(ROLES)("re-submitting a nurtured lead as %s", (role) => {
  const marketing = role === "MARKETER" || role === "MARKETING_MANAGER";

  it(marketing ? "makes it an MQL again only if it qualifies now, with a new handover" : "is refused and changes nothing", async () => {
    const nurtured = await leadAt("NURTURE", marketer);
    signInAs(byRole[role]);
    const before = await snapshot(nurtured.id);
    const result = await resubmitLeadAction({ leadId: nurtured.id, version: 1 });
    if (!marketing) {
      expect(result).toEqual(can(role, "lead:move") ? { ok: false, formError: expect.stringMatching(/Marketing may make this change/) } : REFUSED_BY_ROLE);
      expect(await snapshot(nurtured.id)).toEqual(before);
      return;
    }
    expect(result).toEqual({ ok: true, data: { version: 2 } });
    expect(await db().lead.findUniqueOrThrow({ where: { id: nurtured.id } })).toMatchObject({ stage: "MQL", score: 85, qualifiedVersion: 1 });
    expect(await history(nurtured.id)).toEqual([
      expect.objectContaining({ fromStage: "NURTURE", toStage: "MQL", actorId: byRole[role].id, reason: "Re-submitted; met lead definition v1 with 85 points" }),
    ]);
    expect(await db().handover.findMany({ where: { leadId: nurtured.id } })).toEqual([expect.objectContaining({ status: "PENDING", definitionVersion: 1 })]);

    const unfit = await leadAt("NURTURE", marketer, { fits: false });
    const unfitBefore = await snapshot(unfit.id);
    expect(await resubmitLeadAction({ leadId: unfit.id, version: 1 })).toEqual({
      ok: false,
      formError: expect.stringMatching(/^It does not meet lead definition v1: Company size is required/),
    });
    expect(await resubmitLeadAction({ leadId: unfit.id, version: 9 })).toEqual({ ok: false, formError: expect.stringMatching(/changed a moment ago/) });
    const inquiry = await leadAt("INQUIRY", marketer);
    expect(await resubmitLeadAction({ leadId: inquiry.id, version: 1 })).toMatchObject({ ok: false });
    expect(await snapshot(unfit.id)).toMatchObject({ lead: unfitBefore.lead });
    expect((await db().lead.findUniqueOrThrow({ where: { id: inquiry.id } })).stage).toBe("INQUIRY");
  });
});

// Who may log a touch on which lead (lib/touches/rules.ts): marketing on the leads it holds, a rep on their own and
// on those handed to them, a sales manager on the sales half and on leads waiting for a rep.
const TOUCH_CASES = [
  { lead: "an inquiry", setup: () => leadAt("INQUIRY", marketer, { fits: false }), may: ["marketer", "marketingHead"] },
  { lead: "a nurtured lead", setup: () => leadAt("NURTURE", marketer, { fits: false }), may: ["marketer", "marketingHead"] },
  {
    lead: "an MQL handed to rep A",
    setup: async () => ({ id: (await makeHandedOverLead({ owner: marketer, rep: repA, definitionVersion: 1 })).leadId }),
    may: ["repA", "salesHead"],
  },
  { lead: "rep A's SAL", setup: () => leadAt("SAL", repA), may: ["repA", "salesHead"] },
  { lead: "rep A's opportunity", setup: () => leadAt("OPPORTUNITY", repA), may: ["repA", "salesHead"] },
] as const;
const TOUCHERS = ["repA", "repB", "salesHead", "marketer", "marketingHead", "cro", "admin"] as const;

describe.each(TOUCH_CASES)("logging a touch on $lead", ({ setup, may }) => {
  it.each(TOUCHERS)("as %s", async (who) => {
    const actor = { repA, repB, salesHead, marketer, marketingHead, cro: byRole.CRO, admin: byRole.ADMIN }[who];
    const lead = await setup();
    const before = await snapshot(lead.id);
    signInAs(actor);
    const result = await logTouchAction({ leadId: lead.id, kind: "MEETING", note: "Discovery call booked" });
    if (!(may as readonly string[]).includes(who)) {
      expect(result).toEqual(can(actor.role, "touch:log") ? { ok: false, formError: expect.stringMatching(/not yours|holds this lead/) } : REFUSED_BY_ROLE);
      expect(await snapshot(lead.id)).toEqual(before);
      return;
    }
    expect(result).toMatchObject({ ok: true, data: { qualified: false } });
    expect(await db().touch.findMany({ where: { leadId: lead.id } })).toEqual([
      expect.objectContaining({ userId: actor.id, kind: "MEETING", note: "Discovery call booked" }),
    ]);
    expect(await db().auditEvent.count({ where: { entityId: lead.id, action: "touch.logged", actorId: actor.id } })).toBe(1);
  });
});
