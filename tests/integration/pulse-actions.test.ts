import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/enums";
import { can } from "@/lib/auth/permissions";
import { answerPulseAction } from "@/lib/pulse/actions";
import { answerPulse } from "@/lib/pulse/service";
import { getMyPulse, getPulseTrend, listPulseComments } from "@/lib/pulse/queries";
import { makeUser } from "./support/factories";
import { resetDatabase } from "./support/db";
import { allRowCounts, as } from "./support/pulse-story";

const ROLES = Object.values(Role);
type User = Awaited<ReturnType<typeof makeUser>>;
let users: Record<Role, User>;

beforeEach(async () => {
  await resetDatabase();
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await makeUser(role)]))) as Record<Role, User>;
});

const answers = () => db().pulseAnswer.findMany({ orderBy: [{ month: "asc" }, { repId: "asc" }] });

describe.each(ROLES)("answering the pulse as %s", (role) => {
  it("is allowed or refused per the permission table, and a refusal changes nothing", async () => {
    const before = await allRowCounts();
    const result = await as(users[role], () => answerPulseAction({ usefulness: 4, support: 3, comment: "Fine", version: null }));
    if (!can(role, "pulse:answer")) {
      expect(result).toEqual({ ok: false, formError: expect.stringMatching(/role does not allow/) });
      expect(await allRowCounts()).toEqual(before);
      return;
    }
    expect(result).toMatchObject({ ok: true, data: { version: 1 } });
    const [answer] = await answers();
    expect(answer).toMatchObject({ repId: users[role].id, usefulness: 4, support: 3, comment: "Fine", version: 1 });
    expect(answer!.month.getUTCDate()).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "pulse.answered", entityId: answer!.id } })).toBe(1);
  });
});

describe("one answer per rep per month", () => {
  const november = new Date("2026-11-10T12:00:00Z");

  it("refuses a signed-out caller and bad input with field errors, writing nothing", async () => {
    const before = await allRowCounts();
    expect(await as(null, () => answerPulseAction({ usefulness: 4, support: 3, version: null }))).toMatchObject({ ok: false, formError: expect.stringMatching(/session/) });
    const invalid = await as(users.SALES_REP, () => answerPulseAction({ usefulness: 0, support: 9, comment: "x".repeat(1001), version: null }));
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { usefulness: [expect.any(String)], support: [expect.any(String)], comment: [expect.any(String)] } });
    expect(await allRowCounts()).toEqual(before);
  });

  it("treats a repeated first answer as the same answer, and a different one as a conflict", async () => {
    const rep = users.SALES_REP;
    const input = { usefulness: 2, support: 5, comment: null, version: null };
    expect(await answerPulse(rep, input, november)).toEqual({ month: "2026-11", version: 1 });
    expect(await answerPulse(rep, input, new Date("2026-11-30T23:59:00Z"))).toEqual({ month: "2026-11", version: 1 });
    await expect(answerPulse(rep, { ...input, usefulness: 3 }, november)).rejects.toThrow(/changed a moment ago/);
    expect(await answers()).toHaveLength(1);
  });

  it("lets the rep change the answer within the month, with the version they saw", async () => {
    const rep = users.SALES_REP;
    await answerPulse(rep, { usefulness: 2, support: 2, comment: null, version: null }, november);
    expect(await answerPulse(rep, { usefulness: 4, support: 5, comment: "Better after the webinar", version: 1 }, november)).toEqual({ month: "2026-11", version: 2 });
    // The same edit sent twice succeeds once and changes nothing the second time.
    expect(await answerPulse(rep, { usefulness: 4, support: 5, comment: "Better after the webinar", version: 1 }, november)).toEqual({ month: "2026-11", version: 2 });
    // An edit from a stale page is refused.
    await expect(answerPulse(rep, { usefulness: 1, support: 1, comment: null, version: 1 }, november)).rejects.toThrow(/changed a moment ago/);
    expect(await answers()).toEqual([expect.objectContaining({ usefulness: 4, support: 5, comment: "Better after the webinar", version: 2 })]);
    expect(await db().auditEvent.count({ where: { action: "pulse.changed" } })).toBe(1);
  });

  it("starts a new answer in a new month, and the last month's can no longer change", async () => {
    const rep = users.SALES_REP;
    await answerPulse(rep, { usefulness: 3, support: 3, comment: null, version: null }, november);
    const december = new Date("2026-12-01T00:00:00Z");
    await expect(answerPulse(rep, { usefulness: 5, support: 5, comment: null, version: 1 }, december)).rejects.toThrow(/has ended/);
    await answerPulse(rep, { usefulness: 5, support: 4, comment: null, version: null }, december);
    expect((await answers()).map((answer) => [answer.month.toISOString().slice(0, 10), answer.usefulness, answer.version])).toEqual([
      ["2026-11-01", 3, 1],
      ["2026-12-01", 5, 1],
    ]);
  });

  it("keeps one row when the same first answer arrives twice at once", async () => {
    const rep = users.SALES_REP;
    const input = { usefulness: 4, support: 4, comment: "Same", version: null };
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => answerPulse(rep, input, november)));
    expect(results.every((result) => result.status === "fulfilled")).toBe(true);
    expect(await answers()).toHaveLength(1);
  });

  it("is kept by the database itself: a second row for the same rep and month, or a score off the scale, is refused", async () => {
    const rep = users.SALES_REP;
    const month = new Date("2026-11-01T00:00:00Z");
    await db().pulseAnswer.create({ data: { repId: rep.id, month, usefulness: 3, support: 3 } });
    await expect(db().pulseAnswer.create({ data: { repId: rep.id, month, usefulness: 4, support: 4 } })).rejects.toThrow();
    await expect(db().pulseAnswer.create({ data: { repId: users.SALES_MANAGER.id, month, usefulness: 6, support: 4 } })).rejects.toThrow();
    await expect(db().pulseAnswer.create({ data: { repId: users.SALES_MANAGER.id, month: new Date("2026-11-02T00:00:00Z"), usefulness: 3, support: 4 } })).rejects.toThrow();
    expect(await answers()).toHaveLength(1);
  });
});

