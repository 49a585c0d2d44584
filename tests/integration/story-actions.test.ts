import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/enums";
import { can, type Permission } from "@/lib/auth/permissions";
import { activateStoryAction, draftStoryAction, proposeStoryAction, signStoryAction, updateStoryAction, withdrawStoryAction } from "@/lib/story/actions";
import { getActiveStoryTeaser, getStoryOverview, getStoryVersion } from "@/lib/story/queries";
import { STORY_TEMPLATE } from "@/lib/story/defaults";
import type { StoryContent } from "@/lib/story/schemas";
import { makeUser } from "./support/factories";
import { resetDatabase } from "./support/db";
import { allRowCounts, as } from "./support/pulse-story";

const ROLES = Object.values(Role);
type User = Awaited<ReturnType<typeof makeUser>>;
let users: Record<Role, User>;

const V1: StoryContent = {
  brand: "We make revenue one team.\n\nSales and marketing agree on what counts.",
  product: "Tandem turns the teams' agreements into rules the server enforces.",
  personas: [{ name: "CRO", messages: "One set of numbers\nFewer arguments" }],
};
let v1: { id: string; version: number; revision: number };

/** Inserts a version directly (no signatures), numbered after the latest; an ACTIVE one supersedes the one in force. */
async function makeStory(status: "DRAFT" | "PROPOSED" | "ACTIVE", content: StoryContent = V1) {
  const latest = await db().story.aggregate({ _max: { version: true } });
  if (status === "ACTIVE") await db().story.updateMany({ where: { status: "ACTIVE" }, data: { status: "SUPERSEDED" } });
  return db().story.create({
    data: { version: (latest._max.version ?? 0) + 1, status, content, ...(status === "ACTIVE" && { activatedAt: new Date(), activatedVia: "SIGNATURES" }) },
    select: { id: true, version: true, revision: true },
  });
}

beforeEach(async () => {
  await resetDatabase();
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await makeUser(role)]))) as Record<Role, User>;
  v1 = await makeStory("ACTIVE");
});

const stories = () => db().story.findMany({ orderBy: { version: "asc" }, include: { signatures: { orderBy: { side: "asc" } } } });
const story = (id: string) => db().story.findUniqueOrThrow({ where: { id }, include: { signatures: true } });
const EDITED = { ...V1, product: "Tandem turns agreements into rules, and shows everyone the same numbers." };

interface Case {
  permission: Permission;
  setup: () => Promise<{ id: string; revision: number } | null>;
  call: (ref: { id: string; revision: number } | null) => Promise<{ ok: boolean }>;
  verify: (ref: { id: string; revision: number } | null, actor: User) => Promise<void>;
}

const CASES: Record<string, Case> = {
  draft: {
    permission: "story:draft",
    setup: async () => null,
    call: () => draftStoryAction({}),
    verify: async (_ref, actor) =>
      expect(await db().story.findFirstOrThrow({ where: { status: "DRAFT" } })).toMatchObject({ version: 2, createdById: actor.id, revision: 1, content: V1 }),
  },
  update: {
    permission: "story:draft",
    setup: () => makeStory("DRAFT"),
    call: (ref) => updateStoryAction({ ...ref, content: EDITED }),
    verify: async (ref) => expect(await story(ref!.id)).toMatchObject({ revision: 2, content: EDITED }),
  },
  propose: {
    permission: "story:draft",
    setup: () => makeStory("DRAFT"),
    call: (ref) => proposeStoryAction(ref),
    verify: async (ref, actor) => {
      const proposed = await story(ref!.id);
      expect(proposed).toMatchObject({ status: "PROPOSED", proposedById: actor.id, revision: 2 });
      const side = actor.role === "SALES_MANAGER" ? ["SALES"] : actor.role === "MARKETING_MANAGER" ? ["MARKETING"] : [];
      expect(proposed.signatures.map((signature) => signature.side)).toEqual(side);
    },
  },
  withdraw: {
    permission: "story:draft",
    setup: () => makeStory("DRAFT"),
    call: (ref) => withdrawStoryAction(ref),
    verify: async (ref) => expect(await story(ref!.id)).toMatchObject({ status: "WITHDRAWN", revision: 2 }),
  },
  sign: {
    permission: "story:sign",
    setup: () => makeStory("PROPOSED"),
    call: (ref) => signStoryAction(ref),
    verify: async (ref, actor) => {
      const signed = await story(ref!.id);
      expect(signed.status).toBe("PROPOSED");
      expect(signed.signatures).toEqual([expect.objectContaining({ userId: actor.id, side: actor.role === "SALES_MANAGER" ? "SALES" : "MARKETING" })]);
    },
  },
  activate: {
    permission: "story:activate",
    setup: () => makeStory("PROPOSED"),
    call: (ref) => activateStoryAction(ref),
    verify: async (ref, actor) => {
      expect(await story(ref!.id)).toMatchObject({ status: "ACTIVE", activatedVia: "CRO", activatedById: actor.id });
      expect(await story(v1.id)).toMatchObject({ status: "SUPERSEDED" });
    },
  },
};

describe.each(ROLES)("story actions as %s", (role) => {
  it.each(Object.keys(CASES))("%s is allowed or refused per the permission table", async (name) => {
    const spec = CASES[name]!;
    const ref = await spec.setup();
    const before = { counts: await allRowCounts(), stories: await stories() };
    const result = await as(users[role], () => spec.call(ref));
    if (!can(role, spec.permission)) {
      expect(result).toEqual({ ok: false, formError: expect.stringMatching(/role does not allow/) });
      expect({ counts: await allRowCounts(), stories: await stories() }).toEqual(before);
      return;
    }
    expect(result).toMatchObject({ ok: true });
    await spec.verify(ref, users[role]);
  });
});

