import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/enums";
import { can, type Permission } from "@/lib/auth/permissions";
import {
  activateDefinitionAction,
  draftDefinitionAction,
  proposeDefinitionAction,
  signDefinitionAction,
  updateDefinitionAction,
  withdrawDefinitionAction,
} from "@/lib/agreement/actions";
import { runPendingJobs } from "@/lib/jobs/service";
import { DEFAULT_RULES } from "@/lib/agreement/defaults";
import { signInAs } from "./support/session";
import { makeActiveDefinition, makeDefinition, makeUser, rowCounts, rulesWith } from "./support/factories";
import { resetDatabase } from "./support/db";

const ROLES = Object.values(Role);
const REFUSED_BY_ROLE = { ok: false, formError: expect.stringMatching(/role does not allow/) };
const CHANGED = /changed this version a moment ago/;

type User = Awaited<ReturnType<typeof makeUser>>;
let users: Record<Role, User>;
let secondMarketingHead: User;
let v1: Awaited<ReturnType<typeof makeActiveDefinition>>;
const V1_RULES = rulesWith((rules) => {
  rules.mqlThreshold = 70;
});

beforeEach(async () => {
  await resetDatabase();
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await makeUser(role)]))) as Record<Role, User>;
  secondMarketingHead = await makeUser("MARKETING_MANAGER");
  v1 = await makeActiveDefinition(V1_RULES);
});

// Activation starts the re-evaluation in the background; let it finish before the next test empties the tables.
afterEach(async () => {
  await runPendingJobs();
});

/** Signs in and calls at once: the action reads the session before its first await, so calls may overlap. */
function as<T>(user: { id: string } | null, call: () => Promise<T>): Promise<T> {
  signInAs(user);
  return call();
}

async function definitions() {
  return db().leadDefinition.findMany({ orderBy: { version: "asc" }, include: { signatures: { orderBy: { side: "asc" } } } });
}

async function definition(id: string) {
  return db().leadDefinition.findUniqueOrThrow({ where: { id }, include: { signatures: true } });
}

