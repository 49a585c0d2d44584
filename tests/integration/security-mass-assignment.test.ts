// Mass assignment: fields a caller must never set (role, owner, stage, score, version, timestamps, ids, authors,
// status...) added to any action's input change nothing. First for every action found on disk: its own schema, given
// its valid example plus every protected key it does not legitimately take (and prototype keys), produces exactly what
// the example alone produces. Then with real writes: the rows the creating and editing actions write hold the
// server's values, not the caller's.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createLeadAction, updateLeadAction } from "@/lib/leads/actions";
import { createCampaignAction } from "@/lib/campaigns/actions";
import { createGoalAction } from "@/lib/goals/actions";
import { postMessageAction } from "@/lib/messaging/actions";
import { answerPulseAction } from "@/lib/pulse/actions";
import { createRequestAction } from "@/lib/requests/actions";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { changeRoleAction, createUserAction } from "@/lib/users/actions";
import { logTouchAction } from "@/lib/touches/actions";
import { PROTECTED_KEYS, PROTOTYPE_KEYS } from "../support/fuzz";
import { ACTION_CATALOG, discoverActions } from "./support/action-catalog";
import { makeActiveDefinition, makeLead, makeUser } from "./support/factories";
import { spy } from "./support/pipeline-spy";
import { signInAs } from "./support/session";

vi.mock("@/lib/actions/pipeline", async (original) => (await import("./support/pipeline-spy")).spyOn(await original()));

const actions = await discoverActions();

/** Hostile values for the protected keys: each would matter if it were written. */
function extras(attackerId: string): Record<string, unknown> {
  const values: Record<string, unknown> = {
    role: "ADMIN",
    ownerId: attackerId,
    stage: "WON",
    score: 999,
    version: 77,
    createdAt: "2000-01-01T00:00:00.000Z",
    updatedAt: "2000-01-01T00:00:00.000Z",
    id: "chosen-by-the-caller",
    authorId: attackerId,
    createdById: attackerId,
    status: "AGREED",
    active: false,
    passwordHash: "$2a$04$chosenbythecallerchosenbythecallerchosenbythecall",
    apiKeyId: "key-of-the-caller",
    qualifiedVersion: 99,
    revision: 99,
    signatures: [{ side: "SALES", userId: attackerId }],
    actorId: attackerId,
    repId: attackerId,
    requesterId: attackerId,
    month: "2000-01-01",
    hash: "chosen",
    userId: attackerId,
    at: "2000-01-01T00:00:00.000Z",
  };
  for (const key of PROTECTED_KEYS) expect(values, `a hostile value for ${key}`).toHaveProperty(key);
  return values;
}

/** `input` with the hostile extras it does not legitimately take, and own `__proto__`/`constructor` keys. */
function withExtras(input: Record<string, unknown>, attackerId: string, takes: string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = { ...input };
  for (const [key, value] of Object.entries(extras(attackerId))) if (!takes.includes(key)) result[key] = value;
  for (const key of PROTOTYPE_KEYS) Object.defineProperty(result, key, { value: { role: "ADMIN", polluted: true }, enumerable: true, writable: true, configurable: true });
  return result;
}

describe("every action's schema drops the fields a caller may not set", () => {
  for (const { key, action } of actions) {
    it(`${key}`, async () => {
      const entry = ACTION_CATALOG[key];
      expect(entry, `${key} has no entry in support/action-catalog.ts`).toBeDefined();
      signInAs(null);
      await action(entry!.example);
      const { schema } = spy.last!;
      const clean = schema.parse(entry!.example);
      const dirty = schema.parse(withExtras(entry!.example, "attacker", entry!.takes));
      // Exactly what the example alone gives: no extra key survives, none changes a value.
      expect(dirty).toEqual(clean);
      expect(Object.getPrototypeOf(dirty)).toBe(Object.prototype);
      for (const protectedKey of PROTECTED_KEYS) {
        if (!entry!.takes?.includes(protectedKey)) expect(Object.hasOwn(dirty as object, protectedKey), `${key} keeps ${protectedKey}`).toBe(false);
      }
    });
  }
});

