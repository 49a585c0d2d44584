import { describe, expect, it } from "vitest";
import { changedSections, diffLines, diffStories } from "@/lib/story/diff";
import { defaultComparison, fullySigned, messagesOf, paragraphsOf, parseVersionNumber, signingSide, teaserOf } from "@/lib/story/rules";
import { storyContentSchema, type StoryContent } from "@/lib/story/schemas";
import { STORY_TEMPLATE } from "@/lib/story/defaults";
import { Role } from "@/lib/db/enums";

describe("paragraphs and messages", () => {
  it("splits paragraphs at blank lines, however many, and trims them", () => {
    expect(paragraphsOf("  First line\nstill first.\n\n\n  Second.  \r\n \r\nThird")).toEqual(["First line\nstill first.", "Second.", "Third"]);
    expect(paragraphsOf(" \n\n ")).toEqual([]);
  });

  it("takes one message per line, dropping blank ones", () => {
    expect(messagesOf(" Saves a day a week \r\n\n Pays back in a quarter\n")).toEqual(["Saves a day a week", "Pays back in a quarter"]);
  });
});

describe("teaserOf", () => {
  it("gives the first paragraph when it is short", () => {
    expect(teaserOf("We help revenue teams agree.\n\nMore later.")).toBe("We help revenue teams agree.");
  });

  it("cuts a long first paragraph at a word, with an ellipsis", () => {
    const teaser = teaserOf("word ".repeat(100), 40);
    expect(teaser.endsWith("…")).toBe(true);
    expect(teaser.length).toBeLessThanOrEqual(41);
    expect(teaser).not.toMatch(/wor…$/);
  });
});

describe("signing", () => {
  it("lets exactly the two heads sign, each for their team", () => {
    expect(Object.fromEntries(Object.values(Role).map((role) => [role, signingSide(role)]))).toEqual({
      SALES_REP: null,
      SALES_MANAGER: "SALES",
      MARKETER: null,
      MARKETING_MANAGER: "MARKETING",
      CRO: null,
      ADMIN: null,
    });
  });

  it("makes a version active only with both sides", () => {
    expect(fullySigned([])).toBe(false);
    expect(fullySigned(["SALES"])).toBe(false);
    expect(fullySigned(["MARKETING"])).toBe(false);
    expect(fullySigned(["SALES", "MARKETING"])).toBe(true);
  });
});

describe("defaultComparison", () => {
  it("compares a version that is not in force with the active one", () => {
    expect(defaultComparison(3, 2, [1, 2, 3])).toBe(2);
    expect(defaultComparison(1, 2, [1, 2, 3])).toBe(2);
  });

  it("compares the active version, or any version when none is active, with the one before", () => {
    expect(defaultComparison(2, 2, [1, 2, 3])).toBe(1);
    expect(defaultComparison(3, null, [1, 3])).toBe(1);
  });

  it("has nothing to compare the first version with", () => {
    expect(defaultComparison(1, 1, [1])).toBeNull();
    expect(defaultComparison(1, null, [1, 2])).toBeNull();
  });
});

describe("diffLines", () => {
  it("keeps, adds and removes whole lines", () => {
    expect(diffLines(["a", "b", "c"], ["a", "c", "d"]).map((line) => [line.change, line.before, line.after])).toEqual([
      ["same", "a", "a"],
      ["removed", "b", null],
      ["same", "c", "c"],
      ["added", null, "d"],
    ]);
  });

  it("reads a line replaced in place as rewritten, with the words that changed", () => {
    const [line] = diffLines(["We save teams a day a week."], ["We save teams two days a week."]);
    expect(line).toMatchObject({ change: "changed", before: "We save teams a day a week.", after: "We save teams two days a week." });
    expect(line!.words[0]).toEqual({ text: "We save teams ", change: null });
    expect(line!.words.some((word) => word.change === "added" && word.text.includes("two"))).toBe(true);
    // Each side can be read back from the parts: kept + removed is the old line, kept + added the new one.
    expect(line!.words.map((word) => (word.change === "added" ? "" : word.text)).join("")).toBe("We save teams a day a week.");
    expect(line!.words.map((word) => (word.change === "removed" ? "" : word.text)).join("")).toBe("We save teams two days a week.");
  });

  it("pairs as many rewritten lines as both sides have, the rest added or removed", () => {
    expect(diffLines(["x1", "x2"], ["y1"]).map((line) => line.change)).toEqual(["changed", "removed"]);
    expect(diffLines(["x1"], ["y1", "y2"]).map((line) => line.change)).toEqual(["changed", "added"]);
    expect(diffLines([], [])).toEqual([]);
  });
});

