import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role, type GoalStatus } from "@/lib/db/enums";
import { can, type Permission } from "@/lib/auth/permissions";
import { archiveGoalAction, createGoalAction, proposeGoalAction, signGoalAction, updateGoalAction, withdrawSignatureAction } from "@/lib/goals/actions";
import { signInAs } from "./support/session";
import { makeUser, rowCounts } from "./support/factories";
import { resetDatabase } from "./support/db";

const ROLES = Object.values(Role);
const REFUSED_BY_ROLE = { ok: false, formError: expect.stringMatching(/role does not allow/) };

type User = Awaited<ReturnType<typeof makeUser>>;
let users: Record<Role, User>;
let sequence = 0;

beforeEach(async () => {
  await resetDatabase();
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await makeUser(role)]))) as Record<Role, User>;
});

function as<T>(user: { id: string } | null, call: () => Promise<T>): Promise<T> {
  signInAs(user);
  return call();
}

function goalInput(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    title: "Q4 MQLs",
    metric: "MQLS",
    target: "120",
    periodStart: "2026-10-01",
    periodEnd: "2026-12-31",
    source: "",
    campaignId: "",
    requestKey: `request-key-${sequence}-${Date.now()}`,
    ...overrides,
  };
}

/** Inserts a goal directly in a given state, with the signatures it should carry. */
async function makeGoal(status: GoalStatus, sides: ("SALES" | "MARKETING" | "CRO")[] = []) {
  const signer = { SALES: users.SALES_MANAGER, MARKETING: users.MARKETING_MANAGER, CRO: users.CRO };
  return db().goal.create({
    data: {
      title: `Goal ${(sequence += 1)}`,
      metric: "MQL_ACCEPTANCE_RATE",
      target: 0.6,
      periodStart: new Date("2026-10-01T00:00:00Z"),
      periodEnd: new Date("2026-12-31T00:00:00Z"),
      status,
      createdById: users.CRO.id,
      signatures: { create: sides.map((side) => ({ side, userId: signer[side].id, goalVersion: 1 })) },
    },
    select: { id: true, version: true },
  });
}

async function goal(id: string) {
  return db().goal.findUniqueOrThrow({ where: { id }, include: { signatures: { orderBy: { side: "asc" } } } });
}

/** Every table's rows, goals and their signatures included: a refused call must leave all of them as they were. */
async function snapshot() {
  return {
    counts: await rowCounts(),
    goals: await db().goal.findMany({ orderBy: { id: "asc" } }),
    signatures: await db().goalSignature.findMany({ orderBy: { id: "asc" } }),
  };
}

interface Case {
  permission: Permission;
  setup: () => Promise<{ id: string; version: number } | null>;
  call: (ref: { id: string; version: number } | null) => Promise<{ ok: boolean }>;
  verify: (ref: { id: string; version: number } | null, actor: User) => Promise<void>;
}

const sideOf = (role: Role) => ({ SALES_MANAGER: "SALES", MARKETING_MANAGER: "MARKETING", CRO: "CRO" })[role as string];

const CASES: Record<string, Case> = {
  create: {
    permission: "goal:draft",
    setup: async () => null,
    call: () => createGoalAction(goalInput()),
    verify: async (_ref, actor) => {
      const created = await db().goal.findFirstOrThrow();
      expect(created).toMatchObject({ status: "DRAFT", metric: "MQLS", createdById: actor.id, version: 1 });
      expect(Number(created.target)).toBe(120);
    },
  },
  update: {
    permission: "goal:draft",
    setup: () => makeGoal("DRAFT"),
    call: (ref) => updateGoalAction({ ...goalInput({ metric: "SLA_COMPLIANCE", target: "90" }), ...ref }),
    verify: async (ref) => {
      const updated = await goal(ref!.id);
      expect(updated).toMatchObject({ metric: "SLA_COMPLIANCE", version: 2, status: "DRAFT" });
      expect(Number(updated.target)).toBe(0.9);
    },
  },
  propose: {
    permission: "goal:draft",
    setup: () => makeGoal("DRAFT"),
    call: (ref) => proposeGoalAction(ref),
    verify: async (ref, actor) => {
      const proposed = await goal(ref!.id);
      expect(proposed.status).toBe("PROPOSED");
      // A head who proposes signs for their team; the CRO signs separately (their signature alone agrees it).
      const side = actor.role === "CRO" ? [] : [sideOf(actor.role)];
      expect(proposed.signatures.map((signature) => signature.side)).toEqual(side);
    },
  },
  archive: {
    permission: "goal:draft",
    setup: () => makeGoal("AGREED", ["CRO"]),
    call: (ref) => archiveGoalAction(ref),
    verify: async (ref) => expect(await goal(ref!.id)).toMatchObject({ status: "ARCHIVED", version: 2 }),
  },
  sign: {
    permission: "goal:sign",
    setup: () => makeGoal("PROPOSED"),
    call: (ref) => signGoalAction(ref),
    verify: async (ref, actor) => {
      const signed = await goal(ref!.id);
      expect(signed.status).toBe(actor.role === "CRO" ? "AGREED" : "PROPOSED");
      expect(signed.signatures).toEqual([expect.objectContaining({ userId: actor.id, side: sideOf(actor.role), goalVersion: 1 })]);
    },
  },
  withdrawSignature: {
    permission: "goal:sign",
    setup: async () => {
      const created = await makeGoal("PROPOSED");
      // The signature of the side of whoever calls: all three signing sides, so each role has one to withdraw.
      for (const [side, user] of [["SALES", users.SALES_MANAGER], ["MARKETING", users.MARKETING_MANAGER], ["CRO", users.CRO]] as const) {
        await db().goalSignature.create({ data: { goalId: created.id, side, userId: user.id, goalVersion: 1 } });
      }
      return created;
    },
    call: (ref) => withdrawSignatureAction(ref),
    verify: async (ref, actor) => {
      const after = await goal(ref!.id);
      expect(after.signatures.map((signature) => signature.side)).not.toContain(sideOf(actor.role));
      expect(after.signatures).toHaveLength(2);
    },
  },
};

describe.each(ROLES)("goal actions as %s", (role) => {
  it.each(Object.keys(CASES))("%s is allowed or refused per the permission table", async (name) => {
    const spec = CASES[name]!;
    const ref = await spec.setup();
    const before = await snapshot();
    const result = await as(users[role], () => spec.call(ref));
    if (!can(role, spec.permission)) {
      expect(result).toEqual(REFUSED_BY_ROLE);
      expect(await snapshot()).toEqual(before);
      return;
    }
    expect(result).toMatchObject({ ok: true });
    await spec.verify(ref, users[role]);
  });
});

describe("without a session", () => {
  it("refuses every action and writes nothing", async () => {
    const draft = await makeGoal("DRAFT");
    const before = await snapshot();
    const calls: (() => Promise<{ ok: boolean }>)[] = [
      () => createGoalAction(goalInput()),
      () => updateGoalAction({ ...goalInput(), ...draft }),
      () => proposeGoalAction(draft),
      () => signGoalAction(draft),
      () => withdrawSignatureAction(draft),
      () => archiveGoalAction(draft),
    ];
    for (const call of calls) {
      expect(await as(null, call)).toEqual({ ok: false, formError: expect.stringMatching(/session has ended/) });
    }
    expect(await snapshot()).toEqual(before);
  });
});
