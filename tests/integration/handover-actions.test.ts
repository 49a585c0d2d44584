import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/enums";
import { can, type Permission } from "@/lib/auth/permissions";
import {
  acceptHandoverAction,
  disputeRejectionAction,
  reassignHandoverAction,
  rejectHandoverAction,
  resolveDisputeAction,
} from "@/lib/handovers/actions";
import { disputeRejection, rejectHandover } from "@/lib/handovers/service";
import { listHandovers, listLeadHandovers } from "@/lib/handovers/queries";
import { slaClock } from "@/lib/handovers/rules";
import { signInAs } from "./support/session";
import { makeActiveDefinition, makeHandedOverLead, makeLead, makeUser, rowCounts } from "./support/factories";
import { resetDatabase } from "./support/db";

const ROLES = Object.values(Role);
const HOUR = 3_600_000;
const REFUSED_BY_ROLE = { ok: false, formError: expect.stringMatching(/role does not allow/) };

type User = Awaited<ReturnType<typeof makeUser>>;
let repA: User, repB: User, inactiveRep: User, salesHead: User, marketer: User, otherMarketer: User, marketingHead: User;
const byRole = {} as Record<Role, User>;

beforeAll(async () => {
  await makeActiveDefinition();
  [repA, repB] = [await makeUser("SALES_REP"), await makeUser("SALES_REP")];
  inactiveRep = await makeUser("SALES_REP", { active: false });
  salesHead = await makeUser("SALES_MANAGER");
  [marketer, otherMarketer] = [await makeUser("MARKETER"), await makeUser("MARKETER")];
  marketingHead = await makeUser("MARKETING_MANAGER");
  Object.assign(byRole, { SALES_REP: repA, SALES_MANAGER: salesHead, MARKETER: marketer, MARKETING_MANAGER: marketingHead });
  byRole.CRO = await makeUser("CRO");
  byRole.ADMIN = await makeUser("ADMIN");
});

const handed = (rep: User = repA, options: { createdAt?: Date } = {}) => makeHandedOverLead({ owner: marketer, rep, definitionVersion: 1, ...options });

async function rejected(reasonCode = "no_budget") {
  const lead = await handed();
  await rejectHandover(repA, { handoverId: lead.handoverId, leadVersion: 1, reasonCode, note: "Budget frozen until Q3" });
  return lead;
}

async function disputed() {
  const lead = await rejected();
  await disputeRejection(marketer, { handoverId: lead.handoverId, note: "They confirmed budget last week" });
  return lead;
}

/** Everything a handover action may touch, to prove a refusal left it alone. */
async function snapshot(leadId: string) {
  return {
    counts: await rowCounts(),
    lead: await db().lead.findUniqueOrThrow({ where: { id: leadId } }),
    handovers: await db().handover.findMany({ where: { leadId }, orderBy: { createdAt: "asc" } }),
  };
}

const lead = (id: string) => db().lead.findUniqueOrThrow({ where: { id }, include: { handovers: { orderBy: { createdAt: "asc" } }, stageChanges: { orderBy: { at: "asc" } } } });

interface Case {
  permission: Permission;
  setup: () => Promise<{ leadId: string; handoverId: string }>;
  call: (ref: { leadId: string; handoverId: string }) => Promise<{ ok: boolean }>;
  verify: (ref: { leadId: string; handoverId: string }) => Promise<void>;
}

const CASES: Record<string, Case> = {
  accept: {
    permission: "handover:respond",
    setup: () => handed(),
    call: ({ handoverId }) => acceptHandoverAction({ handoverId, leadVersion: 1 }),
    verify: async ({ leadId }) => expect(await lead(leadId)).toMatchObject({ stage: "SAL", ownerId: repA.id, handovers: [expect.objectContaining({ status: "ACCEPTED" })] }),
  },
  reject: {
    permission: "handover:respond",
    setup: () => handed(),
    call: ({ handoverId }) => rejectHandoverAction({ handoverId, leadVersion: 1, reasonCode: "no_need", note: "Already solved in-house" }),
    verify: async ({ leadId }) => expect(await lead(leadId)).toMatchObject({ stage: "NURTURE", handovers: [expect.objectContaining({ status: "REJECTED", reasonCode: "no_need" })] }),
  },
  dispute: {
    permission: "handover:dispute",
    setup: () => rejected(),
    call: ({ handoverId }) => disputeRejectionAction({ handoverId, note: "They asked for a demo" }),
    verify: async ({ leadId }) => expect(await lead(leadId)).toMatchObject({ stage: "NURTURE", handovers: [expect.objectContaining({ status: "DISPUTED", disputeNote: "They asked for a demo" })] }),
  },
  resolve: {
    permission: "handover:manage",
    setup: () => disputed(),
    call: ({ handoverId }) => resolveDisputeAction({ handoverId, decision: "UPHOLD" }),
    verify: async ({ leadId }) => expect(await lead(leadId)).toMatchObject({ stage: "NURTURE", handovers: [expect.objectContaining({ status: "REJECTED", resolution: "UPHELD" })] }),
  },
  reassign: {
    permission: "handover:manage",
    setup: () => handed(),
    call: ({ handoverId }) => reassignHandoverAction({ handoverId, leadVersion: 1, toRepId: repB.id }),
    verify: async ({ leadId }) =>
      expect((await lead(leadId)).handovers.map((handover) => [handover.status, handover.toUserId])).toEqual([
        ["REASSIGNED", repA.id],
        ["PENDING", repB.id],
      ]),
  },
};

