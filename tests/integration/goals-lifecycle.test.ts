import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { archiveGoalAction, createGoalAction, proposeGoalAction, signGoalAction, updateGoalAction, withdrawSignatureAction } from "@/lib/goals/actions";
import { signInAs } from "./support/session";
import { makeUser, rowCounts } from "./support/factories";
import { resetDatabase } from "./support/db";

type User = Awaited<ReturnType<typeof makeUser>>;
let salesHead: User;
let marketingHead: User;
let cro: User;
let sequence = 0;

beforeEach(async () => {
  await resetDatabase();
  [salesHead, marketingHead, cro] = await Promise.all([makeUser("SALES_MANAGER"), makeUser("MARKETING_MANAGER"), makeUser("CRO")]);
});

function as<T>(user: { id: string } | null, call: () => Promise<T>): Promise<T> {
  signInAs(user);
  return call();
}

function goalInput(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    title: "Q4 acceptance",
    metric: "MQL_ACCEPTANCE_RATE",
    target: "60",
    periodStart: "2026-10-01",
    periodEnd: "2026-12-31",
    source: "",
    campaignId: "",
    requestKey: `lifecycle-${sequence}-${Date.now()}`,
    ...overrides,
  };
}

async function goal(id: string) {
  return db().goal.findUniqueOrThrow({ where: { id }, include: { signatures: { orderBy: { side: "asc" } } } });
}

async function snapshot() {
  return { counts: await rowCounts(), goals: await db().goal.findMany({ orderBy: { id: "asc" } }), signatures: await db().goalSignature.count() };
}