async function auditTrail(entityId: string) {
  const events = await db().auditEvent.findMany({ where: { entityId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return events.map((event) => ({ action: event.action, actorId: event.actorId, data: event.data }));
}

interface Case {
  permission: Permission;
  /** Puts the workspace in the state the action needs; returns the version it acts on, if any. */
  setup: () => Promise<{ id: string; revision: number } | null>;
  call: (ref: { id: string; revision: number } | null) => Promise<{ ok: boolean }>;
  /** What an allowed call leaves behind. */
  verify: (ref: { id: string; revision: number } | null, actor: User) => Promise<void>;
}

const CASES: Record<string, Case> = {
  draft: {
    permission: "agreement:draft",
    setup: async () => null,
    call: () => draftDefinitionAction({}),
    verify: async (_ref, actor) => {
      const draft = await db().leadDefinition.findFirstOrThrow({ where: { status: "DRAFT" } });
      expect(draft).toMatchObject({ version: 2, createdById: actor.id, revision: 1, rules: V1_RULES });
    },
  },
  update: {
    permission: "agreement:draft",
    setup: () => makeDefinition("DRAFT"),
    call: (ref) => updateDefinitionAction({ ...ref, rules: rulesWith((rules) => void (rules.mqlThreshold = 60)) }),
    verify: async (ref) => expect(await definition(ref!.id)).toMatchObject({ revision: 2, rules: expect.objectContaining({ mqlThreshold: 60 }) }),
  },
  propose: {
    permission: "agreement:draft",
    setup: () => makeDefinition("DRAFT"),
    call: (ref) => proposeDefinitionAction(ref),
    verify: async (ref, actor) => {
      const proposed = await definition(ref!.id);
      expect(proposed).toMatchObject({ status: "PROPOSED", proposedById: actor.id, revision: 2 });
      const side = actor.role === "SALES_MANAGER" ? ["SALES"] : actor.role === "MARKETING_MANAGER" ? ["MARKETING"] : [];
      expect(proposed.signatures.map((signature) => signature.side)).toEqual(side);
    },
  },
  withdraw: {
    permission: "agreement:draft",
    setup: () => makeDefinition("DRAFT"),
    call: (ref) => withdrawDefinitionAction(ref),
    verify: async (ref) => expect(await definition(ref!.id)).toMatchObject({ status: "WITHDRAWN", revision: 2 }),
  },
  sign: {
    permission: "agreement:sign",
    setup: () => makeDefinition("PROPOSED"),
    call: (ref) => signDefinitionAction(ref),
    verify: async (ref, actor) => {
      const signed = await definition(ref!.id);
      expect(signed.status).toBe("PROPOSED");
      expect(signed.signatures).toEqual([expect.objectContaining({ userId: actor.id, side: actor.role === "SALES_MANAGER" ? "SALES" : "MARKETING" })]);
    },
  },
  activate: {
    permission: "agreement:activate",
    setup: () => makeDefinition("PROPOSED"),
    call: (ref) => activateDefinitionAction(ref),
    verify: async (ref, actor) => {
      expect(await definition(ref!.id)).toMatchObject({ status: "ACTIVE", activatedVia: "CRO", activatedById: actor.id });
      expect(await definition(v1.id)).toMatchObject({ status: "SUPERSEDED" });
    },
  },
};

describe.each(ROLES)("agreement actions as %s", (role) => {
  it.each(Object.keys(CASES))("%s is allowed or refused per the permission table", async (name) => {
    const spec = CASES[name]!;
    const ref = await spec.setup();
    const before = { counts: await rowCounts(), definitions: await definitions() };
    const result = await as(users[role], () => spec.call(ref));

    if (!can(role, spec.permission)) {
      expect(result).toEqual(REFUSED_BY_ROLE);
      expect({ counts: await rowCounts(), definitions: await definitions() }).toEqual(before);
      return;
    }
    expect(result).toMatchObject({ ok: true });
    await spec.verify(ref, users[role]);
  });
});

describe("the lead definition's life cycle", () => {
  it("is drafted from the active version, edited, proposed and activated by the second head's signature", async () => {
    const { SALES_MANAGER: salesHead, MARKETING_MANAGER: marketingHead } = users;
    const drafted = await as(salesHead, () => draftDefinitionAction({}));
    expect(drafted).toMatchObject({ ok: true, data: { version: 2 } });
    const draftId = (drafted as { data: { id: string } }).data.id;
    expect(await definition(draftId)).toMatchObject({ status: "DRAFT", rules: V1_RULES, createdById: salesHead.id, revision: 1 });

    // Invalid rules are refused field by field and nothing is saved.
    const before = { counts: await rowCounts(), row: await definition(draftId) };
    const invalid = await updateDefinitionAction({
      id: draftId,
      revision: 1,
      rules: rulesWith((rules) => {
        rules.fit.companySize = { min: 500, max: 100 };
        rules.rejectionReasons = [];
      }),
    });
    expect(invalid).toMatchObject({
      ok: false,
      formError: "Some fields need attention.",
      fieldErrors: { "rules.fit.companySize.max": ["The minimum must not exceed the maximum"], "rules.rejectionReasons": ["Keep at least one rejection reason"] },
    });
    const unreachable = await updateDefinitionAction({ id: draftId, revision: 1, rules: rulesWith((rules) => void (rules.mqlThreshold = 999)) });
    expect(unreachable).toMatchObject({ ok: false, fieldErrors: { "rules.mqlThreshold": [expect.stringMatching(/No lead could reach 999 points/)] } });
    expect({ counts: await rowCounts(), row: await definition(draftId) }).toEqual(before);

    const v2Rules = rulesWith((rules) => void (rules.mqlThreshold = 60));
    expect(await updateDefinitionAction({ id: draftId, revision: 1, rules: v2Rules })).toEqual({ ok: true, data: { revision: 2 } });
    expect(await proposeDefinitionAction({ id: draftId, revision: 2 })).toEqual({ ok: true, data: { revision: 3 } });
    expect((await definition(draftId)).signatures).toEqual([expect.objectContaining({ side: "SALES", userId: salesHead.id })]);

    expect(await as(marketingHead, () => signDefinitionAction({ id: draftId, revision: 3 }))).toEqual({ ok: true, data: { activated: true } });
    await runPendingJobs();
    const all = await definitions();
    expect(all.map((row) => [row.version, row.status])).toEqual([
      [1, "SUPERSEDED"],
      [2, "ACTIVE"],
    ]);
    expect(all[0]!.rules).toEqual(V1_RULES);
    expect(all[1]).toMatchObject({ rules: v2Rules, activatedVia: "SIGNATURES", activatedById: marketingHead.id });
    expect(all[1]!.signatures.map((signature) => [signature.side, signature.userId])).toEqual([
      ["SALES", salesHead.id],
      ["MARKETING", marketingHead.id],
    ]);
    expect(await db().job.findFirstOrThrow()).toMatchObject({ kind: "reevaluate-leads", status: "DONE", payload: { version: 2 } });

    expect(await auditTrail(draftId)).toEqual([
      { action: "definition.drafted", actorId: salesHead.id, data: { version: 2 } },
      { action: "definition.edited", actorId: salesHead.id, data: { version: 2, signaturesCleared: 0 } },
      { action: "definition.proposed", actorId: salesHead.id, data: { version: 2 } },
      { action: "definition.signed", actorId: salesHead.id, data: { side: "SALES" } },
      { action: "definition.signed", actorId: marketingHead.id, data: { side: "MARKETING" } },
      { action: "definition.activated", actorId: marketingHead.id, data: expect.objectContaining({ version: 2, via: "SIGNATURES", leadsToReevaluate: 0 }) },
    ]);
  });

  it("lets the CRO activate a proposed version without signatures, but not a draft", async () => {
    const draft = await makeDefinition("DRAFT");
    const before = await rowCounts();
    expect(await as(users.CRO, () => activateDefinitionAction(draft))).toEqual({ ok: false, formError: expect.stringMatching(/is draft; it cannot be changed now/) });
    expect(await rowCounts()).toEqual(before);

    expect(await proposeDefinitionAction(draft)).toMatchObject({ ok: true });
    expect((await definition(draft.id)).signatures).toEqual([]);
    expect(await activateDefinitionAction({ id: draft.id, revision: 2 })).toEqual({ ok: true, data: { activated: true } });
    await runPendingJobs();
    expect(await definition(draft.id)).toMatchObject({ status: "ACTIVE", activatedVia: "CRO", activatedById: users.CRO.id, signatures: [] });
    expect(await db().leadDefinition.count({ where: { status: "ACTIVE" } })).toBe(1);
    expect(await auditTrail(draft.id)).toEqual([
      expect.objectContaining({ action: "definition.proposed", actorId: users.CRO.id }),
      expect.objectContaining({ action: "definition.activated", actorId: users.CRO.id, data: expect.objectContaining({ via: "CRO" }) }),
    ]);
  });

  it("clears the signatures of a proposed version that is edited: both heads sign again", async () => {
    const { SALES_MANAGER: salesHead, MARKETING_MANAGER: marketingHead } = users;
    const draft = await makeDefinition("DRAFT");
    expect(await as(marketingHead, () => proposeDefinitionAction(draft))).toMatchObject({ ok: true });
    const edited = await as(salesHead, () => updateDefinitionAction({ id: draft.id, revision: 2, rules: rulesWith((rules) => void (rules.sla.acceptHours = 8)) }));
    expect(edited).toEqual({ ok: true, data: { revision: 3 } });
    expect(await definition(draft.id)).toMatchObject({ status: "PROPOSED", signatures: [] });
    expect((await auditTrail(draft.id)).at(-1)).toMatchObject({ action: "definition.edited", data: { signaturesCleared: 1 } });

    // The sales head's signature alone no longer completes it: marketing signed what it read before the edit.
    expect(await signDefinitionAction({ id: draft.id, revision: 3 })).toEqual({ ok: true, data: { activated: false } });
    expect((await definition(draft.id)).status).toBe("PROPOSED");
    expect(await as(marketingHead, () => signDefinitionAction({ id: draft.id, revision: 4 }))).toEqual({ ok: true, data: { activated: true } });
    expect((await definition(draft.id)).status).toBe("ACTIVE");
  });

  it("refuses a second signature for the same side, by the same head or another", async () => {
    const draft = await makeDefinition("DRAFT");
    expect(await as(users.MARKETING_MANAGER, () => proposeDefinitionAction(draft))).toMatchObject({ ok: true });
    const before = { counts: await rowCounts(), definitions: await definitions() };
    for (const head of [users.MARKETING_MANAGER, secondMarketingHead]) {
      expect(await as(head, () => signDefinitionAction({ id: draft.id, revision: 2 }))).toEqual({
        ok: false,
        formError: "Marketing has already signed version 2.",
      });
    }
    expect({ counts: await rowCounts(), definitions: await definitions() }).toEqual(before);
  });

  it("refuses every step taken on a stale revision", async () => {
    const draft = await makeDefinition("DRAFT");
    signInAs(users.SALES_MANAGER);
    expect(await updateDefinitionAction({ ...draft, rules: rulesWith((rules) => void (rules.mqlThreshold = 65)) })).toMatchObject({ ok: true });
    const before = { counts: await rowCounts(), definitions: await definitions() };
    const stale = { id: draft.id, revision: 1 };
    expect(await updateDefinitionAction({ ...stale, rules: rulesWith((rules) => void (rules.mqlThreshold = 90)) })).toEqual({ ok: false, formError: expect.stringMatching(CHANGED) });
    expect(await proposeDefinitionAction(stale)).toEqual({ ok: false, formError: expect.stringMatching(CHANGED) });
    expect(await withdrawDefinitionAction(stale)).toEqual({ ok: false, formError: expect.stringMatching(CHANGED) });
    expect(await proposeDefinitionAction({ id: draft.id, revision: 2 })).toMatchObject({ ok: true });
    const proposedBefore = { counts: await rowCounts(), definitions: await definitions() };
    expect(await as(users.MARKETING_MANAGER, () => signDefinitionAction({ id: draft.id, revision: 2 }))).toEqual({ ok: false, formError: expect.stringMatching(CHANGED) });
    expect(await as(users.CRO, () => activateDefinitionAction({ id: draft.id, revision: 2 }))).toEqual({ ok: false, formError: expect.stringMatching(CHANGED) });
    expect({ counts: await rowCounts(), definitions: await definitions() }).toEqual(proposedBefore);
    expect(before.definitions.find((row) => row.id === draft.id)?.rules).toMatchObject({ mqlThreshold: 65 });
  });

  it("opens exactly one draft when the heads and the CRO start one at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(
        [users.SALES_MANAGER, users.MARKETING_MANAGER, users.CRO].map((user) => as(user, () => draftDefinitionAction({}))),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      for (const result of results.filter((r) => !r.ok)) {
        expect(result).toEqual({ ok: false, formError: expect.stringMatching(/already being worked on|started a moment ago/) });
      }
      const open = await db().leadDefinition.findMany({ where: { status: { in: ["DRAFT", "PROPOSED"] } } });
      expect(open).toHaveLength(1);
      expect(await db().auditEvent.count({ where: { action: "definition.drafted", entityId: open[0]!.id } })).toBe(1);
      expect(await as(users.CRO, () => withdrawDefinitionAction(open[0]!))).toMatchObject({ ok: true });
    }
    expect(await db().leadDefinition.count({ where: { status: "WITHDRAWN" } })).toBe(5);
  });

  it("refuses the CRO, an admin and a rep a signature even on a half-signed version", async () => {
    const draft = await makeDefinition("DRAFT");
    expect(await as(users.SALES_MANAGER, () => proposeDefinitionAction(draft))).toMatchObject({ ok: true });
    const before = { counts: await rowCounts(), definitions: await definitions() };
    for (const user of [users.CRO, users.ADMIN, users.SALES_REP, users.MARKETER]) {
      expect(await as(user, () => signDefinitionAction({ id: draft.id, revision: 2 }))).toEqual(REFUSED_BY_ROLE);
    }
    expect({ counts: await rowCounts(), definitions: await definitions() }).toEqual(before);
  });

  it("withdraws a proposed version: it can no longer be signed, and a new draft can start", async () => {
    const draft = await makeDefinition("DRAFT");
    signInAs(users.MARKETING_MANAGER);
    expect(await proposeDefinitionAction(draft)).toMatchObject({ ok: true });
    expect(await withdrawDefinitionAction({ id: draft.id, revision: 2 })).toMatchObject({ ok: true });
    const refused = await as(users.SALES_MANAGER, () => signDefinitionAction({ id: draft.id, revision: 3 }));
    expect(refused).toEqual({ ok: false, formError: expect.stringMatching(/is withdrawn; it cannot be changed now/) });
    expect(await draftDefinitionAction({})).toMatchObject({ ok: true, data: { version: 3 } });
    expect((await auditTrail(draft.id)).map((event) => event.action)).toEqual([
      "definition.proposed",
      "definition.signed",
      "definition.withdrawn",
    ]);
  });

  it("starts a workspace's first draft from the standard template", async () => {
    await db().leadDefinition.update({ where: { id: v1.id }, data: { status: "SUPERSEDED" } });
    const drafted = await as(users.MARKETING_MANAGER, () => draftDefinitionAction({}));
    expect(drafted).toMatchObject({ ok: true, data: { version: 2 } });
    expect((await definition((drafted as { data: { id: string } }).data.id)).rules).toEqual(DEFAULT_RULES);
  });

  it("refuses a caller without a session", async () => {
    const draft = await makeDefinition("DRAFT");
    const before = await rowCounts();
    expect(await as(null, () => proposeDefinitionAction(draft))).toEqual({ ok: false, formError: expect.stringMatching(/session has ended/) });
    expect(await rowCounts()).toEqual(before);
  });
});