describe.each(ROLES)("handover actions as %s", (role) => {
  it.each(Object.keys(CASES))("%s is allowed or refused per the permission table", async (name) => {
    const spec = CASES[name]!;
    const ref = await spec.setup();
    const before = await snapshot(ref.leadId);
    signInAs(byRole[role]);
    const result = await spec.call(ref);
    if (!can(role, spec.permission)) {
      expect(result).toEqual(REFUSED_BY_ROLE);
      expect(await snapshot(ref.leadId)).toEqual(before);
      return;
    }
    expect(result).toMatchObject({ ok: true });
    await spec.verify(ref);
  });
});

describe("answering a handover", () => {
  it("lets only the assigned rep accept or reject: another rep's call by id changes nothing", async () => {
    const ref = await handed(repA);
    const before = await snapshot(ref.leadId);
    signInAs(repB);
    const refusal = { ok: false, formError: "This handover is assigned to another rep." };
    expect(await acceptHandoverAction({ handoverId: ref.handoverId, leadVersion: 1 })).toEqual(refusal);
    expect(await rejectHandoverAction({ handoverId: ref.handoverId, leadVersion: 1, reasonCode: "spam", note: "Not real" })).toEqual(refusal);
    expect(await snapshot(ref.leadId)).toEqual(before);

    signInAs(repA);
    expect(await acceptHandoverAction({ handoverId: ref.handoverId, leadVersion: 1 })).toEqual({ ok: true, data: { leadId: ref.leadId } });
    const row = await lead(ref.leadId);
    expect(row.stageChanges.at(-1)).toMatchObject({ fromStage: "MQL", toStage: "SAL", actorId: repA.id, reason: "Accepted the handover" });
    expect(row.handovers[0]!.respondedAt).toBeInstanceOf(Date);
    expect(await db().auditEvent.count({ where: { action: "handover.accepted", entityId: ref.handoverId, actorId: repA.id } })).toBe(1);
    expect(await acceptHandoverAction({ handoverId: ref.handoverId, leadVersion: 2 })).toEqual({ ok: false, formError: "This handover has already been answered." });
  });

  it("requires an agreed reason and a note to reject", async () => {
    const ref = await handed(repA);
    const before = await snapshot(ref.leadId);
    signInAs(repA);
    const base = { handoverId: ref.handoverId, leadVersion: 1 };
    expect(await rejectHandoverAction({ ...base, reasonCode: "made_up", note: "Because" })).toEqual({
      ok: false,
      formError: "Choose one of the agreed rejection reasons.",
      fieldErrors: { reasonCode: ["Choose one of the agreed reasons"] },
    });
    expect(await rejectHandoverAction({ ...base, reasonCode: "no_budget", note: "  " })).toMatchObject({ ok: false, fieldErrors: { note: [expect.any(String)] } });
    expect(await rejectHandoverAction({ ...base, note: "No money" })).toMatchObject({ ok: false, fieldErrors: { reasonCode: ["Choose a reason"] } });
    expect(await snapshot(ref.leadId)).toEqual(before);
  });

  it.each([
    ["no_budget", "No budget", "NURTURE"],
    ["not_icp", "Not in ideal customer profile", "DISQUALIFIED"],
  ])("rejects for %s: the lead goes where the reason says, and marketing sees why", async (reasonCode, label, stage) => {
    const ref = await handed(repA);
    signInAs(repA);
    expect(await rejectHandoverAction({ handoverId: ref.handoverId, leadVersion: 1, reasonCode, note: "Spoke to their CFO" })).toMatchObject({ ok: true });
    const row = await lead(ref.leadId);
    expect(row.stage).toBe(stage);
    expect(row.stageChanges.at(-1)).toMatchObject({ fromStage: "MQL", toStage: stage, actorId: repA.id, reason: `Rejected: ${label}. Spoke to their CFO` });
    const seen = await listLeadHandovers(marketer, ref.leadId);
    expect(seen).toEqual([expect.objectContaining({ status: "REJECTED", reasonLabel: label, note: "Spoke to their CFO", to: { id: repA.id, name: repA.name } })]);
    expect((await listHandovers(marketer, { view: "rejected", page: 1 })).rows.map((r) => r.id)).toContain(ref.handoverId);
  });
});

