// Threads: lazy creation, idempotent posting, mentions and replies, edits and deletions, and who may read what.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { postMessageAction } from "@/lib/messaging/actions";
import { deleteMessage, editMessage, postMessage } from "@/lib/messaging/service";
import { getThreadChanges, getThreadPage, listMentionCandidates } from "@/lib/messaging/queries";
import { THREAD_PAGE_SIZE } from "@/lib/messaging/rules";
import { signInAs } from "./support/session";
import { makeActiveDefinition, makeLead, makeUser } from "./support/factories";
import { key, messagingSnapshot } from "./support/messaging";

type User = Awaited<ReturnType<typeof makeUser>>;
let rep: User, marketer: User, admin: User, manager: User, leftRep: User;
let leadId: string;
const team = { subjectType: "TEAM" as const, subjectId: "team" };
const onLead = () => ({ subjectType: "LEAD" as const, subjectId: leadId });
const notificationsOf = (user: User) => db().notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  await makeActiveDefinition();
  rep = await makeUser("SALES_REP", { email: "sam@tandem.test", name: "Sam Rivera" });
  await makeUser("SALES_REP", { email: "sam@elsewhere.test", name: "Sam Other" });
  marketer = await makeUser("MARKETER", { email: "alex@tandem.test", name: "Alex Chen" });
  manager = await makeUser("SALES_MANAGER", { email: "morgan@tandem.test", name: "Morgan Blake" });
  admin = await makeUser("ADMIN", { email: "casey@tandem.test", name: "Casey Nguyen" });
  leftRep = await makeUser("SALES_REP", { email: "gone@tandem.test", active: false });
  leadId = (await makeLead(marketer, { name: "Acme Buyer", companySize: 5 })).id;
});

describe("posting", () => {
  it("creates a subject's thread on its first message, once, even when two people post at the same moment", async () => {
    expect(await getThreadPage(marketer, onLead())).toMatchObject({ messages: [], hasOlder: false });
    expect(await db().thread.count()).toBe(0);
    await Promise.all([postMessage(marketer, { ...onLead(), body: "One", clientKey: key() }), postMessage(manager, { ...onLead(), body: "Two", clientKey: key() })]);
    expect(await db().thread.count()).toBe(1);
    expect((await getThreadPage(rep, onLead()))!.messages.map((message) => message.body).sort()).toEqual(["One", "Two"]);
  });

  it("posts a double-submitted message once, sequentially or at the same moment", async () => {
    signInAs(marketer);
    const input = { ...team, body: "Webinar leads are in @morgan", clientKey: key() };
    const first = await postMessageAction(input);
    const again = await postMessageAction(input);
    expect(again).toEqual(first);
    const racing = { ...input, clientKey: key() };
    const results = await Promise.all([postMessageAction(racing), postMessageAction(racing), postMessageAction(racing)]);
    expect(new Set(results.map((result) => (result.ok ? result.data.id : "failed"))).size).toBe(1);
    expect(await db().message.count({ where: { clientKey: { in: [input.clientKey, racing.clientKey] } } })).toBe(2);
    expect(await db().notification.count({ where: { userId: manager.id, kind: "MENTION" } })).toBe(2);
  });

  it("writes as the signed-in user whatever the input claims, and refuses bad input with field errors", async () => {
    signInAs(rep);
    const result = await postMessageAction({ ...team, body: "Mine", clientKey: key(), authorId: marketer.id });
    expect(result).toMatchObject({ ok: true, data: { author: { id: rep.id, name: "Sam Rivera" } } });
    const before = await messagingSnapshot();
    expect(await postMessageAction({ ...team, body: "   ", clientKey: key() })).toMatchObject({ ok: false, fieldErrors: { body: ["Write a message"] } });
    expect(await postMessageAction({ ...team, body: "x".repeat(5001), clientKey: key() })).toMatchObject({ ok: false, fieldErrors: { body: ["At most 5,000 characters"] } });
    expect(await postMessageAction({ ...team, body: "ok", clientKey: "<script>" })).toMatchObject({ ok: false, fieldErrors: { clientKey: [expect.any(String)] } });
    expect(await postMessageAction({ subjectType: "PROJECT", subjectId: "x", body: "ok", clientKey: key() })).toMatchObject({ ok: false, fieldErrors: { subjectType: [expect.any(String)] } });
    expect(await postMessageAction({ subjectType: "LEAD", subjectId: "no-such-lead", body: "ok", clientKey: key() })).toEqual({ ok: false, formError: "That conversation does not exist, or you may not see it." });
    expect(await postMessageAction({ subjectType: "TEAM", subjectId: "another-team", body: "ok", clientKey: key() })).toMatchObject({ ok: false });
    expect(await messagingSnapshot()).toEqual(before);
  });
});

