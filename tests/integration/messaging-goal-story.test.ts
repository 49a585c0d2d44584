// Threads on a goal and on the story in force, as every role: who may read the subject may post; the others are
// refused and nothing changes. A mention on a goal thread reaches the person mentioned, with a link to the goal.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role, type ThreadSubject } from "@/lib/db/enums";
import { can } from "@/lib/auth/permissions";
import { mayReadSubjectType } from "@/lib/messaging/access";
import { postMessageAction } from "@/lib/messaging/actions";
import { signInAs } from "./support/session";
import { makeUser } from "./support/factories";
import { key, messagingSnapshot } from "./support/messaging";

const ROLES = Object.values(Role);
type User = Awaited<ReturnType<typeof makeUser>>;
const byRole = {} as Record<Role, User>;
const subjects = {} as Record<"GOAL" | "STORY" | "DRAFT_STORY", { subjectType: ThreadSubject; subjectId: string }>;
const STORY = { brand: "We make revenue one team.", product: "Tandem.", personas: [{ name: "CRO", messages: "One set of numbers" }] };
const HIDDEN = { ok: false, formError: "That conversation does not exist, or you may not see it." };

beforeAll(async () => {
  for (const role of ROLES) byRole[role] = await makeUser(role);
  const goal = await db().goal.create({
    data: {
      title: "Accept 60% of MQLs",
      metric: "MQL_ACCEPTANCE_RATE",
      target: 0.6,
      periodStart: new Date("2026-10-01T00:00:00Z"),
      periodEnd: new Date("2026-12-31T00:00:00Z"),
      status: "AGREED",
      createdById: byRole.CRO.id,
    },
    select: { id: true },
  });
  const active = await db().story.create({ data: { version: 1, status: "ACTIVE", content: STORY, activatedAt: new Date(), activatedVia: "SIGNATURES" }, select: { id: true } });
  const draft = await db().story.create({ data: { version: 2, status: "DRAFT", content: STORY }, select: { id: true } });
  subjects.GOAL = { subjectType: "GOAL", subjectId: goal.id };
  subjects.STORY = { subjectType: "STORY", subjectId: active.id };
  subjects.DRAFT_STORY = { subjectType: "STORY", subjectId: draft.id };
});

describe("who may read goal and story threads", () => {
  it("follows the goal:read and story:read permissions", () => {
    for (const role of ROLES) {
      expect(mayReadSubjectType(role, "GOAL")).toBe(can(role, "goal:read"));
      expect(mayReadSubjectType(role, "STORY")).toBe(can(role, "story:read"));
    }
    // The permission table lets reps and the admin read both.
    expect(mayReadSubjectType("SALES_REP", "GOAL") && mayReadSubjectType("SALES_REP", "STORY")).toBe(true);
    expect(mayReadSubjectType("ADMIN", "GOAL") && mayReadSubjectType("ADMIN", "STORY")).toBe(true);
  });
});

describe.each(ROLES)("goal and story threads as %s", (role) => {
  it.each(["GOAL", "STORY"] as const)("posts on the %s thread only when they may read it", async (type) => {
    const user = byRole[role];
    const before = await messagingSnapshot();
    signInAs(user);
    const result = await postMessageAction({ ...subjects[type], body: `On the ${type} from ${role}`, clientKey: key() });
    if (!mayReadSubjectType(role, type)) {
      expect(result).toEqual(HIDDEN);
      expect(await messagingSnapshot()).toEqual(before);
      return;
    }
    expect(result).toMatchObject({ ok: true, data: { author: { id: user.id }, body: `On the ${type} from ${role}` } });
    const thread = await db().thread.findUniqueOrThrow({ where: { subjectType_subjectId: { subjectType: type, subjectId: subjects[type].subjectId } }, include: { messages: true } });
    expect(thread.messages.some((message) => message.authorId === user.id)).toBe(true);
  });

  it("cannot comment on a story draft: only versions that have been in force have a thread", async () => {
    const before = await messagingSnapshot();
    signInAs(byRole[role]);
    const result = await postMessageAction({ ...subjects.DRAFT_STORY, body: "Early thoughts", clientKey: key() });
    expect(result.ok).toBe(false);
    expect(await messagingSnapshot()).toEqual(before);
  });
});

describe("refusals that change nothing", () => {
  it("refuses the signed-out, and a goal that does not exist", async () => {
    const before = await messagingSnapshot();
    signInAs(null);
    expect(await postMessageAction({ ...subjects.GOAL, body: "Hello", clientKey: key() })).toEqual({ ok: false, formError: "Your session has ended. Sign in again." });
    signInAs(byRole.SALES_REP);
    expect(await postMessageAction({ subjectType: "GOAL", subjectId: "no-such-goal", body: "Hello", clientKey: key() })).toEqual(HIDDEN);
    expect(await messagingSnapshot()).toEqual(before);
  });
});

describe("mentions on a goal thread", () => {
  it("notify the mentioned user with a link to the goal's thread", async () => {
    signInAs(byRole.SALES_REP);
    const handle = byRole.SALES_MANAGER.email.split("@")[0];
    const posted = await postMessageAction({ ...subjects.GOAL, body: `@${handle} can we still make this?`, clientKey: key() });
    if (!posted.ok) throw new Error("post failed");
    const notification = await db().notification.findUniqueOrThrow({
      where: { userId_kind_sourceId: { userId: byRole.SALES_MANAGER.id, kind: "MENTION", sourceId: posted.data.id } },
    });
    expect(notification.link).toBe(`/goals/${subjects.GOAL.subjectId}#message-${posted.data.id}`);
    expect(notification.summary).toContain("mentioned you in the goal Accept 60% of MQLs");
    expect(await db().mention.count({ where: { messageId: posted.data.id, userId: byRole.SALES_MANAGER.id } })).toBe(1);
  });
});
