import { beforeAll, describe, expect, it } from "vitest";
import { countListedLeads, getLead, listLeadRows, listLeads } from "@/lib/leads/queries";
import { leadListQuerySchema } from "@/lib/leads/schemas";
import { makeLead, makeUser } from "./support/factories";

const query = (params: Record<string, string> = {}) => leadListQuerySchema.parse(params);

describe("the leads list and lead page", () => {
  let marketer: Awaited<ReturnType<typeof makeUser>>;
  let rep: Awaited<ReturnType<typeof makeUser>>;
  let admin: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    marketer = await makeUser("MARKETER", { name: "Mara Marketer" });
    rep = await makeUser("SALES_REP", { name: "Rex Rep" });
    admin = await makeUser("ADMIN");
    await makeLead(marketer, { name: "Ada Lovelace", email: "ada@analytical.test", company: "Analytical Engines", source: "WEBINAR" });
    await makeLead(rep, { name: "Grace Hopper", email: "grace@navy.test", company: "Navy Systems", source: "OUTBOUND" });
    for (let index = 0; index < 30; index++) {
      await makeLead(marketer, { name: `Bulk ${String(index).padStart(2, "0")}`, company: "Bulk Buyers", source: "EMAIL" });
    }
  });

  it("searches name, email and company, case-insensitively", async () => {
    for (const q of ["ADA", "analytical.test", "engines"]) {
      const page = await listLeads(marketer, query({ q }));
      expect(page.rows.map((row) => row.name)).toEqual(["Ada Lovelace"]);
    }
  });

  it("filters by stage, source and owner", async () => {
    expect((await listLeads(marketer, query({ source: "OUTBOUND" }))).rows.map((row) => row.name)).toEqual(["Grace Hopper"]);
    expect((await listLeads(rep, query({ owner: "me" }))).total).toBe(1);
    expect((await listLeads(rep, query({ owner: marketer.id }))).total).toBe(31);
    expect((await listLeads(marketer, query({ stage: "INQUIRY" }))).total).toBe(32);
    expect((await listLeads(marketer, query({ stage: "WON" }))).total).toBe(0);
  });

  it("gives the fast totals (kept counts, the stage history) exactly as counting the leads does", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const filters = [
      {},
      { stage: "INQUIRY" },
      { source: "WEBINAR" },
      { team: "marketing" },
      { team: "sales" },
      { team: "sales", source: "WEBINAR" },
      { stage: "MQL", team: "marketing" },
      { entered: "INQUIRY" },
      { entered: "INQUIRY", from: today, to: today },
      { entered: "INQUIRY", to: "2020-01-01" },
      { entered: "SAL" },
    ];
    for (const raw of filters) {
      const query = leadListQuerySchema.parse(raw);
      // Searching for "@" matches every lead by its email, and a search always counts the leads themselves.
      const counted = await listLeads(marketer, leadListQuerySchema.parse({ ...raw, q: "@" }));
      expect([raw, (await listLeads(marketer, query)).total]).toEqual([raw, counted.total]);
    }
    expect((await listLeads(marketer, leadListQuerySchema.parse({}))).total).toBeGreaterThan(0);
  });

  it("pages without repeating or skipping a row, and clamps a page past the end", async () => {
    const first = await listLeads(marketer, query({ sort: "name", dir: "asc", size: "25" }));
    const second = await listLeads(marketer, query({ sort: "name", dir: "asc", size: "25", page: "2" }));
    expect(first.total).toBe(32);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(7);
    const names = [...first.rows, ...second.rows].map((row) => row.name);
    expect(new Set(names).size).toBe(32);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect((await listLeads(marketer, query({ page: "99" }))).page).toBe(2);
  });

  it("shows a page's rows before its total: the same rows, whether a page follows, and the total counted apart", async () => {
    const sorted = { sort: "name", dir: "asc", size: "25" };
    for (const page of ["1", "2"]) {
      const rows = await listLeadRows(marketer, query({ ...sorted, page }));
      const counted = await listLeads(marketer, query({ ...sorted, page }));
      expect(rows.rows).toEqual(counted.rows);
      expect(rows.hasNext).toBe(page === "1");
    }
    const bulk = await listLeadRows(marketer, query({ q: "Bulk", page: "2" }));
    expect([bulk.rows.length, bulk.hasNext]).toEqual([5, false]);
    // Past the end, the last page, as the counted list does.
    const past = await listLeadRows(marketer, query({ ...sorted, page: "99" }));
    expect([past.page, past.rows.length, past.hasNext]).toEqual([2, 7, false]);
    expect(await countListedLeads(marketer, query({ q: "bulk" }))).toBe(30);
    expect(await countListedLeads(admin, query())).toBe(0);
    expect((await listLeadRows(admin, query())).rows).toEqual([]);
  });

  it("sorts by company", async () => {
    const page = await listLeads(marketer, query({ sort: "company", dir: "desc" }));
    expect(page.rows[0]?.company).toBe("Navy Systems");
  });

  it("shows a lead with its company and stage history, never to a role without access", async () => {
    const [row] = (await listLeads(marketer, query({ q: "ada@" }))).rows;
    const lead = await getLead(rep, row!.id);
    expect(lead).toMatchObject({
      name: "Ada Lovelace",
      company: { name: "Analytical Engines", size: 250, industry: "Software", country: "GB" },
      owner: { name: "Mara Marketer" },
      history: [{ from: null, to: "INQUIRY", actor: "Mara Marketer" }],
    });
    expect(await getLead(admin, row!.id)).toBeNull();
    expect((await listLeads(admin, query())).total).toBe(0);
  });
});