describe("mentions and replies", () => {
  it("notifies the people mentioned who may see the thread, and replies to its other participants", async () => {
    const before = { admin: (await notificationsOf(admin)).length, rep: (await notificationsOf(rep)).length };
    // @sam is two people (two domains): nobody. @gone is inactive: nobody. @casey (admin) may not read leads: nobody.
    const message = await postMessage(manager, { ...onLead(), body: "@alex can you check? cc @sam @gone @casey @nobody", clientKey: key() });
    expect(await db().mention.findMany({ where: { messageId: message.id }, select: { userId: true } })).toEqual([{ userId: marketer.id }]);
    const alex = await db().notification.findMany({ where: { userId: marketer.id, sourceId: message.id } });
    expect(alex).toEqual([expect.objectContaining({ kind: "MENTION", link: `/leads/${leadId}#message-${message.id}`, summary: "Morgan Blake mentioned you in the thread on Acme Buyer: @alex can you check? cc @sam @gone @casey @nobody" })]);
    expect((await notificationsOf(admin)).length).toBe(before.admin);
    expect((await notificationsOf(rep)).length).toBe(before.rep);
    expect(await db().notification.count({ where: { userId: leftRep.id } })).toBe(0);

    // The marketer answers: the manager (a participant) gets a reply; the marketer nothing for their own message.
    const answer = await postMessage(marketer, { ...onLead(), body: "Done.", clientKey: key() });
    expect(await db().notification.findMany({ where: { sourceId: answer.id }, select: { userId: true, kind: true } })).toEqual([{ userId: manager.id, kind: "REPLY" }]);
  });

  it("lets an admin be mentioned in the team channel, with no replies there", async () => {
    const message = await postMessage(manager, { ...team, body: "@casey please add a rep", clientKey: key() });
    expect(await db().notification.findMany({ where: { sourceId: message.id }, select: { userId: true, kind: true, link: true } })).toEqual([
      { userId: admin.id, kind: "MENTION", link: `/messages#message-${message.id}` },
    ]);
  });

  it("completes handles from active people who may read the thread", async () => {
    expect(await listMentionCandidates("TEAM", "ca")).toEqual([{ handle: "casey", name: "Casey Nguyen", role: "Admin" }]);
    expect(await listMentionCandidates("LEAD", "ca")).toEqual([]);
    expect((await listMentionCandidates("LEAD", "sam")).map((candidate) => candidate.name)).toEqual(["Sam Other", "Sam Rivera"]);
    expect((await listMentionCandidates("LEAD", "rivera")).map((candidate) => candidate.handle)).toEqual(["sam"]);
    expect(await listMentionCandidates("TEAM", "gone")).toEqual([]);
  });
});