describe("disputes", () => {
  it("lets only the owning marketer or the marketing manager dispute, once, and only a rejection", async () => {
    const pending = await handed();
    signInAs(marketer);
    expect(await disputeRejectionAction({ handoverId: pending.handoverId, note: "Why?" })).toEqual({ ok: false, formError: "Only a rejected handover can be disputed." });

    const ref = await rejected();
    const before = await snapshot(ref.leadId);
    signInAs(otherMarketer);
    expect(await disputeRejectionAction({ handoverId: ref.handoverId, note: "Not my lead, but still" })).toEqual({
      ok: false,
      formError: "Only the marketer who owns the lead, or the marketing manager, can dispute it.",
    });
    expect(await snapshot(ref.leadId)).toEqual(before);

    signInAs(marketingHead);
    expect(await disputeRejectionAction({ handoverId: ref.handoverId, note: "They have budget" })).toMatchObject({ ok: true });
    expect((await lead(ref.leadId)).handovers[0]).toMatchObject({ status: "DISPUTED", disputedById: marketingHead.id, disputeNote: "They have budget" });
    const once = { ok: false, formError: "This rejection has already been disputed once." };
    signInAs(marketer);
    expect(await disputeRejectionAction({ handoverId: ref.handoverId, note: "Me too" })).toEqual(once);
    signInAs(salesHead);
    expect(await resolveDisputeAction({ handoverId: ref.handoverId, decision: "UPHOLD" })).toMatchObject({ ok: true });
    signInAs(marketer);
    expect(await disputeRejectionAction({ handoverId: ref.handoverId, note: "Again" })).toEqual(once);
    const row = await lead(ref.leadId);
    expect(row).toMatchObject({ stage: "NURTURE", handovers: [expect.objectContaining({ status: "REJECTED", resolution: "UPHELD", resolvedById: salesHead.id })] });
    expect(await db().auditEvent.count({ where: { entityId: ref.handoverId, action: "handover.dispute_rejected" } })).toBe(1);
  });

  it("sends the lead back to MQL with a new pending handover to another rep when sales reassigns it", async () => {
    const ref = await disputed();
    signInAs(salesHead);
    const before = await snapshot(ref.leadId);
    expect(await resolveDisputeAction({ handoverId: ref.handoverId, decision: "REASSIGN", toRepId: inactiveRep.id })).toMatchObject({
      ok: false,
      fieldErrors: { toRepId: ["Choose an active sales rep"] },
    });
    expect(await snapshot(ref.leadId)).toEqual(before);

    // "Reassign" hands the lead to another rep: not back to the one who just rejected it.
    expect(await resolveDisputeAction({ handoverId: ref.handoverId, decision: "REASSIGN", toRepId: repA.id })).toMatchObject({
      ok: false,
      fieldErrors: { toRepId: [expect.any(String)] },
    });
    expect(await snapshot(ref.leadId)).toEqual(before);

    const started = Date.now();
    expect(await resolveDisputeAction({ handoverId: ref.handoverId, decision: "REASSIGN" })).toMatchObject({ ok: true });
    const row = await lead(ref.leadId);
    expect(row.stage).toBe("MQL");
    expect(row.stageChanges.at(-1)).toMatchObject({ fromStage: "NURTURE", toStage: "MQL", actorId: salesHead.id });
    const [old, next] = row.handovers;
    expect(old).toMatchObject({ status: "REJECTED", resolution: "REASSIGNED", resolvedById: salesHead.id });
    expect(next).toMatchObject({ status: "PENDING", definitionVersion: 1, fromUserId: marketer.id });
    expect(next!.toUserId).not.toBe(repA.id);
    expect(next!.dueAt.getTime()).toBeGreaterThanOrEqual(started + 24 * HOUR);
    expect(await resolveDisputeAction({ handoverId: ref.handoverId, decision: "UPHOLD" })).toEqual({ ok: false, formError: "Only a disputed rejection can be resolved." });
  });
});

