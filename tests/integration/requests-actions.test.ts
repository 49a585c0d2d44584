import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/enums";
import { can, type Permission } from "@/lib/auth/permissions";
import { cancelRequestAction, createRequestAction, deliverRequestAction, releaseRequestAction, takeRequestAction } from "@/lib/requests/actions";
import { getRequest, listRequests } from "@/lib/requests/queries";
import { makeUser } from "./support/factories";
import { resetDatabase } from "./support/db";
import { allRowCounts, as } from "./support/pulse-story";

const ROLES = Object.values(Role);
type User = Awaited<ReturnType<typeof makeUser>>;
let users: Record<Role, User>;
let marketer: User;

beforeEach(async () => {
  await resetDatabase();
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await makeUser(role)]))) as Record<Role, User>;
  marketer = users.MARKETER;
});

let keys = 0;
const input = (overrides: Record<string, unknown> = {}) => ({
  kind: "NURTURE_CAMPAIGN",
  title: "Nurture for the retail shortlist",
  details: "Three emails for the retail accounts we met at the expo.",
  accounts: "Acme Retail\nGlobex Stores",
  dueDate: "2999-01-31",
  clientKey: `key-${(keys += 1)}-abcdef`,
  ...overrides,
});

/** A request in a given state, written directly, owned by the demo rep and (when taken) the demo marketer. */
async function makeRequest(status: "OPEN" | "IN_PROGRESS" | "DELIVERED" | "CANCELLED", options: { assignee?: User; dueDate?: string } = {}) {
  const assigned = status === "IN_PROGRESS" || status === "DELIVERED";
  return db().helpRequest.create({
    data: {
      requesterId: users.SALES_REP.id,
      assigneeId: assigned ? (options.assignee ?? marketer).id : null,
      kind: "CONTENT",
      title: `A ${status.toLowerCase()} request`,
      details: "Some details for the request.",
      accounts: [],
      dueDate: new Date(`${options.dueDate ?? "2999-01-31"}T00:00:00Z`),
      status,
      deliveryUrl: status === "DELIVERED" ? "https://drive.test/done" : null,
      clientKey: `direct-${(keys += 1)}`,
    },
    select: { id: true, version: true },
  });
}

const rows = () => db().helpRequest.findMany({ orderBy: { createdAt: "asc" } });

interface Case {
  permission: Permission;
  /** Who, holding the permission, the service lets do it: the rep who asked, or the marketer working on it. */
  setup: () => Promise<{ id: string; version: number } | null>;
  call: (ref: { id: string; version: number } | null) => Promise<{ ok: boolean }>;
  /** Roles that hold the permission but whom the request's rules refuse (not theirs). */
  refusedByRecord?: Role[];
  verify: (actor: User) => Promise<void>;
}

const CASES: Record<string, Case> = {
  create: {
    permission: "request:create",
    setup: async () => null,
    call: () => createRequestAction(input()),
    verify: async (actor) =>
      expect(await rows()).toEqual([expect.objectContaining({ requesterId: actor.id, status: "OPEN", accounts: ["Acme Retail", "Globex Stores"], version: 1 })]),
  },
  take: {
    permission: "request:work",
    setup: () => makeRequest("OPEN"),
    call: (ref) => takeRequestAction(ref),
    verify: async (actor) => expect(await rows()).toEqual([expect.objectContaining({ status: "IN_PROGRESS", assigneeId: actor.id, version: 2 })]),
  },
  release: {
    permission: "request:work",
    // The marketer holding it may hand it back; the marketing manager may hand back anyone's.
    setup: () => makeRequest("IN_PROGRESS", { assignee: users.MARKETER }),
    call: (ref) => releaseRequestAction(ref),
    verify: async () => expect(await rows()).toEqual([expect.objectContaining({ status: "OPEN", assigneeId: null, version: 2 })]),
  },
  deliver: {
    permission: "request:work",
    setup: () => makeRequest("IN_PROGRESS", { assignee: users.MARKETER }),
    call: (ref) => deliverRequestAction({ ...ref, deliveryUrl: "https://drive.test/nurture" }),
    refusedByRecord: ["MARKETING_MANAGER"],
    verify: async () => expect(await rows()).toEqual([expect.objectContaining({ status: "DELIVERED", deliveryUrl: "https://drive.test/nurture", version: 2 })]),
  },
  cancel: {
    permission: "request:create",
    setup: () => makeRequest("OPEN"),
    call: (ref) => cancelRequestAction(ref),
    verify: async () => expect(await rows()).toEqual([expect.objectContaining({ status: "CANCELLED", version: 2, cancelledAt: expect.any(Date) })]),
  },
};

describe.each(ROLES)("request actions as %s", (role) => {
  it.each(Object.keys(CASES))("%s is allowed or refused, and a refusal changes nothing", async (name) => {
    const spec = CASES[name]!;
    const ref = await spec.setup();
    const before = { counts: await allRowCounts(), rows: await rows() };
    const result = await as(users[role], () => spec.call(ref));
    if (!can(role, spec.permission)) {
      expect(result).toEqual({ ok: false, formError: expect.stringMatching(/role does not allow/) });
      expect({ counts: await allRowCounts(), rows: await rows() }).toEqual(before);
      return;
    }
    if (spec.refusedByRecord?.includes(role)) {
      expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/Only the marketer working on this request/) });
      expect({ counts: await allRowCounts(), rows: await rows() }).toEqual(before);
      return;
    }
    expect(result).toMatchObject({ ok: true });
    await spec.verify(users[role]);
    expect(await db().auditEvent.count({ where: { entityType: "HelpRequest" } })).toBe(1);
  });
});