describe("the rows written hold the server's values, whatever the caller adds", () => {
  const users = {} as Record<"rep" | "manager" | "marketer" | "admin" | "attacker", { id: string; role: string }>;
  const recent = () => expect.toSatisfy((date: Date) => Date.now() - date.getTime() < 5 * 60_000);

  beforeAll(async () => {
    await makeActiveDefinition();
    users.rep = await makeUser("SALES_REP");
    users.manager = await makeUser("SALES_MANAGER");
    users.marketer = await makeUser("MARKETER");
    users.admin = await makeUser("ADMIN");
    users.attacker = await makeUser("SALES_REP");
  });

  afterAll(async () => {
    // Nobody's role or access changed, and no object's prototype was touched.
    const after = await db().user.findMany({ where: { id: { in: Object.values(users).map((user) => user.id) } }, select: { id: true, role: true, active: true } });
    for (const user of after) expect({ role: user.role, active: user.active }).toEqual({ role: Object.values(users).find((u) => u.id === user.id)!.role, active: true });
    expect(({} as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).role).toBeUndefined();
  });

  const call = async <T,>(as: { id: string }, run: () => Promise<T>) => {
    signInAs(as);
    const result = (await run()) as { ok: boolean; data?: unknown; formError?: string };
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    return result.data as Record<string, unknown>;
  };
  const attacker = () => users.attacker.id;

  it("a new lead: id, stage, score, owner, creator, version and dates are the server's", async () => {
    const example = ACTION_CATALOG["lib/leads/actions.ts#createLeadAction"]!.example;
    const { id } = await call(users.marketer, () => createLeadAction(withExtras({ ...example, email: "mass.lead@example.test" }, attacker())));
    const lead = await db().lead.findUniqueOrThrow({ where: { id: id as string } });
    expect(lead.id).not.toBe("chosen-by-the-caller");
    expect(lead).toMatchObject({ ownerId: users.marketer.id, createdById: users.marketer.id, createdAt: recent() });
    // Qualifying and handing it over bump the version: still the server's count, not the caller's 77 or 99.
    expect(lead.version).toBeLessThan(5);
    expect(lead.qualifiedVersion === null || lead.qualifiedVersion < 99).toBe(true);
    expect(["INQUIRY", "MQL"]).toContain(lead.stage);
    expect(lead.score).toBeLessThan(999);
  });

  it("an edited lead: stage, score, owner and creation date stay as they were", async () => {
    const created = await makeLead({ id: users.marketer.id, role: "MARKETER" });
    const before = await db().lead.findUniqueOrThrow({ where: { id: created.id } });
    await call(users.marketer, () => updateLeadAction(withExtras({ id: created.id, version: before.version, name: "Renamed Lead", company: created.company }, attacker(), ["version", "id"])));
    const after = await db().lead.findUniqueOrThrow({ where: { id: created.id } });
    expect(after).toMatchObject({ name: "Renamed Lead", stage: before.stage, ownerId: before.ownerId, createdById: before.createdById, createdAt: before.createdAt, version: before.version + 1 });
    expect(after.score).toBeLessThan(999);
  });

  it("a new campaign: id, version and dates are the server's", async () => {
    const example = ACTION_CATALOG["lib/campaigns/actions.ts#createCampaignAction"]!.example;
    const { id } = await call(users.marketer, () => createCampaignAction(withExtras({ ...example, ownerId: users.marketer.id }, attacker(), ["ownerId"])));
    expect(await db().campaign.findUniqueOrThrow({ where: { id: id as string } })).toMatchObject({ ownerId: users.marketer.id, version: 1, createdAt: recent() });
  });

  it("a new goal: a draft by its author, version 1, no signatures", async () => {
    const example = ACTION_CATALOG["lib/goals/actions.ts#createGoalAction"]!.example;
    const { id } = await call(users.manager, () => createGoalAction(withExtras(example, attacker())));
    const goal = await db().goal.findUniqueOrThrow({ where: { id: id as string }, include: { signatures: true } });
    expect(goal).toMatchObject({ status: "DRAFT", version: 1, createdById: users.manager.id, createdAt: recent(), signatures: [] });
  });

  it("a message: its author is the signed-in user", async () => {
    const example = ACTION_CATALOG["lib/messaging/actions.ts#postMessageAction"]!.example;
    await call(users.rep, () => postMessageAction(withExtras(example, attacker())));
    const message = await db().message.findFirstOrThrow({ where: { clientKey: example.clientKey as string } });
    expect(message).toMatchObject({ authorId: users.rep.id, version: 1, createdAt: recent(), editedAt: null, deletedAt: null });
  });

  it("a pulse answer: the rep's own, for this month", async () => {
    const example = ACTION_CATALOG["lib/pulse/actions.ts#answerPulseAction"]!.example;
    await call(users.rep, () => answerPulseAction(withExtras(example, attacker(), ["version"])));
    const answer = await db().pulseAnswer.findFirstOrThrow({ where: { repId: users.rep.id } });
    expect(answer.month.getUTCFullYear()).toBe(new Date().getUTCFullYear());
    expect(await db().pulseAnswer.count({ where: { repId: users.attacker.id } })).toBe(0);
  });

  it("a help request: open, asked by the signed-in rep", async () => {
    const example = ACTION_CATALOG["lib/requests/actions.ts#createRequestAction"]!.example;
    await call(users.rep, () => createRequestAction(withExtras(example, attacker())));
    expect(await db().helpRequest.findFirstOrThrow({ where: { clientKey: example.clientKey as string } })).toMatchObject({ requesterId: users.rep.id, status: "OPEN", version: 1, assigneeId: null, deliveryUrl: null });
  });

  it("an API key: its hash is computed, its creator is the admin, it is not revoked", async () => {
    const data = await call(users.admin, () => createApiKeyAction(withExtras({ name: "Mass assignment" }, attacker())));
    const key = await db().apiKey.findUniqueOrThrow({ where: { id: data.id as string } });
    expect(key).toMatchObject({ createdById: users.admin.id, revokedAt: null, lastUsedAt: null });
    expect(key.hash).not.toBe("chosen");
  });

  it("a new user: active, version 1, with the hash of the password given (not a hash the caller sent)", async () => {
    const example = ACTION_CATALOG["lib/users/actions.ts#createUserAction"]!.example;
    await call(users.admin, () => createUserAction(withExtras(example, attacker(), ["role"])));
    const user = await db().user.findUniqueOrThrow({ where: { email: example.email as string } });
    expect(user).toMatchObject({ role: "SALES_REP", active: true, version: 1, createdAt: recent() });
    expect(user.passwordHash).not.toBe(extras("x").passwordHash);
  });

  it("a role change: only the role changes (not the email, the password, nor whether the user is active)", async () => {
    const target = await makeUser("MARKETER");
    const before = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    await call(users.admin, () => changeRoleAction(withExtras({ userId: target.id, version: target.version, role: "MARKETING_MANAGER", email: "changed@example.test" }, attacker(), ["userId", "role", "version"])));
    const after = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after).toMatchObject({ role: "MARKETING_MANAGER", email: before.email, passwordHash: before.passwordHash, active: true, createdAt: before.createdAt });
  });

  it("a touch: logged by the signed-in user, now, and the lead's stage and score untouched", async () => {
    // A lead the rep logged: sales-sourced, the rep's own.
    const lead = await makeLead({ id: users.rep.id, role: "SALES_REP" }, { source: "OUTBOUND" });
    const before = await db().lead.findUniqueOrThrow({ where: { id: lead.id } });
    await call(users.rep, () => logTouchAction(withExtras({ leadId: lead.id, kind: "CALL", note: "Called" }, attacker())));
    const touch = await db().touch.findFirstOrThrow({ where: { leadId: lead.id } });
    expect(touch).toMatchObject({ userId: users.rep.id, at: recent() });
    const after = await db().lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(after.stage).toBe(before.stage);
    expect(after.ownerId).toBe(before.ownerId);
  });
});