describe("reassigning a waiting handover", () => {
  it("gives the new rep a fresh due time and makes the previous rep's answer fail", async () => {
    const ref = await handed(repA, { createdAt: new Date(Date.now() - 20 * HOUR) });
    signInAs(salesHead);
    const base = { handoverId: ref.handoverId, leadVersion: 1 };
    const before = await snapshot(ref.leadId);
    for (const [toRepId, message] of [
      [repA.id, "The lead is already with this rep."],
      [inactiveRep.id, "Choose an active sales rep."],
      [marketer.id, "Choose an active sales rep."],
    ] as const) {
      expect(await reassignHandoverAction({ ...base, toRepId })).toMatchObject({ ok: false, formError: message, fieldErrors: { toRepId: [expect.any(String)] } });
    }
    expect(await reassignHandoverAction({ ...base, leadVersion: 7, toRepId: repB.id })).toEqual({ ok: false, formError: expect.stringMatching(/changed a moment ago/) });
    expect(await snapshot(ref.leadId)).toEqual(before);

    const started = Date.now();
    expect(await reassignHandoverAction({ ...base, toRepId: repB.id })).toMatchObject({ ok: true });
    const row = await lead(ref.leadId);
    expect(row).toMatchObject({ stage: "MQL", version: 2 });
    const [old, next] = row.handovers;
    expect(old).toMatchObject({ status: "REASSIGNED", toUserId: repA.id, resolvedById: salesHead.id });
    expect(next).toMatchObject({ status: "PENDING", toUserId: repB.id });
    expect(next!.createdAt.getTime()).toBeGreaterThanOrEqual(started);
    expect(next!.dueAt.getTime() - next!.createdAt.getTime()).toBe(24 * HOUR);

    signInAs(repA);
    expect(await acceptHandoverAction({ handoverId: ref.handoverId, leadVersion: 1 })).toMatchObject({ ok: false });
    signInAs(repB);
    expect(await acceptHandoverAction({ handoverId: next!.id, leadVersion: 2 })).toMatchObject({ ok: true });
    signInAs(salesHead);
    expect(await reassignHandoverAction({ handoverId: next!.id, leadVersion: 3, toRepId: repA.id })).toEqual({ ok: false, formError: "Only a waiting handover can be reassigned." });
  });
});

describe("service levels", () => {
  it("shows a handover still waiting past its due time as breached", async () => {
    const now = new Date();
    const late = await handed(repA, { createdAt: new Date(now.getTime() - 30 * HOUR) });
    const soon = await handed(repA, { createdAt: new Date(now.getTime() - 22 * HOUR) });
    const fresh = await handed(repA);
    const rows = await db().handover.findMany({ where: { id: { in: [late.handoverId, soon.handoverId, fresh.handoverId] } } });
    const state = (id: string) => slaClock(rows.find((row) => row.id === id)!, now);
    expect(state(late.handoverId)).toMatchObject({ state: "breached", breached: true, msLeft: -6 * HOUR });
    expect(state(soon.handoverId)).toMatchObject({ state: "due soon", breached: false });
    expect(state(fresh.handoverId)).toMatchObject({ state: "open", breached: false });
    const breached = await listHandovers(marketingHead, { view: "breached", page: 1 });
    expect(breached.rows.map((row) => row.id)).toContain(late.handoverId);
    expect(breached.rows.map((row) => row.id)).not.toContain(fresh.handoverId);
  });
});

describe("fair round robin", () => {
  it("spreads MQLs evenly over the active reps, skips a deactivated rep and puts a newcomer next in line", async () => {
    await resetDatabase();
    await makeActiveDefinition();
    const owner = await makeUser("MARKETER");
    const reps = [];
    for (let index = 0; index < 4; index++) reps.push(await makeUser("SALES_REP"));
    const qualify = async (count: number) => {
      for (let index = 0; index < count; index++) await makeLead(owner);
    };
    const load = async () => {
      const groups = await db().handover.groupBy({ by: ["toUserId"], _count: { _all: true } });
      return Object.fromEntries(groups.map((group) => [group.toUserId, group._count._all]));
    };

    await qualify(12);
    expect(await load()).toEqual(Object.fromEntries(reps.map((rep) => [rep.id, 3])));

    await db().user.update({ where: { id: reps[0]!.id }, data: { active: false } });
    await qualify(9);
    expect(await load()).toEqual({ [reps[0]!.id]: 3, [reps[1]!.id]: 6, [reps[2]!.id]: 6, [reps[3]!.id]: 6 });

    const newcomer = await makeUser("SALES_REP");
    const next = await makeLead(owner);
    expect(await db().handover.findFirstOrThrow({ where: { leadId: next.id } })).toMatchObject({ toUserId: newcomer.id });
  });
});
