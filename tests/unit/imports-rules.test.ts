import { describe, expect, it } from "vitest";
import {
  autoMatch,
  batchKeys,
  campaignLookup,
  cellValue,
  checkRow,
  describeErrors,
  findDuplicates,
  guessDelimiter,
  mappingProblems,
  matchCountry,
  matchCount,
  matchIndustry,
  matchSource,
  MAX_COLUMNS,
  normalizeHeader,
  parseCsv,
  percentDone,
  rowsKeptSince,
  type ImportMapping,
} from "@/lib/imports/rules";
import { csvCell } from "@/lib/metrics/csv";

const NO_CAMPAIGNS = campaignLookup([]);
const FULL: ImportMapping = { columns: { name: 0, email: 1, title: 2, company: 3, companySize: 4, industry: 5, country: 6, source: 7, campaignId: 8 } };
const good = ["Ada Lovelace", "Ada@Example.COM ", "CTO", "Analytical Engines", "250", "Software", "GB", "Webinar", ""];

describe("parseCsv", () => {
  it("reads headers and rows, numbering lines as a spreadsheet does and skipping blank lines", () => {
    const result = parseCsv('\uFEFFName,Email\r\nAda,ada@x.test\r\n\r\n"Lovelace, Ada","a""b@x.test"\r\n');
    expect(result).toEqual({
      ok: true,
      headers: ["Name", "Email"],
      rows: [
        { line: 2, cells: ["Ada", "ada@x.test"] },
        { line: 4, cells: ["Lovelace, Ada", 'a"b@x.test'] },
      ],
    });
  });

  it("refuses a file holding a NUL or a broken symbol, naming the line", () => {
    expect(parseCsv("Name,Email\r\nAda,ada@x.test\r\nBo\u0000b,bob@x.test\r\n")).toEqual({ ok: false, error: expect.stringContaining("Line 3 ") });
    expect(parseCsv("Name,Email\r\nAda \uDC00,ada@x.test\r\n")).toEqual({ ok: false, error: expect.stringContaining("Line 2 ") });
  });

  it("guesses semicolons and tabs as separators", () => {
    expect(parseCsv("Name;Email\nAda;ada@x.test\n")).toMatchObject({ ok: true, headers: ["Name", "Email"], rows: [{ line: 2, cells: ["Ada", "ada@x.test"] }] });
    expect(parseCsv("Name\tEmail\nAda\tada@x.test")).toMatchObject({ ok: true, rows: [{ cells: ["Ada", "ada@x.test"] }] });
  });

  it("keeps a quoted cell that spans lines as one cell", () => {
    const result = parseCsv('Name,Note\nAda,"two\nlines"\nBo,x\n');
    expect(result).toMatchObject({ ok: true, rows: [{ line: 2, cells: ["Ada", "two\nlines"] }, { line: 3, cells: ["Bo", "x"] }] });
  });

  it("refuses empty files, files without leads, too many columns and unclosed quotes", () => {
    expect(parseCsv("")).toEqual({ ok: false, error: "The file is empty." });
    expect(parseCsv("\uFEFF  \n")).toEqual({ ok: false, error: "The file is empty." });
    expect(parseCsv("Name,Email\n\n")).toEqual({ ok: false, error: "The file has a header but no leads." });
    expect(parseCsv(`${Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(",")}\nx`)).toMatchObject({ ok: false, error: expect.stringContaining("columns") });
    expect(parseCsv('Name,Email\nAda,"open\n')).toMatchObject({ ok: false, error: expect.stringContaining("quoted cell is not closed") });
  });
});

