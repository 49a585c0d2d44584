// What changed between two versions of the story, paragraph by paragraph and message by message, with the words
// that changed inside a rewritten paragraph. Pure: built on the `diff` library's array and word diffs.
import { diffArrays, diffWords } from "diff";
import { messagesOf, paragraphsOf } from "./rules";
import type { StoryContent } from "./schemas";

export interface WordPart {
  text: string;
  change: "added" | "removed" | null;
}

export interface DiffLine {
  change: "same" | "added" | "removed" | "changed";
  before: string | null;
  after: string | null;
  /** For a changed line: the words, each marked added, removed or kept. */
  words: WordPart[];
}

export interface DiffSection {
  key: string;
  title: string;
  change: "same" | "added" | "removed" | "changed";
  lines: DiffLine[];
}

function wordsOf(before: string, after: string): WordPart[] {
  return diffWords(before, after).map((part) => ({ text: part.value, change: part.added ? "added" : part.removed ? "removed" : null }));
}

/**
 * Lines of `before` and `after` aligned: kept lines, added and removed ones, and a removed line directly followed by
 * an added one read as the same line rewritten (shown with its word changes).
 */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const lines: DiffLine[] = [];
  const parts = diffArrays([...before], [...after]);
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    const next = parts[index + 1];
    if (part.removed && next?.added) {
      const paired = Math.min(part.value.length, next.value.length);
      for (let line = 0; line < paired; line += 1) {
        lines.push({ change: "changed", before: part.value[line]!, after: next.value[line]!, words: wordsOf(part.value[line]!, next.value[line]!) });
      }
      for (const text of part.value.slice(paired)) lines.push({ change: "removed", before: text, after: null, words: [] });
      for (const text of next.value.slice(paired)) lines.push({ change: "added", before: null, after: text, words: [] });
      index += 1;
      continue;
    }
    for (const text of part.value) {
      lines.push(
        part.added
          ? { change: "added", before: null, after: text, words: [] }
          : part.removed
            ? { change: "removed", before: text, after: null, words: [] }
            : { change: "same", before: text, after: text, words: [] },
      );
    }
  }
  return lines;
}

function section(key: string, title: string, lines: DiffLine[], whole?: "added" | "removed"): DiffSection {
  const change = whole ?? (lines.every((line) => line.change === "same") ? "same" : "changed");
  return { key, title, change, lines };
}

/** Brand, product, then every persona of either version (the newer version's order first, then removed ones). */
export function diffStories(before: StoryContent, after: StoryContent): DiffSection[] {
  const sections = [
    section("brand", "Brand", diffLines(paragraphsOf(before.brand), paragraphsOf(after.brand))),
    section("product", "Product", diffLines(paragraphsOf(before.product), paragraphsOf(after.product))),
  ];
  const key = (name: string) => name.trim().toLowerCase();
  const earlier = new Map(before.personas.map((persona) => [key(persona.name), persona]));
  const later = new Set(after.personas.map((persona) => key(persona.name)));
  for (const persona of after.personas) {
    const old = earlier.get(key(persona.name));
    const title = `Key messages: ${persona.name}`;
    sections.push(
      old
        ? section(`persona:${key(persona.name)}`, title, diffLines(messagesOf(old.messages), messagesOf(persona.messages)))
        : section(`persona:${key(persona.name)}`, title, diffLines([], messagesOf(persona.messages)), "added"),
    );
  }
  for (const persona of before.personas) {
    if (later.has(key(persona.name))) continue;
    sections.push(section(`persona:${key(persona.name)}`, `Key messages: ${persona.name}`, diffLines(messagesOf(persona.messages), []), "removed"));
  }
  return sections;
}

/** How many sections differ: the page's one-line summary. */
export function changedSections(sections: readonly DiffSection[]): number {
  return sections.filter((each) => each.change !== "same").length;
}