describe("what the pulse shows", () => {
  it("gives the rep this month's answer, and the heads the monthly averages, counts and comments newest first", async () => {
    const second = await makeUser("SALES_REP");
    const rep = users.SALES_REP;
    await answerPulse(rep, { usefulness: 2, support: 4, comment: "Too many students", version: null }, new Date("2026-09-05T00:00:00Z"));
    await answerPulse(second, { usefulness: 4, support: 5, comment: null, version: null }, new Date("2026-09-20T00:00:00Z"));
    await answerPulse(rep, { usefulness: 5, support: 3, comment: "Great event leads", version: null }, new Date("2026-11-02T00:00:00Z"));

    const now = new Date("2026-11-22T09:00:00Z");
    expect(await getMyPulse(rep.id, now)).toEqual({ month: "2026-11", monthLabel: "Nov 2026", answer: { usefulness: 5, support: 3, comment: "Great event leads", version: 1 } });
    expect(await getMyPulse(second.id, now)).toMatchObject({ answer: null });

    const trend = await getPulseTrend(3, now);
    expect(trend.points).toEqual([
      { key: "2026-09", label: "Sep 2026", responses: 2, usefulness: 3, support: 4.5 },
      { key: "2026-10", label: "Oct 2026", responses: 0, usefulness: null, support: null },
      { key: "2026-11", label: "Nov 2026", responses: 1, usefulness: 5, support: 3 },
    ]);
    expect(trend).toMatchObject({ responses: 3, usefulness: { average: 3.67, trend: { direction: "up", change: 2 } }, support: { average: 4, trend: { direction: "down", change: -1.5 } } });

    const comments = await listPulseComments(1);
    expect(comments).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect(comments.rows.map((row) => row.comment)).toEqual(["Great event leads", "Too many students"]);
  });
});
