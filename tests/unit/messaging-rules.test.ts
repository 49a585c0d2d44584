import { describe, expect, it } from "vitest";
import {
  deletedSummary,
  excerpt,
  handleOf,
  insertMention,
  mentionAtCaret,
  mentionHandles,
  mergeMessages,
  messageSummary,
  recipientsOf,
  refuseChange,
  splitMentions,
  toMessageView,
  type MessageView,
} from "@/lib/messaging/rules";

describe("handles", () => {
  it("are the lower-cased local part of the email", () => {
    expect(handleOf("rep@tandem.test")).toBe("rep");
    expect(handleOf("Sales.Manager@Tandem.test")).toBe("sales.manager");
    expect(handleOf("odd@name@example.test")).toBe("odd@name");
  });
});

describe("mentionHandles", () => {
  it.each([
    ["@rep please call", ["rep"]],
    ["Ask @sales.manager.", ["sales.manager"]],
    ["@rep and @REP and @marketer", ["rep", "marketer"]],
    ["(@rep), @first-last_1!", ["rep", "first-last_1"]],
    ["line one\n@rep on line two", ["rep"]],
    ["mail sam@tandem.test about it", []],
    ["no mention here", []],
    ["@ alone", []],
    ["email.@rep", []],
    ["`@rep` is code, @marketer is not", ["marketer"]],
    ["```\n@rep in a block\n```\n@cro", ["cro"]],
    ["```\n@rep unclosed block", []],
    ["**@rep** in bold", ["rep"]],
  ])("%j mentions %j", (body, handles) => {
    expect(mentionHandles(body)).toEqual(handles);
  });
});

describe("splitMentions", () => {
  it("splits text around mentions", () => {
    expect(splitMentions("hi @rep, see @cro")).toEqual([
      { text: "hi ", mention: false },
      { text: "@rep", mention: true },
      { text: ", see ", mention: false },
      { text: "@cro", mention: true },
    ]);
  });
  it("leaves text without mentions whole, and empty text empty", () => {
    expect(splitMentions("a@b.c plain")).toEqual([{ text: "a@b.c plain", mention: false }]);
    expect(splitMentions("")).toEqual([]);
  });
});

describe("mentionAtCaret", () => {
  it("finds the mention being typed", () => {
    expect(mentionAtCaret("hello @sa", 9)).toEqual({ query: "sa", start: 6 });
    expect(mentionAtCaret("@", 1)).toEqual({ query: "", start: 0 });
    expect(mentionAtCaret("(@rep", 5)).toEqual({ query: "rep", start: 1 });
    expect(mentionAtCaret("x\n@sales.m", 10)).toEqual({ query: "sales.m", start: 2 });
  });
  it("looks only before the caret", () => {
    expect(mentionAtCaret("@sam and more", 4)).toEqual({ query: "sam", start: 0 });
    expect(mentionAtCaret("@sam and more", 13)).toBeNull();
  });
  it("ignores emails and finished mentions", () => {
    expect(mentionAtCaret("sam@tan", 7)).toBeNull();
    expect(mentionAtCaret("@rep ", 5)).toBeNull();
    expect(mentionAtCaret("plain", 5)).toBeNull();
  });
});

describe("insertMention", () => {
  it("replaces the partial mention and puts the caret after it", () => {
    expect(insertMention("hi @sa there", 3, 6, "sam")).toEqual({ text: "hi @sam  there", caret: 8 });
    expect(insertMention("@", 0, 1, "rep")).toEqual({ text: "@rep ", caret: 5 });
  });
});

describe("recipientsOf", () => {
  it("mentions the mentioned and replies to the other participants", () => {
    expect(recipientsOf({ authorId: "a", mentionedIds: ["b"], participantIds: ["a", "b", "c", "c"], teamChannel: false })).toEqual({ mention: ["b"], reply: ["c"] });
  });
  it("never notifies the author, even when they mention themselves", () => {
    expect(recipientsOf({ authorId: "a", mentionedIds: ["a", "b", "b"], participantIds: ["a"], teamChannel: false })).toEqual({ mention: ["b"], reply: [] });
  });
  it("sends no replies in the team channel", () => {
    expect(recipientsOf({ authorId: "a", mentionedIds: ["b"], participantIds: ["b", "c"], teamChannel: true })).toEqual({ mention: ["b"], reply: [] });
  });
});