describe("autoMatch", () => {
  it("matches headers by their names, whatever the spelling", () => {
    expect(normalizeHeader(" E-mail Address ")).toBe("emailaddress");
    const mapping = autoMatch(["Full Name", "E-mail", "Job Title", "Company Name", "Employees", "Industry", "Country", "Lead Source", "Campaign", "Notes"]);
    expect(mapping.columns).toEqual({ name: 0, email: 1, title: 2, company: 3, companySize: 4, industry: 5, country: 6, source: 7, campaignId: 8 });
  });

  it("never gives one column to two fields and leaves unknown headers unmatched", () => {
    expect(autoMatch(["Email", "email", "Whatever"]).columns).toEqual({ email: 0 });
    expect(autoMatch(["Title", "Job title"]).columns).toEqual({ title: 1 });
    expect(autoMatch([]).columns).toEqual({});
  });

  it("matches Tandem's own export headers", () => {
    const mapping = autoMatch(["Name", "Email", "Job title", "Company", "Company size", "Industry", "Country", "Source", "Campaign", "Stage", "Score", "Owner"]);
    expect(Object.keys(mapping.columns).sort()).toEqual(["campaignId", "company", "companySize", "country", "email", "industry", "name", "source", "title"]);
  });
});

describe("mappingProblems", () => {
  it("asks for every required column, a source column or a default source, and one column per field", () => {
    expect(mappingProblems(FULL, 9)).toEqual([]);
    expect(mappingProblems({ columns: {} }, 3)).toHaveLength(4);
    expect(mappingProblems({ columns: { name: 0, email: 1, company: 2 }, defaultSource: "EVENT" }, 3)).toEqual([]);
    expect(mappingProblems({ columns: { name: 0, email: 0, company: 2, source: 1 } }, 3)).toEqual([expect.stringContaining("same column")]);
    expect(mappingProblems({ columns: { name: 0, email: 1, company: 5, source: 2 } }, 3)).toEqual([expect.stringContaining("not in the file")]);
  });
});

describe("cell values", () => {
  it("undoes the formula escape of an export, and only that", () => {
    for (const text of ["=1+2", "+1", "-x", "@SUM(A1)", "\tx"]) expect(cellValue(`'${text}`)).toBe(text.trim());
    expect(cellValue("'quoted'")).toBe("'quoted'");
    expect(cellValue("  Ada ")).toBe("Ada");
    expect(cellValue(undefined)).toBe("");
    // What the exporter writes reads back as the value.
    expect(cellValue(csvCell("=HYPERLINK(\"x\")").replace(/^"|"$/g, "").replaceAll('""', '"'))).toBe('=HYPERLINK("x")');
  });

  it("matches sources, industries and countries by code or name, and counts with separators", () => {
    expect(matchSource("Paid search")).toBe("PAID_SEARCH");
    expect(matchSource("paid_search")).toBe("PAID_SEARCH");
    expect(matchSource("Sales outbound")).toBe("OUTBOUND");
    expect(matchSource("Carrier pigeon")).toBe("Carrier pigeon");
    expect(matchIndustry("financial SERVICES")).toBe("Financial services");
    expect(matchCountry("us")).toBe("US");
    expect(matchCountry("United Kingdom")).toBe("GB");
    expect(matchCountry("Atlantis")).toBe("Atlantis");
    expect(matchCount("1,200")).toBe("1200");
    expect(matchCount("12 000")).toBe("12000");
    expect(matchCount("1,2")).toBe("1,2");
  });
});