describe("diffStories", () => {
  const base: StoryContent = {
    brand: "We make revenue one team.\n\nSales and marketing agree.",
    product: "Tandem turns agreements into rules.",
    personas: [
      { name: "CRO", messages: "One number\nFewer arguments" },
      { name: "Rep", messages: "Better leads" },
    ],
  };

  it("finds no change between equal versions", () => {
    const sections = diffStories(base, structuredClone(base));
    expect(sections.map((section) => [section.title, section.change])).toEqual([
      ["Brand", "same"],
      ["Product", "same"],
      ["Key messages: CRO", "same"],
      ["Key messages: Rep", "same"],
    ]);
    expect(changedSections(sections)).toBe(0);
  });

  it("diffs paragraph by paragraph and persona by persona, matching personas by name", () => {
    const after: StoryContent = {
      brand: "We make revenue one team.\n\nSales and marketing agree, and the server enforces it.",
      product: base.product,
      personas: [
        { name: "Marketer", messages: "Credit for pipeline" },
        { name: "cro", messages: "One number\nFewer arguments\nFaster decisions" },
      ],
    };
    const sections = diffStories(base, after);
    expect(sections.map((section) => [section.title, section.change])).toEqual([
      ["Brand", "changed"],
      ["Product", "same"],
      ["Key messages: Marketer", "added"],
      ["Key messages: cro", "changed"],
      ["Key messages: Rep", "removed"],
    ]);
    expect(sections[0]!.lines.map((line) => line.change)).toEqual(["same", "changed"]);
    expect(sections[3]!.lines.map((line) => line.change)).toEqual(["same", "same", "added"]);
    expect(sections[4]!.lines).toEqual([{ change: "removed", before: "Better leads", after: null, words: [] }]);
    expect(changedSections(sections)).toBe(4);
  });
});

describe("the story schema", () => {
  it("accepts the outline a first story starts from", () => {
    expect(storyContentSchema.parse(STORY_TEMPLATE)).toEqual(STORY_TEMPLATE);
  });

  it("puts each problem where it belongs", () => {
    const result = storyContentSchema.safeParse({
      brand: " ",
      product: "Fine.",
      personas: [
        { name: "A", messages: "" },
        { name: "Buyer", messages: "x".repeat(301) },
        { name: "buyer ", messages: "ok" },
      ],
    });
    const problems = result.error!.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ["brand", "Write the brand story in a paragraph or more"],
        ["personas.0.name", "Name the persona"],
        ["personas.0.messages", "Write at least one key message, one per line"],
        ["personas.1.messages", "Keep each message under 300 characters"],
      ]),
    );
  });

  it("needs a persona, each once, and limits their number and messages", () => {
    expect(storyContentSchema.safeParse({ ...STORY_TEMPLATE, personas: [] }).error!.issues[0]!.path).toEqual(["personas"]);
    const twice = storyContentSchema.safeParse({ ...STORY_TEMPLATE, personas: [{ name: "Buyer", messages: "a" }, { name: " buyer", messages: "b" }] });
    expect(twice.error!.issues[0]).toMatchObject({ path: ["personas"], message: "Each persona once" });
    const many = Array.from({ length: 11 }, (_, index) => `Message ${index}`).join("\n");
    expect(storyContentSchema.safeParse({ ...STORY_TEMPLATE, personas: [{ name: "Buyer", messages: many }] }).error!.issues[0]!.message).toBe("At most 10 messages per persona");
    const crowd = Array.from({ length: 13 }, (_, index) => ({ name: `Persona ${index}`, messages: "m" }));
    expect(storyContentSchema.safeParse({ ...STORY_TEMPLATE, personas: crowd }).error!.issues[0]!.path).toEqual(["personas"]);
  });

  it("limits the number of paragraphs", () => {
    const nine = Array.from({ length: 9 }, (_, index) => `Paragraph ${index}.`).join("\n\n");
    expect(storyContentSchema.safeParse({ ...STORY_TEMPLATE, product: nine }).error!.issues[0]).toMatchObject({ path: ["product"] });
  });
});

describe("parseVersionNumber", () => {
  it("reads a positive whole number and nothing else", () => {
    expect(parseVersionNumber("3")).toBe(3);
    expect(parseVersionNumber("120")).toBe(120);
    for (const raw of ["0", "01", "-1", "2.5", "1e3", "abc", "", "9999999999", undefined]) expect(parseVersionNumber(raw)).toBeNull();
  });
});
