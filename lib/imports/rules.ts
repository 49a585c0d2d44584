// Pure rules of the CSV import: reading the file, matching its columns to lead fields, and checking each row with the
// lead form's own schema (the one the intake API uses). No database, no framework: the service supplies what the
// database knows (campaigns, existing emails). Unit-tested in tests/unit/imports-rules.test.ts.
import Papa from "papaparse";
import { LeadSource } from "../db/enums";
import { COUNTRIES, INDUSTRIES, SOURCE_LABELS } from "../leads/catalog";
import { leadInputSchema, type LeadInput } from "../leads/schemas";
import { normalizeCompanyName } from "../leads/rules";
import { isUnsafeText } from "../security/text";

/** The lead fields a column can fill, in the order the mapping form shows them. */
export const IMPORT_FIELDS = ["name", "email", "title", "company", "companySize", "industry", "country", "source", "campaignId"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_LABELS: Record<ImportField, string> = {
  name: "Name",
  email: "Email",
  title: "Job title",
  company: "Company",
  companySize: "Company size",
  industry: "Industry",
  country: "Country",
  source: "Source",
  campaignId: "Campaign",
};

/** Fields every row needs a column for (the source may instead be chosen once for the whole file). */
export const REQUIRED_FIELDS: readonly ImportField[] = ["name", "email", "company", "source"];

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_ROWS = 200_000;
export const MAX_COLUMNS = 100;
/**
 * How long a finished import keeps its rows (copies of the file's contacts) for its page's preview, errors and
 * duplicates. The leads, the import's counts and its audit entries stay.
 */
export const ROWS_KEPT_DAYS = 30;

/** The moment before which a finished import's rows are no longer kept. */
export function rowsKeptSince(now: Date): Date {
  return new Date(now.getTime() - ROWS_KEPT_DAYS * 24 * 60 * 60 * 1000);
}

/** Which column (0-based) fills each field; a field without one is not imported. */
export interface ImportMapping {
  columns: Partial<Record<ImportField, number>>;
  /** The source of every row whose source cell is empty, or of all rows when no column holds one. */
  defaultSource?: LeadSource;
}

export interface ParsedRow {
  /** The row's line as a spreadsheet numbers it: the header is line 1, the first lead line 2. */
  line: number;
  cells: string[];
}

export type ParseResult = { ok: true; headers: string[]; rows: ParsedRow[] } | { ok: false; error: string };

/**
 * Reads a CSV file (comma, semicolon or tab separated, quoted per RFC 4180, with or without a byte order mark). The
 * first line is the header. Blank lines are skipped but still counted, so line numbers match the file.
 */
export function parseCsv(text: string): ParseResult {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, error: "The file is empty." };
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: guessDelimiter(body) });
  const broken = parsed.errors.find((error) => error.type === "Quotes");
  if (broken) return { ok: false, error: `Line ${(broken.row ?? 0) + 1}: a quoted cell is not closed, so the rest of the file cannot be read.` };
  const [header, ...records] = parsed.data;
  const headers = (header ?? []).map((cell) => cell.trim());
  if (headers.every((cell) => cell === "")) return { ok: false, error: "The first line must name the columns (for example Name, Email, Company)." };
  if (headers.length > MAX_COLUMNS) return { ok: false, error: `The file has ${headers.length} columns; at most ${MAX_COLUMNS} can be read.` };
  // A NUL or a broken symbol cannot be stored (nor is it typed text): the file is refused with the first such line.
  const unsafe = parsed.data.findIndex((cells) => cells.some(isUnsafeText));
  if (unsafe >= 0) return { ok: false, error: `Line ${unsafe + 1} holds control characters or broken symbols; remove them and upload the file again.` };
  const rows: ParsedRow[] = [];
  records.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    rows.push({ line: index + 2, cells });
  });
  if (rows.length === 0) return { ok: false, error: "The file has a header but no leads." };
  if (rows.length > MAX_ROWS) return { ok: false, error: `The file has ${rows.length.toLocaleString("en-US")} leads; at most ${MAX_ROWS.toLocaleString("en-US")} can be imported at once.` };
  return { ok: true, headers, rows };
}

/**
 * The separator is the one the header line uses most (spreadsheets in much of Europe save with semicolons), commas
 * when there is none: the header decides, so a lead's comma-holding cell cannot mislead the guess.
 */