describe("checkRow", () => {
  it("turns a good row into the lead form's output", () => {
    expect(checkRow(good, FULL, NO_CAMPAIGNS)).toEqual({
      ok: true,
      input: { name: "Ada Lovelace", email: "ada@example.com", title: "CTO", company: "Analytical Engines", companySize: 250, industry: "Software", country: "GB", source: "WEBINAR" },
    });
  });

  it("reports every field's errors with the lead form's messages", () => {
    const result = checkRow(["", "not-an-email", "", "Acme", "-3", "Mining", "Atlantis", "Carrier pigeon", ""], FULL, NO_CAMPAIGNS);
    expect(result.ok).toBe(false);
    const errors = (result as { errors: Record<string, string[]> }).errors;
    expect(Object.keys(errors).sort()).toEqual(["companySize", "country", "email", "industry", "name", "source"]);
    expect(errors.email).toEqual(["Enter a valid email address"]);
    expect(errors.name).toEqual(["Enter the name"]);
    expect(describeErrors({ email: ["Enter a valid email address"], _row: ["Broken"] })).toEqual(["Email: Enter a valid email address", "Broken"]);
    // In the fields' order, whatever order the row's errors were stored in.
    expect(describeErrors({ _row: ["Broken"], source: ["Choose a source"], name: ["Enter the name"] })).toEqual(["Name: Enter the name", "Source: Choose a source", "Broken"]);
  });

  it("uses the default source for rows without one, and the row's own source otherwise", () => {
    const mapping: ImportMapping = { columns: { name: 0, email: 1, company: 2, source: 3 }, defaultSource: "EVENT" };
    expect(checkRow(["A", "a@x.test", "Co", ""], mapping, NO_CAMPAIGNS)).toMatchObject({ ok: true, input: { source: "EVENT" } });
    expect(checkRow(["A", "a@x.test", "Co", "Partner"], mapping, NO_CAMPAIGNS)).toMatchObject({ ok: true, input: { source: "PARTNER" } });
  });

  it("finds the campaign by name or id, and refuses one that does not exist", () => {
    const campaigns = campaignLookup([{ id: "cmp_1", name: "Spring Webinar" }]);
    const row = (campaign: string) => [...good.slice(0, 8), campaign];
    expect(checkRow(row("spring webinar"), FULL, campaigns)).toMatchObject({ ok: true, input: { campaignId: "cmp_1" } });
    expect(checkRow(row("cmp_1"), FULL, campaigns)).toMatchObject({ ok: true, input: { campaignId: "cmp_1" } });
    expect(checkRow(row("Autumn"), FULL, campaigns)).toEqual({ ok: false, errors: { campaignId: ['No campaign is called "Autumn"'] } });
  });

  it("treats a column missing from a short row as empty", () => {
    expect(checkRow(["A", "a@x.test"], FULL, NO_CAMPAIGNS)).toMatchObject({ ok: false, errors: { company: ["Enter the company"], source: ["Choose a source"] } });
  });
});

describe("findDuplicates", () => {
  it("marks emails that are leads already, and repeats of an earlier line", () => {
    const rows = [
      { line: 5, email: "b@x.test" },
      { line: 2, email: "a@x.test" },
      { line: 3, email: "old@x.test" },
      { line: 4, email: "a@x.test" },
      { line: 6, email: "old@x.test" },
    ];
    expect([...findDuplicates(rows, new Set(["old@x.test"]))].sort(([a], [b]) => a - b)).toEqual([
      [3, "existing"],
      [4, "file"],
      [6, "existing"],
    ]);
  });
});

describe("percentDone", () => {
  it("is a whole percentage, never over 100, and 100 for nothing to do", () => {
    expect(percentDone(0, 10)).toBe(0);
    expect(percentDone(999, 1000)).toBe(99);
    expect(percentDone(1000, 1000)).toBe(100);
    expect(percentDone(5, 0)).toBe(100);
  });
});

describe("guessDelimiter", () => {
  it("takes the separator the header uses most, ignoring quoted header cells, commas by default", () => {
    expect(guessDelimiter("Name;Email;Company\nA,B;c;d")).toBe(";");
    expect(guessDelimiter('"Name; full",Email\n')).toBe(",");
    expect(guessDelimiter("Name\tEmail")).toBe("\t");
    expect(guessDelimiter("Email")).toBe(",");
  });
});

describe("rowsKeptSince", () => {
  it("is 30 days before now, to the millisecond", () => {
    const now = new Date("2026-12-03T12:00:00.000Z");
    expect(rowsKeptSince(now).toISOString()).toBe("2026-11-03T12:00:00.000Z");
  });
});

describe("what a batch of an import is about (its next batch is written beside it around these)", () => {
  it("is its emails and its companies' names as the leads list matches them, however spelled", () => {
    const keys = batchKeys([
      { email: "ann@acme.test", company: "Acme Inc" },
      { email: "bo@acme.test", company: "  ACME   inc " },
      { email: "cy@globex.test", company: "Globex" },
    ]);
    expect([...keys.emails]).toEqual(["ann@acme.test", "bo@acme.test", "cy@globex.test"]);
    expect([...keys.companies]).toEqual(["acme inc", "globex"]);
  });
});
