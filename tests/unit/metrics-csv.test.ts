import { describe, expect, it } from "vitest";
import { csvCell, toCsv, type CsvCell } from "@/lib/metrics/rules";

/** A strict RFC 4180 reader, to check that what toCsv writes reads back as the intended cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let index = 0;
  while (index < text.length) {
    if (text[index] === '"' && cell === "") {
      index += 1;
      for (;;) {
        if (index >= text.length) throw new Error("unterminated quote");
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            cell += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        cell += text[index];
        index += 1;
      }
      if (index < text.length && text[index] !== "," && text.slice(index, index + 2) !== "\r\n") throw new Error(`text after a closing quote at ${index}`);
      continue;
    }
    if (text[index] === ",") {
      row.push(cell);
      cell = "";
      index += 1;
    } else if (text.slice(index, index + 2) === "\r\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      index += 2;
    } else {
      if (text[index] === '"' || text[index] === "\r" || text[index] === "\n") throw new Error(`unquoted ${JSON.stringify(text[index])} at ${index}`);
      cell += text[index];
      index += 1;
    }
  }
  if (cell !== "" || row.length > 0) throw new Error("missing final CRLF");
  return rows;
}

const one = (value: CsvCell) => toCsv([{ value }], [{ key: "value", label: "Value" }]);

describe("toCsv", () => {
  it("writes a header of labels, then the rows' values in column order, every line ended by CRLF", () => {
    const csv = toCsv(
      [
        { name: "Ada", count: 3, ignored: "x" },
        { count: 0, name: "Grace" },
      ],
      [
        { key: "name", label: "Name" },
        { key: "count", label: "Count" },
      ],
    );
    expect(csv).toBe("Name,Count\r\nAda,3\r\nGrace,0\r\n");
  });

  it("writes only the header for no rows, and refuses no columns", () => {
    expect(toCsv([], [{ key: "a", label: "A" }, { key: "b", label: "B" }])).toBe("A,B\r\n");
    expect(() => toCsv([{ a: 1 }], [])).toThrow(RangeError);
  });

  it("writes null, a missing key and non-finite numbers as empty cells", () => {
    expect(toCsv([{ a: null, c: Number.NaN, d: Number.POSITIVE_INFINITY }], ["a", "b", "c", "d"].map((key) => ({ key, label: key })))).toBe("a,b,c,d\r\n,,,\r\n");
  });

  it("never writes a blank line for a one-column row with an empty cell", () => {
    expect(one(null)).toBe('Value\r\n""\r\n');
    expect(parseCsv(one(null))).toEqual([["Value"], [""]]);
  });

  describe("RFC 4180 quoting", () => {
    it.each([
      ["a comma", "Smith, Jones & Co", '"Smith, Jones & Co"'],
      ["double quotes", 'The "best" lead', '"The ""best"" lead"'],
      ["a line feed", "line one\nline two", '"line one\nline two"'],
      ["a CRLF", "line one\r\nline two", '"line one\r\nline two"'],
      ["a lone quote", '"', '""""'],
      ["nothing special", "Plain text", "Plain text"],
      ["an empty string", "", ""],
      ["unicode", "Zoë Müller — 東京 🚀", "Zoë Müller — 東京 🚀"],
      ["unicode with a comma", "Ærø, Danmark", '"Ærø, Danmark"'],
    ])("%s", (_, value, cell) => {
      expect(csvCell(value)).toBe(cell);
      expect(parseCsv(one(value))[1]).toEqual([value]);
    });
  });

  describe("formula injection", () => {
    it.each([
      ["equals", "=1+1", "'=1+1"],
      ["a command", "=cmd|'/c calc'!A1", "'=cmd|'/c calc'!A1"],
      ["plus", "+1", "'+1"],
      ["minus", "-1", "'-1"],
      ["at", "@SUM(A1:A9)", "'@SUM(A1:A9)"],
      ["tab", "\t=1+1", "'\t=1+1"],
      ["carriage return", "\r=1+1", "\"'\r=1+1\""],
    ])("prefixes a string starting with %s by a single quote", (_, value, cell) => {
      expect(csvCell(value)).toBe(cell);
      expect(parseCsv(one(value))[1]).toEqual([`'${value}`]);
    });

    it("escapes first, then quotes: a formula with quotes and commas is both prefixed and quoted", () => {
      const value = '=HYPERLINK("http://evil.example","Click, now")';
      expect(csvCell(value)).toBe('"\'=HYPERLINK(""http://evil.example"",""Click, now"")"');
      expect(parseCsv(one(value))[1]).toEqual([`'${value}`]);
    });

    it("escapes a string that only looks like a negative number, but never a number", () => {
      expect(csvCell("-12")).toBe("'-12");
      expect(csvCell(-12)).toBe("-12");
      expect(csvCell(-0.5)).toBe("-0.5");
      expect(csvCell(-0)).toBe("0");
    });

    it("leaves trigger characters alone anywhere but the start", () => {
      expect(csvCell("a=b")).toBe("a=b");
      expect(csvCell("user@example.com")).toBe("user@example.com");
      expect(csvCell("Q1 - Q2")).toBe("Q1 - Q2");
      expect(csvCell("'quoted already")).toBe("'quoted already");
    });

    it("escapes the header labels too", () => {
      expect(toCsv([], [{ key: "a", label: "=Total" }, { key: "b", label: "Plain" }])).toBe("'=Total,Plain\r\n");
    });
  });

  it("writes numbers plainly", () => {
    expect([0, 3, 3.5, 1234567.89, 0.1 + 0.2, 1e21].map(csvCell)).toEqual(["0", "3", "3.5", "1234567.89", "0.30000000000000004", "1e+21"]);
  });

  it("reads back, row by row, as the table it was given", () => {
    const columns = [
      { key: "lead", label: "Lead" },
      { key: "note", label: "Note, if any" },
      { key: "amount", label: "Amount" },
    ];
    const csv = toCsv(
      [
        { lead: "Ada", note: 'Said "call me"\nnext week', amount: 12_000 },
        { lead: "@attacker", note: null, amount: -3 },
      ],
      columns,
    );
    expect(parseCsv(csv)).toEqual([
      ["Lead", "Note, if any", "Amount"],
      ["Ada", 'Said "call me"\nnext week', "12000"],
      ["'@attacker", "", "-3"],
    ]);
  });
});
