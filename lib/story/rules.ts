// The baseline story's pure logic: how its text splits into paragraphs and messages, who signs it, and when it is
// in force. No I/O; unit-tested in tests/unit/story-rules.test.ts.
export { fullySigned, signingSide } from "../agreement/rules";

/** Paragraphs are separated by one or more blank lines; whitespace inside a paragraph is kept as typed. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/** Key messages, one per line; blank lines and surrounding spaces are dropped. */
export function messagesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The first paragraph of the brand story, shortened at a word to `max` characters: the rep home's teaser. */
export function teaserOf(brand: string, max = 220): string {
  const first = paragraphsOf(brand)[0] ?? "";
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(" "), Math.floor(max / 2)));
  return `${atWord.trimEnd()}…`;
}

/**
 * Which version a version page compares with when none is asked for: the active one, or for the active version
 * itself (and when nothing is active), the version before it. Null when there is nothing earlier to compare with.
 */
export function defaultComparison(version: number, activeVersion: number | null, versions: readonly number[]): number | null {
  if (activeVersion !== null && activeVersion !== version) return activeVersion;
  const earlier = versions.filter((each) => each < version);
  return earlier.length > 0 ? Math.max(...earlier) : null;
}

/** A version number from a URL, or null when it is not one (a positive whole number that fits an integer column). */
export function parseVersionNumber(raw: string | undefined): number | null {
  return raw !== undefined && /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : null;
}
