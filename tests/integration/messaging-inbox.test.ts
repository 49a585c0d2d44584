// The inbox: handover news written inside the handover transactions, SLA breaches noticed when someone looks,
// unread counts, the unread filter and paging.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rejectHandover } from "@/lib/handovers/service";
import { countUnread, INBOX_PAGE_SIZE, listInbox } from "@/lib/messaging/queries";
import { markNotificationRead } from "@/lib/messaging/service";
import { makeActiveDefinition, makeHandedOverLead, makeLead, makeUser } from "./support/factories";

type User = Awaited<ReturnType<typeof makeUser>>;
let rep: User, otherRep: User, marketer: User, manager: User, cro: User;
const HOUR = 3_600_000;
const kinds = async (user: User) => (await db().notification.findMany({ where: { userId: user.id }, select: { kind: true } })).map((row) => row.kind).sort();

beforeAll(async () => {
  await makeActiveDefinition();
  rep = await makeUser("SALES_REP");
  marketer = await makeUser("MARKETER");
  manager = await makeUser("SALES_MANAGER");
  cro = await makeUser("CRO");
});

describe("handover news", () => {
  it("tells the rep a qualified lead was handed to them, in the handover's own transaction", async () => {
    const lead = await makeLead(marketer);
    const handover = await db().handover.findFirstOrThrow({ where: { leadId: lead.id } });
    expect(handover.toUserId).toBe(rep.id);
    expect(await db().notification.findMany({ where: { sourceId: handover.id }, select: { userId: true, kind: true, link: true } })).toEqual([
      { userId: rep.id, kind: "HANDOVER_ASSIGNED", link: `/leads/${lead.id}` },
    ]);
  });

  it("tells marketing its lead was rejected, and why; never the rep who rejected it", async () => {
    const handed = await makeHandedOverLead({ owner: marketer, rep, definitionVersion: 1 });
    await rejectHandover(rep, { handoverId: handed.handoverId, leadVersion: 1, reasonCode: "no_budget", note: "Budget frozen" });
    const notices = await db().notification.findMany({ where: { sourceId: handed.handoverId, kind: "LEAD_REJECTED" } });
    expect(notices).toEqual([expect.objectContaining({ userId: marketer.id, link: `/leads/${handed.leadId}`, summary: expect.stringMatching(/rejected .*: No budget\.$/) })]);
  });
});

describe("SLA breaches", () => {
  it("are noticed once for the waiting rep and for sales managers, when they look", async () => {
    otherRep = await makeUser("SALES_REP");
    const late = await makeHandedOverLead({ owner: marketer, rep: otherRep, definitionVersion: 1, createdAt: new Date(Date.now() - 30 * HOUR) });
    await makeHandedOverLead({ owner: marketer, rep: otherRep, definitionVersion: 1 });
    expect(await db().notification.count({ where: { kind: "SLA_BREACH" } })).toBe(0);

    const before = await countUnread(otherRep);
    expect(await countUnread(otherRep)).toBe(before);
    const breaches = await db().notification.findMany({ where: { kind: "SLA_BREACH", userId: otherRep.id } });
    expect(breaches).toEqual([expect.objectContaining({ sourceId: late.handoverId, link: `/leads/${late.leadId}`, summary: expect.stringMatching(/waited past its SLA for your answer\.$/) })]);

    await listInbox(manager, { page: 1, unreadOnly: false });
    await listInbox(manager, { page: 1, unreadOnly: false });
    const managerNotices = await db().notification.findMany({ where: { kind: "SLA_BREACH", userId: manager.id } });
    expect(managerNotices).toEqual([expect.objectContaining({ sourceId: late.handoverId, summary: expect.stringContaining(`for ${otherRep.name}'s answer.`) })]);

    await countUnread(marketer);
    await countUnread(cro);
    expect(await kinds(cro)).toEqual([]);
    expect(await kinds(marketer)).not.toContain("SLA_BREACH");
  });
});

describe("the inbox", () => {
  it("counts unread, filters to unread and pages, newest first", async () => {
    const total = INBOX_PAGE_SIZE + 3;
    const base = Date.now() - total * 60_000;
    await db().notification.createMany({
      data: Array.from({ length: total }, (_, index) => ({ userId: cro.id, kind: "MENTION" as const, sourceId: `m${index}`, link: "/messages", summary: `Note ${index}`, createdAt: new Date(base + index * 60_000) })),
    });
    const first = await listInbox(cro, { page: 1, unreadOnly: false });
    expect(first).toMatchObject({ total, unread: total, page: 1, pageCount: 2 });
    expect(first.rows[0]).toMatchObject({ summary: `Note ${total - 1}`, read: false });
    const second = await listInbox(cro, { page: 2, unreadOnly: false });
    expect(second.rows.map((row) => row.summary)).toEqual(["Note 2", "Note 1", "Note 0"]);
    expect((await listInbox(cro, { page: 99, unreadOnly: false })).page).toBe(2);

    expect(await markNotificationRead(cro, { notificationId: first.rows[0]!.id })).toEqual({ unread: total - 1 });
    expect(await markNotificationRead(cro, { notificationId: first.rows[0]!.id })).toEqual({ unread: total - 1 });
    const unread = await listInbox(cro, { page: 1, unreadOnly: true });
    expect(unread).toMatchObject({ total: total - 1, unread: total - 1 });
    expect(unread.rows.every((row) => !row.read)).toBe(true);
    expect(await countUnread(cro)).toBe(total - 1);
  });
});