export function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, "");
  let best = ",";
  let most = 0;
  for (const delimiter of [",", ";", "\t"]) {
    const count = header.split(delimiter).length - 1;
    if (count > most) [best, most] = [delimiter, count];
  }
  return best;
}

/** "E-mail Address " and "email_address" are the same header. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Header names (normalised) that mean each field, best first. */
const SYNONYMS: Record<ImportField, string[]> = {
  name: ["name", "fullname", "contactname", "leadname", "contact", "person"],
  email: ["email", "emailaddress", "workemail", "businessemail", "mail"],
  title: ["jobtitle", "title", "position", "role", "jobrole"],
  company: ["company", "companyname", "organization", "organisation", "account", "accountname", "employer"],
  companySize: ["companysize", "employees", "numberofemployees", "employeecount", "headcount", "size", "companyemployees"],
  industry: ["industry", "sector", "vertical"],
  country: ["country", "countrycode", "nation"],
  source: ["source", "leadsource", "channel"],
  campaignId: ["campaign", "campaignname", "campaignid"],
};

/**
 * The mapping suggested by the headers: each field takes the first column whose header is one of its names (a better
 * name before a worse one), and no column fills two fields.
 */
export function autoMatch(headers: readonly string[]): ImportMapping {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const columns: ImportMapping["columns"] = {};
  for (const field of IMPORT_FIELDS) {
    for (const name of SYNONYMS[field]) {
      const index = normalized.findIndex((header, position) => header === name && !used.has(position));
      if (index >= 0) {
        columns[field] = index;
        used.add(index);
        break;
      }
    }
  }
  return { columns };
}

/** What is wrong with a mapping as a whole (a missing required column, a column used twice), or an empty list. */
export function mappingProblems(mapping: ImportMapping, columnCount: number): string[] {
  const problems: string[] = [];
  const seen = new Map<number, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping.columns[field];
    if (column === undefined) continue;
    if (column < 0 || column >= columnCount) problems.push(`${FIELD_LABELS[field]}: that column is not in the file.`);
    const other = seen.get(column);
    if (other) problems.push(`${FIELD_LABELS[field]} and ${FIELD_LABELS[other]} use the same column; choose one column per field.`);
    seen.set(column, field);
  }
  for (const field of REQUIRED_FIELDS) {
    if (mapping.columns[field] !== undefined) continue;
    if (field === "source" && mapping.defaultSource) continue;
    problems.push(field === "source" ? "Choose the column that holds the source, or one source for every row." : `Choose the column that holds the ${FIELD_LABELS[field].toLowerCase()}.`);
  }
  return problems;
}

const FORMULA_ESCAPED = /^'[=+\-@\t\r]/;

/**
 * A cell as typed: a file exported by Tandem (or any tool that guards against spreadsheet formulas) writes
 * "=HYPERLINK(…)" as "'=HYPERLINK(…)"; the quote is taken off again so the value round-trips. Then trimmed.
 */
export function cellValue(raw: string | undefined): string {
  const value = raw ?? "";
  return (FORMULA_ESCAPED.test(value) ? value.slice(1) : value).trim();
}

const lowerKey = (value: string) => value.trim().toLowerCase().replace(/[\s_-]+/g, " ");
const SOURCE_BY_NAME = new Map<string, LeadSource>(
  Object.values(LeadSource).flatMap((source) => [
    [lowerKey(source), source],
    [lowerKey(SOURCE_LABELS[source]), source],
  ]),
);
const INDUSTRY_BY_NAME = new Map<string, string>(INDUSTRIES.map((industry) => [lowerKey(industry), industry]));
const COUNTRY_BY_NAME = new Map<string, string>(
  Object.entries(COUNTRIES).flatMap(([code, name]) => [
    [code.toLowerCase(), code],
    [lowerKey(name), code],
  ]),
);

/** "Paid search", "PAID_SEARCH" and "paid-search" are one source; unknown text is kept for the schema to refuse. */
export function matchSource(value: string): string {
  return SOURCE_BY_NAME.get(lowerKey(value)) ?? value;
}

export function matchIndustry(value: string): string {
  return INDUSTRY_BY_NAME.get(lowerKey(value)) ?? value;
}

/** A country by its code ("us") or its English name ("United States"). */
export function matchCountry(value: string): string {
  return COUNTRY_BY_NAME.get(lowerKey(value)) ?? value;
}

