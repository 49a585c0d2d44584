// Every messaging action as every role (and signed out): allowed ones do what they say, refused ones change no row.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role, type ThreadSubject } from "@/lib/db/enums";
import { can } from "@/lib/auth/permissions";
import { mayReadSubjectType } from "@/lib/messaging/access";
import { deleteMessageAction, editMessageAction, markAllNotificationsReadAction, markNotificationReadAction, postMessageAction } from "@/lib/messaging/actions";
import { postMessage } from "@/lib/messaging/service";
import { signInAs } from "./support/session";
import { makeActiveDefinition, makeHandedOverLead, makeLead, makeUser } from "./support/factories";
import { key, messagingSnapshot } from "./support/messaging";

const ROLES = Object.values(Role);
type User = Awaited<ReturnType<typeof makeUser>>;
const byRole = {} as Record<Role, User>;
const subjects = {} as Record<"TEAM" | "LEAD" | "HANDOVER", { subjectType: ThreadSubject; subjectId: string }>;

beforeAll(async () => {
  await makeActiveDefinition();
  for (const role of ROLES) byRole[role] = await makeUser(role);
  const marketer = byRole.MARKETER;
  const lead = await makeLead(marketer, { companySize: 5 });
  const handed = await makeHandedOverLead({ owner: marketer, rep: byRole.SALES_REP, definitionVersion: 1 });
  subjects.TEAM = { subjectType: "TEAM", subjectId: "team" };
  subjects.LEAD = { subjectType: "LEAD", subjectId: lead.id };
  subjects.HANDOVER = { subjectType: "HANDOVER", subjectId: handed.handoverId };
});

const REFUSED_HIDDEN = { ok: false, formError: "That conversation does not exist, or you may not see it." };
const SIGNED_OUT = { ok: false, formError: "Your session has ended. Sign in again." };

/** A message by `author` in the subject's thread, written through the service (as if posted earlier). */
const ownMessage = (author: User, subject: (typeof subjects)["TEAM"]) => postMessage(author, { ...subject, body: "First draft", clientKey: key() });

describe.each(ROLES)("messaging actions as %s", (role) => {
  it.each(["TEAM", "LEAD", "HANDOVER"] as const)("posts in a %s thread only when they may see its subject", async (type) => {
    const user = byRole[role];
    const before = await messagingSnapshot();
    signInAs(user);
    const result = await postMessageAction({ ...subjects[type], body: `Hello from ${role}`, clientKey: key() });
    if (!mayReadSubjectType(role, type)) {
      expect(result).toEqual(REFUSED_HIDDEN);
      expect(await messagingSnapshot()).toEqual(before);
      return;
    }
    expect(result).toMatchObject({ ok: true, data: { author: { id: user.id }, body: `Hello from ${role}`, version: 1 } });
  });

  it("edits and deletes their own message where they may see it", async () => {
    const user = byRole[role];
    const message = await ownMessage(user, subjects.TEAM);
    signInAs(user);
    expect(await editMessageAction({ messageId: message.id, version: 1, body: "Second draft" })).toMatchObject({ ok: true, data: { body: "Second draft", version: 2, editedAt: expect.any(String) } });
    expect(await deleteMessageAction({ messageId: message.id, version: 2 })).toMatchObject({ ok: true, data: { body: null, deletedAt: expect.any(String) } });
    expect(await db().message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ body: "", version: 3 });
  });

  it("cannot edit or delete someone else's message, nor one on a subject they may not see", async () => {
    const other = role === "CRO" ? byRole.SALES_REP : byRole.CRO;
    const theirs = await ownMessage(other, subjects.TEAM);
    const before = await messagingSnapshot();
    signInAs(byRole[role]);
    const notYours = { ok: false, formError: "You can only change your own messages." };
    expect(await editMessageAction({ messageId: theirs.id, version: 1, body: "Rewritten" })).toEqual(notYours);
    expect(await deleteMessageAction({ messageId: theirs.id, version: 1 })).toEqual(notYours);
    expect(await messagingSnapshot()).toEqual(before);
  });

  it("marks only their own notifications read", async () => {
    const user = byRole[role];
    const sender = role === "CRO" ? byRole.SALES_REP : byRole.CRO;
    const handle = user.email.split("@")[0];
    await postMessage(sender, { ...subjects.TEAM, body: `@${handle} look`, clientKey: key() });
    const mine = await db().notification.findFirstOrThrow({ where: { userId: user.id, readAt: null } });
    const someoneElses = await db().notification.create({ data: { userId: sender.id, kind: "MENTION", sourceId: `x-${role}`, link: "/messages", summary: "x" } });
    const before = await messagingSnapshot();
    signInAs(user);
    expect(await markNotificationReadAction({ notificationId: someoneElses.id })).toEqual({ ok: false, formError: "That notification does not exist." });
    expect(await messagingSnapshot()).toEqual(before);
    expect(await markNotificationReadAction({ notificationId: mine.id })).toMatchObject({ ok: true });
    expect((await db().notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeInstanceOf(Date);
    await postMessage(sender, { ...subjects.TEAM, body: `@${handle} again`, clientKey: key() });
    const unread = await db().notification.count({ where: { userId: user.id, readAt: null } });
    expect(unread).toBeGreaterThan(0);
    expect(await markAllNotificationsReadAction({})).toEqual({ ok: true, data: { marked: unread } });
    expect(await db().notification.count({ where: { userId: user.id, readAt: null } })).toBe(0);
    expect(await db().notification.count({ where: { userId: sender.id, readAt: null } })).toBeGreaterThan(0);
  });
});

describe("signed out", () => {
  it("every messaging action is refused and changes nothing", async () => {
    const message = await ownMessage(byRole.CRO, subjects.TEAM);
    const notification = await db().notification.create({ data: { userId: byRole.CRO.id, kind: "MENTION", sourceId: "signed-out", link: "/messages", summary: "x" } });
    const before = await messagingSnapshot();
    signInAs(null);
    expect(await postMessageAction({ ...subjects.TEAM, body: "Anyone?", clientKey: key() })).toEqual(SIGNED_OUT);
    expect(await editMessageAction({ messageId: message.id, version: 1, body: "Hijacked" })).toEqual(SIGNED_OUT);
    expect(await deleteMessageAction({ messageId: message.id, version: 1 })).toEqual(SIGNED_OUT);
    expect(await markNotificationReadAction({ notificationId: notification.id })).toEqual(SIGNED_OUT);
    expect(await markAllNotificationsReadAction({})).toEqual(SIGNED_OUT);
    expect(await messagingSnapshot()).toEqual(before);
  });

  it("a deactivated user is signed out for messaging too", async () => {
    const gone = await makeUser("MARKETER", { active: false });
    const before = await messagingSnapshot();
    signInAs(gone);
    expect(await postMessageAction({ ...subjects.TEAM, body: "Still here?", clientKey: key() })).toEqual(SIGNED_OUT);
    expect(await messagingSnapshot()).toEqual(before);
  });
});

it("every role holds the messaging permissions; subjects decide the rest", () => {
  for (const role of ROLES) for (const permission of ["message:read", "message:post", "inbox:read"] as const) expect(can(role, permission)).toBe(true);
});