describe("a new version of the story", () => {
  it("is drafted, edited, proposed, signed by both heads and then in force; the old one stays readable with a diff", async () => {
    const drafted = await as(users.MARKETING_MANAGER, () => draftStoryAction({}));
    expect(drafted).toMatchObject({ ok: true, data: { version: 2 } });
    const id = (drafted as { data: { id: string } }).data.id;
    expect(await as(users.MARKETING_MANAGER, () => updateStoryAction({ id, revision: 1, content: EDITED }))).toMatchObject({ ok: true });
    expect(await as(users.MARKETING_MANAGER, () => proposeStoryAction({ id, revision: 2 }))).toMatchObject({ ok: true });
    expect((await getActiveStoryTeaser())?.version).toBe(1);
    expect(await as(users.SALES_MANAGER, () => signStoryAction({ id, revision: 3 }))).toMatchObject({ ok: true, data: { activated: true } });

    expect((await stories()).map((each) => [each.version, each.status])).toEqual([
      [1, "SUPERSEDED"],
      [2, "ACTIVE"],
    ]);
    expect(await getActiveStoryTeaser()).toEqual({ version: 2, teaser: "We make revenue one team.", personas: 1 });
    const old = await getStoryVersion(1, null);
    expect(old).toMatchObject({ story: { version: 1, status: "SUPERSEDED", content: V1 }, activeVersion: 2, against: { version: 2, changed: 1 } });
    expect(old!.against!.sections.find((section) => section.key === "product")!.lines[0]).toMatchObject({ change: "changed", before: EDITED.product, after: V1.product });
    const trail = await db().auditEvent.findMany({ where: { entityId: id }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { action: true } });
    expect(trail.map((event) => event.action)).toEqual(["story.drafted", "story.edited", "story.proposed", "story.signed", "story.signed", "story.activated"]);
  });

  it("starts from the outline when there is no story yet", async () => {
    await resetDatabase();
    const head = await makeUser("SALES_MANAGER");
    expect(await as(head, () => draftStoryAction({}))).toMatchObject({ ok: true, data: { version: 1 } });
    expect((await getStoryOverview()).open).toMatchObject({ version: 1, status: "DRAFT", content: STORY_TEMPLATE });
  });

  it("loses its signatures when edited after a head signed it", async () => {
    const proposed = await makeStory("PROPOSED");
    await as(users.SALES_MANAGER, () => signStoryAction({ id: proposed.id, revision: 1 }));
    expect(await as(users.CRO, () => updateStoryAction({ id: proposed.id, revision: 2, content: EDITED }))).toMatchObject({ ok: true });
    expect(await story(proposed.id)).toMatchObject({ status: "PROPOSED", signatures: [] });
  });

  it("refuses an edit or a signature from a stale page, and a second signature for the same team", async () => {
    const proposed = await makeStory("PROPOSED");
    expect(await as(users.SALES_MANAGER, () => signStoryAction({ id: proposed.id, revision: 1 }))).toMatchObject({ ok: true });
    expect(await as(users.MARKETING_MANAGER, () => updateStoryAction({ id: proposed.id, revision: 1, content: EDITED }))).toMatchObject({ ok: false, formError: expect.stringMatching(/a moment ago/) });
    const secondSalesHead = await makeUser("SALES_MANAGER");
    expect(await as(secondSalesHead, () => signStoryAction({ id: proposed.id, revision: 2 }))).toMatchObject({ ok: false, formError: expect.stringMatching(/already signed/) });
    expect(await story(proposed.id)).toMatchObject({ status: "PROPOSED", revision: 2 });
  });

  it("refuses bad content with a message on each field, writing nothing", async () => {
    const draft = await makeStory("DRAFT");
    const before = { counts: await allRowCounts(), stories: await stories() };
    const result = await as(users.SALES_MANAGER, () => updateStoryAction({ id: draft.id, revision: 1, content: { brand: "", product: "ok", personas: [{ name: "", messages: "" }] } }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { "content.brand": [expect.any(String)], "content.personas.0.name": [expect.any(String)], "content.personas.0.messages": [expect.any(String)] } });
    expect({ counts: await allRowCounts(), stories: await stories() }).toEqual(before);
  });

  it("allows one draft at a time, even when two heads press Draft at once", async () => {
    const results = await Promise.all([as(users.SALES_MANAGER, () => draftStoryAction({})), as(users.MARKETING_MANAGER, () => draftStoryAction({}))]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db().story.count({ where: { status: "DRAFT" } })).toBe(1);
  });

  it("keeps exactly one active version in the database itself", async () => {
    await expect(db().story.create({ data: { version: 9, status: "ACTIVE", content: V1 } })).rejects.toThrow();
    expect(await db().story.count({ where: { status: "ACTIVE" } })).toBe(1);
  });

  it("compares any version with another one asked for, and ignores a version that does not exist", async () => {
    await makeStory("ACTIVE", EDITED);
    const third = await makeStory("DRAFT", { ...EDITED, personas: [...EDITED.personas, { name: "Rep", messages: "Better leads" }] });
    expect((await getStoryVersion(third.version, 1))!.against).toMatchObject({ version: 1, changed: 2 });
    expect((await getStoryVersion(third.version, 99))!.against).toMatchObject({ version: 2, changed: 1 });
    expect((await getStoryVersion(1, null))!.against).toMatchObject({ version: 2 });
    expect(await getStoryVersion(42, null)).toBeNull();
  });
});