describe("summaries", () => {
  it("drop Markdown marks, fold whitespace and cut long text", () => {
    expect(excerpt("**Call** _them_ [here](https://x.test)\n\n> `now`")).toBe("Call them here now");
    expect(excerpt("a".repeat(200), 10)).toBe(`${"a".repeat(9)}…`);
    expect(excerpt("short", 10)).toBe("short");
  });
  it("say who did what where", () => {
    expect(messageSummary("MENTION", "Alex", "the team channel", "hi @rep")).toBe("Alex mentioned you in the team channel: hi @rep");
    expect(messageSummary("REPLY", "Alex", "the thread on Acme", "ok")).toBe("Alex replied in the thread on Acme: ok");
    expect(deletedSummary("Alex", "the team channel")).toBe("Alex deleted a message in the team channel.");
  });
});

describe("refuseChange", () => {
  it("lets only the author change a message that is not deleted", () => {
    expect(refuseChange("a", { authorId: "a", deletedAt: null })).toBeNull();
    expect(refuseChange("b", { authorId: "a", deletedAt: null })).toMatch(/your own/);
    expect(refuseChange("a", { authorId: "a", deletedAt: new Date() })).toMatch(/deleted/);
    expect(refuseChange("b", { authorId: "a", deletedAt: "2026-01-01T00:00:00Z" })).toMatch(/your own/);
  });
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 9, minute));
const row = (overrides: Partial<Parameters<typeof toMessageView>[0]> = {}) => ({
  id: "m1",
  author: { id: "a", name: "Alex" },
  body: "hello",
  createdAt: at(0),
  editedAt: null,
  deletedAt: null,
  updatedAt: at(0),
  version: 1,
  ...overrides,
});

describe("toMessageView", () => {
  it("shows a message as written, with its edit time", () => {
    expect(toMessageView(row({ editedAt: at(5), updatedAt: at(5), version: 2 }))).toEqual({
      id: "m1",
      author: { id: "a", name: "Alex" },
      body: "hello",
      createdAt: at(0).toISOString(),
      editedAt: at(5).toISOString(),
      deletedAt: null,
      updatedAt: at(5).toISOString(),
      version: 2,
    });
  });
  it("keeps nothing of a deleted message's text", () => {
    const view = toMessageView(row({ body: "secret", editedAt: at(2), deletedAt: at(5), updatedAt: at(5), version: 3 }));
    expect(view).toMatchObject({ body: null, editedAt: null, deletedAt: at(5).toISOString() });
    expect(JSON.stringify(view)).not.toContain("secret");
  });
});

const view = (id: string, minute: number, version = 1, body = id): MessageView => ({
  ...toMessageView(row({ id, createdAt: at(minute), updatedAt: at(minute + version - 1), version })),
  body,
});

describe("mergeMessages", () => {
  it("adds new messages in the order they were written", () => {
    expect(mergeMessages([view("b", 2)], [view("c", 3), view("a", 1)]).map((message) => message.id)).toEqual(["a", "b", "c"]);
  });
  it("orders messages written in the same millisecond by id", () => {
    expect(mergeMessages([], [view("z", 1), view("y", 1)]).map((message) => message.id)).toEqual(["y", "z"]);
  });
  it("keeps the newest version of a message seen twice", () => {
    const merged = mergeMessages([view("a", 1, 2, "edited")], [view("a", 1, 1, "stale")]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.body).toBe("edited");
    expect(mergeMessages([view("a", 1, 1, "old")], [view("a", 1, 2, "new")])[0]!.body).toBe("new");
  });
});
