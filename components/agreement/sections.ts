import type { RuleLine } from "@/lib/agreement/describe";

export type Section = RuleLine["section"];

/** The order the definition reads in, on the Agreement page, the version page and the diff. */
export const SECTION_ORDER: readonly Section[] = ["Required fields", "Fit", "Scoring", "Qualification", "Service levels", "Rejection reasons"];

/** Rows grouped by section, in the definition's reading order; sections with no rows are left out. */
export function groupBySection<T extends { section: Section }>(rows: readonly T[]): { section: Section; rows: T[] }[] {
  return SECTION_ORDER.map((section) => ({ section, rows: rows.filter((row) => row.section === section) })).filter(
    (group) => group.rows.length > 0,
  );
}