describe("asking marketing", () => {
  it("creates one request for a double submit of the same form", async () => {
    const same = input();
    const results = await as(users.SALES_REP, () => Promise.all([createRequestAction(same), createRequestAction(same), createRequestAction(same)]));
    const ids = results.map((result) => (result.ok ? result.data.id : null));
    expect(new Set(ids).size).toBe(1);
    expect(await rows()).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { action: "request.created" } })).toBe(1);
  });

  it("refuses bad input with a message on each field, writing nothing", async () => {
    const before = await allRowCounts();
    const result = await as(users.SALES_REP, () => createRequestAction(input({ kind: "POSTER", title: "", details: "short", dueDate: "2020-01-01", accounts: "" })));
    expect(result).toMatchObject({ ok: false, fieldErrors: { kind: [expect.any(String)], title: [expect.any(String)], details: [expect.any(String)], dueDate: ["The due date cannot be in the past"] } });
    const nurture = await as(users.SALES_REP, () => createRequestAction(input({ accounts: " \n " })));
    expect(nurture).toMatchObject({ ok: false, fieldErrors: { accounts: ["Name the accounts the nurture campaign is for"] } });
    expect(await allRowCounts()).toEqual(before);
  });

  it("accepts today as the due date", async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await as(users.SALES_REP, () => createRequestAction(input({ dueDate: today })))).toMatchObject({ ok: true });
  });
});

describe("working a request", () => {
  it("goes open → in progress → delivered with a link, and the requester sees it", async () => {
    const { id } = await makeRequest("OPEN");
    expect(await as(marketer, () => takeRequestAction({ id, version: 1 }))).toMatchObject({ ok: true, data: { version: 2 } });
    // A second marketer cannot take it any more, nor deliver it.
    const other = await makeUser("MARKETER");
    expect(await as(other, () => takeRequestAction({ id, version: 2 }))).toMatchObject({ ok: false, formError: expect.stringMatching(/already being worked on/) });
    expect(await as(other, () => deliverRequestAction({ id, version: 2, deliveryUrl: "https://x.test" }))).toMatchObject({ ok: false, formError: expect.stringMatching(/Take it first/) });
    // Only http(s) links close it.
    const bad = await as(marketer, () => deliverRequestAction({ id, version: 2, deliveryUrl: "javascript:alert(1)" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { deliveryUrl: [expect.any(String)] } });
    expect(await as(marketer, () => deliverRequestAction({ id, version: 2, deliveryUrl: "https://drive.test/deck" }))).toMatchObject({ ok: true, data: { version: 3 } });
    // The same delivery sent again succeeds without a change; a cancellation now is refused.
    expect(await as(marketer, () => deliverRequestAction({ id, version: 2, deliveryUrl: "https://drive.test/deck" }))).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await as(users.SALES_REP, () => cancelRequestAction({ id, version: 3 }))).toMatchObject({ ok: false, formError: expect.stringMatching(/has been delivered/) });
    const detail = await getRequest({ ...users.SALES_REP, email: users.SALES_REP.email }, id);
    expect(detail).toMatchObject({ status: "DELIVERED", deliveryUrl: "https://drive.test/deck", assignee: marketer.name, version: 3 });
    const trail = await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { at: "asc" }, select: { action: true } });
    expect(trail.map((event) => event.action)).toEqual(["request.take", "request.deliver"]);
  });

  it("refuses a step taken from a stale page, and lets a double click of take succeed once", async () => {
    const { id } = await makeRequest("OPEN");
    const [first, second] = await as(marketer, () => Promise.all([takeRequestAction({ id, version: 1 }), takeRequestAction({ id, version: 1 })]));
    expect([first, second].every((result) => result.ok)).toBe(true);
    expect(await rows()).toEqual([expect.objectContaining({ version: 2, assigneeId: marketer.id })]);
    expect(await as(marketer, () => releaseRequestAction({ id, version: 1 }))).toMatchObject({ ok: false, formError: expect.stringMatching(/changed this request a moment ago/) });
  });

  it("lets only the rep who asked cancel it", async () => {
    const { id } = await makeRequest("IN_PROGRESS");
    const otherRep = await makeUser("SALES_REP");
    expect(await as(otherRep, () => cancelRequestAction({ id, version: 1 }))).toMatchObject({ ok: false, formError: "Only the rep who asked can cancel this request." });
    expect(await as(users.SALES_REP, () => cancelRequestAction({ id, version: 1 }))).toMatchObject({ ok: true });
  });

  it("keeps a delivered request's link in the database itself", async () => {
    const { id } = await makeRequest("IN_PROGRESS");
    await expect(db().helpRequest.update({ where: { id }, data: { status: "DELIVERED" } })).rejects.toThrow();
  });
});

describe("the lists", () => {
  it("shows a rep their own, marketing what it took, the open ones by due date, and marks overdue ones", async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    const late = await makeRequest("OPEN", { dueDate: "2026-11-20" });
    const soon = await makeRequest("OPEN", { dueDate: "2026-11-25" });
    const taken = await makeRequest("IN_PROGRESS", { dueDate: "2026-11-21" });
    await makeRequest("DELIVERED", { dueDate: "2026-10-01" });
    const rep = { ...users.SALES_REP };
    const open = await listRequests(rep, "open", 1, now);
    expect(open.rows.map((row) => [row.id, row.overdue])).toEqual([
      [late.id, true],
      [soon.id, false],
    ]);
    expect((await listRequests(rep, "mine", 1, now)).total).toBe(4);
    const mine = await listRequests(marketer, "mine", 1, now);
    expect(mine.rows.map((row) => row.id)).toContain(taken.id);
    expect(mine.rows.find((row) => row.id === taken.id)?.overdue).toBe(true);
    expect(mine.rows.every((row) => row.status !== "OPEN")).toBe(true);
    expect((await listRequests(users.ADMIN, "all", 1, now)).total).toBe(0);
  });
});
