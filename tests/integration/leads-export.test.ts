// The leads list's CSV export: the route handler with the list's filters, on a real PostgreSQL.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { GET as exportRoute } from "@/app/api/leads/export/route";
import { leadExportPages } from "@/lib/leads/queries";
import { leadListQuerySchema } from "@/lib/leads/schemas";
import { makeActiveDefinition, makeLead, makeUser } from "./support/factories";
import { signInAs } from "./support/session";

type User = Awaited<ReturnType<typeof makeUser>>;
let marketer: User;

async function download(search: string): Promise<{ status: number; type: string | null; disposition: string | null; text: string }> {
  const response = await exportRoute(new Request(`http://localhost/api/leads/export${search}`));
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Response.text() would drop the byte order mark: decode it keeping the mark, to see that it is there.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { status: response.status, type: response.headers.get("content-type"), disposition: response.headers.get("content-disposition"), text };
}

function rowsOf(text: string): Record<string, string>[] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
}

beforeAll(async () => {
  await makeActiveDefinition();
  marketer = await makeUser("MARKETER", { name: "Mia Marketer" });
  const author = { id: marketer.id, role: marketer.role };
  await makeLead(author, { name: "=HYPERLINK(\"http://evil.test\",\"click\")", email: "formula@export.test", company: "+Plus Corp", source: "WEBINAR" });
  await makeLead(author, { name: "@SUM(A1)", email: "at@export.test", company: "-Minus Ltd", source: "EVENT" });
  const tab = await makeLead(author, { name: "Tab Person", email: "tab@export.test", company: "Plain Co", source: "EVENT" });
  // Names typed elsewhere may start with a tab or a carriage return; the form trims them, so they are set directly.
  await db().lead.update({ where: { id: tab.id }, data: { name: "\tTab Person" } });
  const cr = await makeLead(author, { name: "CR Person", email: "cr@export.test", company: "Plain Co", source: "EVENT" });
  await db().lead.update({ where: { id: cr.id }, data: { name: "\rCR Person" } });
  for (let n = 0; n < 7; n++) await makeLead(author, { name: `Plain ${n}, Jr.`, email: `plain.${n}@export.test`, company: `Company ${n}`, source: "PARTNER" });
  signInAs(marketer);
});

describe("the leads export", () => {
  it("downloads every lead as CSV with a byte order mark, headers the import recognises, and one line per lead", async () => {
    const file = await download("");
    expect(file.status).toBe(200);
    expect(file.type).toBe("text/csv; charset=utf-8");
    expect(file.disposition).toMatch(/^attachment; filename="tandem-leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = rowsOf(file.text);
    expect(rows).toHaveLength(11);
    expect(Object.keys(rows[0]!)).toEqual(["Name", "Email", "Job title", "Company", "Company size", "Industry", "Country", "Source", "Campaign", "Stage", "Score", "Owner", "Created at", "Stage changed at"]);
    expect(rows.find((row) => row.Email === "plain.3@export.test")).toMatchObject({ Name: "Plain 3, Jr.", Company: "Company 3", Source: "PARTNER", Owner: "Mia Marketer" });
  });

  it("escapes every cell that begins with = + - @ tab or CR, so spreadsheets show it as text", async () => {
    const rows = [...rowsOf((await download("?source=WEBINAR")).text), ...rowsOf((await download("?source=EVENT")).text)];
    const byEmail = new Map(rows.map((row) => [row.Email, row]));
    expect(byEmail.get("formula@export.test")).toMatchObject({ Name: "'=HYPERLINK(\"http://evil.test\",\"click\")", Company: "'+Plus Corp" });
    expect(byEmail.get("at@export.test")).toMatchObject({ Name: "'@SUM(A1)", Company: "'-Minus Ltd" });
    expect(byEmail.get("tab@export.test")!.Name).toBe("'\tTab Person");
    expect(byEmail.get("cr@export.test")!.Name).toBe("'\rCR Person");
    // Numbers stay numbers.
    expect(Number(byEmail.get("at@export.test")!.Score)).toBeGreaterThanOrEqual(0);
    const raw = (await download("?source=WEBINAR")).text;
    expect(raw).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("honours the list's filters and order", async () => {
    expect(rowsOf((await download("?source=PARTNER")).text).map((row) => row.Email).sort()).toEqual(Array.from({ length: 7 }, (_, n) => `plain.${n}@export.test`));
    expect(rowsOf((await download("?q=plain%205")).text).map((row) => row.Email)).toEqual(["plain.5@export.test"]);
    expect(rowsOf((await download("?source=PARTNER&sort=name&dir=desc")).text).map((row) => row.Name)).toEqual(Array.from({ length: 7 }, (_, n) => `Plain ${6 - n}, Jr.`));
    expect(rowsOf((await download("?stage=WON")).text)).toEqual([]);
    expect(rowsOf((await download("?owner=none")).text)).toEqual([]);
  });

  it("pages through the leads without repeating or skipping one, in any order", async () => {
    for (const sort of ["createdAt", "name", "company", "score", "stage"] as const) {
      const query = leadListQuerySchema.parse({ sort, dir: "asc" });
      const emails: string[] = [];
      for await (const page of leadExportPages({ ...marketer, role: "MARKETER" }, query, 3)) {
        expect(page.length).toBeLessThanOrEqual(3);
        emails.push(...page.map((row) => String(row.email)));
      }
      expect(emails, sort).toHaveLength(11);
      expect(new Set(emails).size, sort).toBe(11);
    }
  });

  it("is refused to anyone without lead:read, and to no one signed in", async () => {
    signInAs(await makeUser("ADMIN"));
    expect((await download("")).status).toBe(403);
    signInAs(null);
    expect((await download("")).status).toBe(401);
    signInAs(marketer);
  });
});