async function auditTrail(entityId: string) {
  const events = await db().auditEvent.findMany({ where: { entityId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return events.map((event) => [event.action, event.actorId]);
}

async function created(result: { ok: boolean }) {
  expect(result).toMatchObject({ ok: true });
  return (result as unknown as { data: { id: string } }).data.id;
}

describe("a shared goal's life cycle", () => {
  it("is drafted, proposed (signed by the proposing head), agreed by the other head, and re-signed after an edit", async () => {
    const id = await created(await as(salesHead, () => createGoalAction(goalInput())));
    expect(await goal(id)).toMatchObject({ status: "DRAFT", version: 1, createdById: salesHead.id });
    expect(Number((await goal(id)).target)).toBe(0.6);

    expect(await proposeGoalAction({ id, version: 1 })).toEqual({ ok: true, data: { version: 2, agreed: false } });
    expect((await goal(id)).signatures).toEqual([expect.objectContaining({ side: "SALES", userId: salesHead.id, goalVersion: 1 })]);

    expect(await as(marketingHead, () => signGoalAction({ id, version: 2 }))).toEqual({ ok: true, data: { agreed: true } });
    const agreed = await goal(id);
    expect(agreed).toMatchObject({ status: "AGREED", version: 3 });
    expect(agreed.agreedAt).not.toBeNull();
    expect(agreed.signatures.map((signature) => signature.side)).toEqual(["SALES", "MARKETING"]);

    // Editing an agreed goal needs signing again: it is proposed once more, with no signatures.
    const edit = { ...goalInput({ target: "65" }), id, version: 3 };
    expect(await as(cro, () => updateGoalAction(edit))).toEqual({ ok: true, data: { version: 4, status: "PROPOSED" } });
    const reopened = await goal(id);
    expect(reopened).toMatchObject({ status: "PROPOSED", agreedAt: null, signatures: [] });
    expect(Number(reopened.target)).toBe(0.65);

    // The CRO's signature alone agrees it.
    expect(await signGoalAction({ id, version: 4 })).toEqual({ ok: true, data: { agreed: true } });
    expect(await goal(id)).toMatchObject({ status: "AGREED", signatures: [expect.objectContaining({ side: "CRO", goalVersion: 4 })] });

    expect(await auditTrail(id)).toEqual([
      ["goal.drafted", salesHead.id],
      ["goal.proposed", salesHead.id],
      ["goal.signed", salesHead.id],
      ["goal.signed", marketingHead.id],
      ["goal.agreed", marketingHead.id],
      ["goal.edited", cro.id],
      ["goal.signed", cro.id],
      ["goal.agreed", cro.id],
    ]);
    const edited = await db().auditEvent.findFirstOrThrow({ where: { entityId: id, action: "goal.edited" } });
    expect(edited.data).toEqual({ signaturesCleared: 2, reopened: true });
  });

  it("lets a head withdraw their signature while the goal collects them, and never sign twice", async () => {
    const id = await created(await as(marketingHead, () => createGoalAction(goalInput())));
    await proposeGoalAction({ id, version: 1 });
    expect(await signGoalAction({ id, version: 2 })).toEqual({ ok: false, formError: "Marketing has already signed this goal." });
    expect(await withdrawSignatureAction({ id, version: 2 })).toEqual({ ok: true, data: { version: 3 } });
    expect((await goal(id)).signatures).toEqual([]);
    expect(await withdrawSignatureAction({ id, version: 3 })).toEqual({ ok: false, formError: "Marketing has not signed this goal." });
    expect(await auditTrail(id)).toContainEqual(["goal.signature_withdrawn", marketingHead.id]);
  });

  it("refuses signatures on drafts, and any change to an archived goal", async () => {
    const id = await created(await as(cro, () => createGoalAction(goalInput())));
    expect(await as(salesHead, () => signGoalAction({ id, version: 1 }))).toMatchObject({ ok: false, formError: expect.stringMatching(/is draft/) });
    expect(await archiveGoalAction({ id, version: 1 })).toEqual({ ok: true, data: { version: 2 } });
    const before = await snapshot();
    const calls: (() => Promise<{ ok: boolean }>)[] = [
      () => updateGoalAction({ ...goalInput(), id, version: 2 }),
      () => proposeGoalAction({ id, version: 2 }),
      () => signGoalAction({ id, version: 2 }),
      () => archiveGoalAction({ id, version: 2 }),
    ];
    for (const call of calls) {
      expect(await call()).toMatchObject({ ok: false, formError: expect.stringMatching(/is archived/) });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("bad input", () => {
  it("is refused field by field, and nothing is written", async () => {
    signInAs(salesHead);
    const before = await snapshot();
    expect(await createGoalAction(goalInput({ title: "", metric: "NOPE", target: "", periodStart: "2026-13-01" }))).toMatchObject({
      ok: false,
      formError: "Some fields need attention.",
      fieldErrors: {
        title: ["Name the goal in at least 3 characters"],
        metric: ["Choose a metric"],
        target: ["Enter the target"],
        periodStart: ["Choose the first day"],
      },
    });
    expect(await createGoalAction(goalInput({ target: "120" }))).toMatchObject({ fieldErrors: { target: ["A rate is at most 100%"] } });
    expect(await createGoalAction(goalInput({ metric: "SQLS", target: "10.5" }))).toMatchObject({ fieldErrors: { target: ["Enter a whole number of leads"] } });
    expect(await createGoalAction(goalInput({ metric: "WON_AMOUNT", target: "0" }))).toMatchObject({ fieldErrors: { target: ["Enter a target above zero"] } });
    expect(await createGoalAction(goalInput({ target: "-1" }))).toMatchObject({ fieldErrors: { target: ["The target cannot be negative"] } });
    expect(await createGoalAction(goalInput({ periodEnd: "2026-09-30" }))).toMatchObject({ fieldErrors: { periodEnd: ["The last day must not be before the first"] } });
    expect(await createGoalAction(goalInput({ periodEnd: "2027-10-02" }))).toMatchObject({ fieldErrors: { periodEnd: ["A goal covers at most 366 days"] } });
    expect(await createGoalAction(goalInput({ source: "TELEPATHY" }))).toMatchObject({ fieldErrors: { source: ["Choose a source from the list"] } });
    expect(await createGoalAction(goalInput({ campaignId: "no-such-campaign" }))).toMatchObject({
      ok: false,
      fieldErrors: { campaignId: ["Choose a campaign from the list"] },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("retries and simultaneous changes", () => {
  it("makes one goal from a double-submitted form, even when both submissions arrive at once", async () => {
    signInAs(salesHead);
    const input = goalInput();
    const results = await Promise.all([createGoalAction(input), createGoalAction(input), createGoalAction(input)]);
    const ids = new Set(results.map((result) => (result as { data: { id: string } }).data.id));
    expect(ids.size).toBe(1);
    expect(await createGoalAction(input)).toEqual({ ok: true, data: { id: [...ids][0] } });
    expect(await db().goal.count()).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "goal.drafted" } })).toBe(1);
  });

  it("refuses a change made on a version someone else has changed since, and keeps theirs", async () => {
    const id = await created(await as(salesHead, () => createGoalAction(goalInput())));
    expect(await updateGoalAction({ ...goalInput({ target: "70" }), id, version: 1 })).toMatchObject({ ok: true });
    const before = await snapshot();
    expect(await updateGoalAction({ ...goalInput({ target: "50" }), id, version: 1 })).toEqual({ ok: false, formError: expect.stringMatching(CHANGED) });
    expect(await proposeGoalAction({ id, version: 1 })).toEqual({ ok: false, formError: expect.stringMatching(CHANGED) });
    expect(await snapshot()).toEqual(before);
    expect(Number((await goal(id)).target)).toBe(0.7);
  });

  it("lets exactly one of two heads signing the same version at once succeed", async () => {
    const id = await created(await as(cro, () => createGoalAction(goalInput())));
    await proposeGoalAction({ id, version: 1 });
    const results = await Promise.all([as(salesHead, () => signGoalAction({ id, version: 2 })), as(marketingHead, () => signGoalAction({ id, version: 2 }))]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect((await goal(id)).signatures).toHaveLength(1);
    expect((await goal(id)).status).toBe("PROPOSED");
  });
});

const CHANGED = /changed this goal a moment ago/;