/** "1,200" and "1 200" employees are 1200; anything else is left for the schema to judge. */
export function matchCount(value: string): string {
  return /^\d{1,3}([, ]\d{3})+$/.test(value) ? value.replace(/[, ]/g, "") : value;
}

/** Campaigns by id and by name (case-insensitive), as the service loads them. */
export interface CampaignLookup {
  byKey: ReadonlyMap<string, string>;
}

export function campaignLookup(campaigns: readonly { id: string; name: string }[]): CampaignLookup {
  const byKey = new Map<string, string>();
  for (const campaign of campaigns) byKey.set(campaign.name.trim().toLowerCase(), campaign.id);
  for (const campaign of campaigns) byKey.set(campaign.id.toLowerCase(), campaign.id);
  return { byKey };
}

export type RowCheck = { ok: true; input: LeadInput } | { ok: false; errors: Record<string, string[]> };

/**
 * One row under a mapping: its cells become the lead form's values (sources, industries and countries matched by
 * code or name, the campaign by name or id), then the lead form's schema decides, with its own messages.
 */
export function checkRow(cells: readonly string[], mapping: ImportMapping, campaigns: CampaignLookup): RowCheck {
  const value = (field: ImportField) => {
    const column = mapping.columns[field];
    return column === undefined ? "" : cellValue(cells[column]);
  };
  const candidate: Record<string, string> = {};
  for (const field of IMPORT_FIELDS) candidate[field] = value(field);
  candidate.source = candidate.source ? matchSource(candidate.source) : (mapping.defaultSource ?? "");
  candidate.industry = matchIndustry(candidate.industry!);
  candidate.country = matchCountry(candidate.country!);
  candidate.companySize = matchCount(candidate.companySize!);
  const errors: Record<string, string[]> = {};
  const campaign = candidate.campaignId!;
  if (campaign) {
    const id = campaigns.byKey.get(campaign.toLowerCase());
    if (id) candidate.campaignId = id;
    else errors.campaignId = [`No campaign is called "${campaign}"`];
  }
  const parsed = leadInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join(".") || "_row";
      if (key === "campaignId" && errors.campaignId) continue;
      (errors[key] ??= []).push(issue.message);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: parsed.data! };
}

export type Duplicate = "existing" | "file";

/**
 * Which valid rows repeat an email: one that already belongs to a lead in Tandem, or one an earlier line of the file
 * has (the first line with an email creates the lead; the later ones are merged into it, as the intake API merges).
 */
export function findDuplicates(rows: readonly { line: number; email: string }[], existing: ReadonlySet<string>): Map<number, Duplicate> {
  const duplicates = new Map<number, Duplicate>();
  const seen = new Set<string>();
  for (const row of [...rows].sort((a, b) => a.line - b.line)) {
    if (existing.has(row.email)) duplicates.set(row.line, "existing");
    else if (seen.has(row.email)) duplicates.set(row.line, "file");
    seen.add(row.email);
  }
  return duplicates;
}

/**
 * A row's problems as sentences for the error list ("Email: Enter a valid email address"), in the fields' order (the
 * form's, the mapping's), then any problem of the row as a whole.
 */
export function describeErrors(errors: Record<string, string[]>): string[] {
  const place = (field: string) => {
    const index = (IMPORT_FIELDS as readonly string[]).indexOf(field);
    return index < 0 ? IMPORT_FIELDS.length : index;
  };
  return Object.entries(errors)
    .sort(([a], [b]) => place(a) - place(b))
    .flatMap(([field, messages]) => {
      const label = (FIELD_LABELS as Record<string, string>)[field];
      return messages.map((message) => (label ? `${label}: ${message}` : message));
    });
}

/** How far a running import has got, as a whole percentage (0 to 100). */
export function percentDone(processed: number, total: number): number {
  if (total <= 0) return 100;
  return Math.min(100, Math.floor((processed / total) * 100));
}

/** What a batch of an import is about: its leads' emails and their companies' normalised names. */
export interface BatchKeys {
  emails: Set<string>;
  companies: Set<string>;
}

export function batchKeys(inputs: readonly Pick<LeadInput, "email" | "company">[]): BatchKeys {
  return { emails: new Set(inputs.map((input) => input.email)), companies: new Set(inputs.map((input) => normalizeCompanyName(input.company))) };
}