describe("editing and deleting", () => {
  it("shows an edit, notifies people newly mentioned once, and refuses a stale version", async () => {
    const message = await postMessage(manager, { ...onLead(), body: "Call them today", clientKey: key() });
    const edited = await editMessage(manager, { messageId: message.id, version: 1, body: "Call them today, @alex" });
    expect(edited).toMatchObject({ body: "Call them today, @alex", version: 2, editedAt: expect.any(String) });
    await editMessage(manager, { messageId: message.id, version: 2, body: "Call them today, @alex!" });
    expect(await db().notification.count({ where: { sourceId: message.id, userId: marketer.id, kind: "MENTION" } })).toBe(1);
    await expect(editMessage(manager, { messageId: message.id, version: 1, body: "Stale" })).rejects.toThrow(/changed since you opened it/);
    const changes = await getThreadChanges(rep, onLead(), new Date(Date.now() - 1000));
    expect(changes!.find((change) => change.id === message.id)).toMatchObject({ body: "Call them today, @alex!", version: 3 });
    expect(await db().auditEvent.count({ where: { action: "message.edited", entityId: message.id } })).toBe(2);
  });

  it("removes a deleted message's text from the thread, the database and the inbox", async () => {
    const message = await postMessage(manager, { ...onLead(), body: "Secret pricing for @alex", clientKey: key() });
    await deleteMessage(manager, { messageId: message.id, version: 1 });
    const shown = (await getThreadPage(rep, onLead()))!.messages.find((row) => row.id === message.id);
    expect(shown).toMatchObject({ body: null, deletedAt: expect.any(String), author: { id: manager.id } });
    expect((await db().message.findUniqueOrThrow({ where: { id: message.id } })).body).toBe("");
    expect(await db().mention.count({ where: { messageId: message.id } })).toBe(0);
    const notice = await db().notification.findFirstOrThrow({ where: { sourceId: message.id } });
    expect(notice.summary).toBe("Morgan Blake deleted a message in the thread on Acme Buyer.");
    expect(JSON.stringify(await getThreadChanges(rep, onLead(), new Date(0)))).not.toContain("Secret pricing");
    await expect(editMessage(manager, { messageId: message.id, version: 2, body: "Back" })).rejects.toThrow(/was deleted/);
  });
});

describe("campaign threads", () => {
  it("are open to whoever reads campaigns, and notify from the campaign's page", async () => {
    const campaign = await db().campaign.create({ data: { name: "Q4 Webinar", channel: "WEBINAR", startsAt: new Date(), ownerId: marketer.id }, select: { id: true } });
    const subject = { subjectType: "CAMPAIGN" as const, subjectId: campaign.id };
    const message = await postMessage(rep, { ...subject, body: "Great leads from this one @alex", clientKey: key() });
    expect(await db().notification.findFirstOrThrow({ where: { sourceId: message.id } })).toMatchObject({
      userId: marketer.id,
      link: `/campaigns/${campaign.id}#message-${message.id}`,
      summary: "Sam Rivera mentioned you in the campaign Q4 Webinar: Great leads from this one @alex",
    });
    expect(await getThreadPage(admin, subject)).toBeNull();
    await expect(postMessage(admin, { ...subject, body: "Hi", clientKey: key() })).rejects.toThrow(/may not see it/);
    await expect(postMessage(rep, { subjectType: "CAMPAIGN", subjectId: "no-such-campaign", body: "Hi", clientKey: key() })).rejects.toThrow(/does not exist/);
  });
});

describe("reading", () => {
  it("shows a thread only to those who may see its subject", async () => {
    expect(await getThreadPage(admin, onLead())).toBeNull();
    expect(await getThreadChanges(admin, onLead(), new Date(0))).toBeNull();
    expect(await getThreadPage(admin, team)).not.toBeNull();
    expect(await getThreadPage(rep, { subjectType: "HANDOVER", subjectId: "missing" })).toBeNull();
  });

  it("pages a long thread from the newest, with older pages before a message", async () => {
    const otherLead = (await makeLead(marketer, { companySize: 5 })).id;
    const subject = { subjectType: "LEAD" as const, subjectId: otherLead };
    const start = Date.now() - 3_600_000;
    for (let index = 0; index < THREAD_PAGE_SIZE + 5; index += 1) {
      await postMessage(rep, { ...subject, body: `Note ${index}`, clientKey: key() }, new Date(start + index * 1000));
    }
    const newest = (await getThreadPage(rep, subject))!;
    expect(newest.hasOlder).toBe(true);
    expect(newest.messages.map((message) => message.body).at(-1)).toBe(`Note ${THREAD_PAGE_SIZE + 4}`);
    expect(newest.messages).toHaveLength(THREAD_PAGE_SIZE);
    const older = (await getThreadPage(rep, subject, { before: newest.messages[0]!.id }))!;
    expect(older).toMatchObject({ hasOlder: false });
    expect(older.messages.map((message) => message.body)).toEqual(["Note 0", "Note 1", "Note 2", "Note 3", "Note 4"]);
  });
});
