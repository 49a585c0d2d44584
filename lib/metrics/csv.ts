// CSV export of metric tables: RFC 4180, and safe to open in a spreadsheet. Pure: returns the text; the route sends it.

export type CsvCell = string | number | null;

export interface CsvColumn {
  key: string;
  label: string;
}

/**
 * First characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a formula (OWASP "CSV
 * injection"): = + - @, and tab or carriage return, which some of them skip before looking for those.
 */
const FORMULA_TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];

/**
 * One cell as CSV text:
 * - null (or a missing key) is an empty cell, and so is a number that is not finite (NaN, Infinity): metrics say
 *   "unknown" with null, so there is no honest number to write;
 * - a number is written plainly (String(n)), never escaped, negative ones included: a value typed as a number cannot
 *   carry a formula, and must stay a number in the spreadsheet (-12 sums as -12);
 * - a string that begins with a formula trigger gets a single quote in front. Lead names, company names, notes and
 *   rejection notes are typed by people, some through the public API; "=HYPERLINK(…)" or "@SUM(…)" would otherwise
 *   run in the spreadsheet of whoever opens the export. The quote makes the spreadsheet show the text as text. It
 *   applies to every string, so a string "-12" comes out as "'-12": pass numbers as numbers;
 * - then RFC 4180: a field holding a double quote, comma, CR or LF is wrapped in double quotes, inner quotes doubled.
 */
export function csvCell(value: CsvCell | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_TRIGGERS.some((trigger) => value.startsWith(trigger)) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A table as CSV (RFC 4180): a header line of the column labels, then one line per row with the columns' values in
 * order, fields separated by commas and lines ended by CRLF (the last one included). Labels are cells like any other,
 * so they are quoted and escaped the same way. With a single column, an empty cell is written as "" so that its line is
 * not blank (parsers skip blank lines). Text is returned as is (UTF-8 when sent); a route that wants Excel
 * to detect UTF-8 prepends a byte order mark ("\uFEFF").
 */
export function toCsv(rows: readonly Readonly<Record<string, CsvCell>>[], columns: readonly CsvColumn[]): string {
  if (columns.length === 0) throw new RangeError("A CSV needs at least one column.");
  const line = (cells: readonly (CsvCell | undefined)[]) => {
    const text = cells.map(csvCell).join(",");
    return `${text === "" ? '""' : text}\r\n`;
  };
  return line(columns.map((column) => column.label)) + rows.map((row) => line(columns.map((column) => row[column.key]))).join("");
}
