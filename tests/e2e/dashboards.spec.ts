import { expect, test, type Locator, type Page } from "@playwright/test";
import type { Role } from "../../lib/db/enums";
import { sessionAs } from "./support/roles";

/** A select of the dashboards' filter bar. */
const filter = (page: Page, label: string) => page.getByRole("search", { name: "Filter figures" }).getByLabel(label, { exact: true });

/** "1,234" → 1234. */
const toNumber = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

/** The data table behind a chart panel (in its "Show data" disclosure). */
const dataTable = (page: Page, panel: string) => page.locator(`table[data-table="${panel}"]`);

/** A number from a chart's data table: the row whose header is `row`, the column headed `column`. */
async function cell(table: Locator, row: string, column: string): Promise<number> {
  const headers = await table.locator("thead th").allTextContents();
  const index = headers.indexOf(column);
  expect(index, `column ${column}`).toBeGreaterThan(0);
  const line = table.locator("tbody tr").filter({ has: table.page().getByRole("rowheader", { name: row, exact: true, includeHidden: true }) });
  return toNumber(await line.locator("th, td").nth(index).textContent());
}

/** The leads list's result count, as its pagination says it. */
async function listedLeads(page: Page): Promise<number> {
  const status = page.getByRole("navigation", { name: "Pagination" }).getByText(/results?$/);
  await expect(status).toBeVisible();
  return toNumber((await status.textContent())!.split("·")[1]!);
}

const HOMES: { role: Role; path: RegExp; panels: string[]; figures: string[] }[] = [
  { role: "SALES_REP", path: /\/queue$/, panels: ["My pipeline"], figures: ["Handovers to me", "My acceptance rate", "My median speed to lead", "My SLA compliance"] },
  {
    role: "MARKETER",
    path: /\/pipeline-review$/,
    panels: ["Funnel by source", "Funnel by campaign", "Acceptance and rejection reasons", "Campaigns sales rejects most", "Speed to lead, from marketing's side"],
    figures: ["Inquiries", "MQLs", "MQL acceptance rate", "Marketing-sourced share"],
  },
  {
    role: "CRO",
    path: /\/dashboard$/,
    panels: ["Split funnel", "Sourced vs influenced pipeline", "Speed to lead and SLA", "Weekly trends"],
    figures: ["Inquiries", "MQLs", "MQL acceptance rate", "SLA compliance", "New pipeline", "Marketing-sourced share", "Win rate", "Pipeline velocity"],
  },
  { role: "SALES_MANAGER", path: /\/dashboard$/, panels: ["Split funnel"], figures: ["Win rate"] },
  { role: "MARKETING_MANAGER", path: /\/pipeline-review$/, panels: ["Funnel by source"], figures: ["MQLs"] },
];

for (const home of HOMES) {
  test(`${home.role} lands on a home that shows their figures`, async ({ browser }) => {
    const page = await sessionAs(browser, home.role);
    await expect(page).toHaveURL(home.path);
    for (const title of home.panels) {
      const panel = page.getByRole("region", { name: title, exact: true });
      await expect(panel).toBeVisible();
      await expect(panel.getByRole("img").first()).toBeVisible();
      await expect(panel.locator("svg.recharts-surface").first()).toBeVisible();
    }
    for (const label of home.figures) {
      const figure = page.getByRole("group", { name: label, exact: true });
      await expect(figure.locator("[data-value]")).toHaveText(/\d/);
      await expect(figure).toContainText("Previous 90 days");
    }
    await page.context().close();
  });
}

test("both teams see the same numbers, computed the same way", async ({ browser }) => {
  const cro = await sessionAs(browser, "CRO");
  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto("/pipeline-review?period=30d");
  await cro.goto("/dashboard?period=30d");
  for (const label of ["Inquiries", "MQLs", "MQL acceptance rate", "Marketing-sourced share"]) {
    const value = (page: Page) => page.getByRole("group", { name: label, exact: true }).locator("[data-value]");
    await expect(value(marketer)).toHaveText((await value(cro).textContent())!);
  }
  // The MQLs card is the split funnel's MQL bar.
  const mqls = toNumber(await cro.getByRole("group", { name: "MQLs", exact: true }).locator("[data-value]").textContent());
  expect(await cell(dataTable(cro, "split-funnel"), "MQL", "Entered")).toBe(mqls);
  await cro.context().close();
  await marketer.context().close();
});

test("a filter change redraws every chart and lives in the URL", async ({ browser }) => {
  const page = await sessionAs(browser, "CRO");
  await page.goto("/dashboard");
  const panels = await page.locator("[data-panel]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-panel")!));
  expect(panels).toEqual(["split-funnel", "pipeline", "speed", "trends"]);
  const before = new Map<string, string>();
  for (const panel of panels) before.set(panel, (await dataTable(page, panel).textContent())!);
  const mqlsBefore = await page.getByRole("group", { name: "MQLs", exact: true }).locator("[data-value]").textContent();

  await filter(page, "Source").selectOption("WEBINAR");
  await expect(page).toHaveURL(/\/dashboard\?(.*&)?source=WEBINAR/);
  for (const panel of panels) {
    const table = dataTable(page, panel);
    await expect(table.locator("caption")).toContainText("Last 90 days · Webinar");
    await expect(table).not.toHaveText(before.get(panel)!);
  }
  await expect(page.getByRole("group", { name: "MQLs", exact: true }).locator("[data-value]")).not.toHaveText(mqlsBefore!);

  await filter(page, "Period").selectOption("30d");
  await expect(page).toHaveURL(/period=30d/);
  await expect(page).toHaveURL(/source=WEBINAR/);
  // Each panel says the filters it was drawn with: in its table's caption, or under its empty state.
  for (const panel of panels) await expect(page.locator(`[data-panel="${panel}"]`)).toContainText("Last 30 days · Webinar");
  await page.reload();
  await expect(filter(page, "Source")).toHaveValue("WEBINAR");
  await expect(filter(page, "Period")).toHaveValue("30d");
  await page.context().close();
});

test("clicking a funnel bar opens the leads behind it, as many as the bar counts", async ({ browser }) => {
  const page = await sessionAs(browser, "CRO");
  await page.goto("/dashboard?source=WEBINAR");
  const mqls = await cell(dataTable(page, "split-funnel"), "MQL", "Entered");
  expect(mqls).toBeGreaterThan(0);
  await page.locator('[data-panel="split-funnel"] [data-bar="MQL"]').click();
  await expect(page).toHaveURL(/\/leads\?/);
  const params = new URL(page.url()).searchParams;
  expect(params.get("entered")).toBe("MQL");
  expect(params.get("source")).toBe("WEBINAR");
  expect(params.get("from")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(params.get("to")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId("figure-filter")).toContainText("Leads that entered MQL");
  expect(await listedLeads(page)).toBe(mqls);
  await page.context().close();
});

test("a marketer opens one source's MQLs from the funnel by source", async ({ browser }) => {
  const page = await sessionAs(browser, "MARKETER");
  const table = dataTable(page, "by-source");
  const source = (await table.locator("tbody tr").first().getByRole("rowheader", { includeHidden: true }).textContent())!;
  const mqls = await cell(table, source, "MQL");
  await page.locator('[data-panel="by-source"] [data-bar$=":MQL"]').first().click();
  await expect(page).toHaveURL(/\/leads\?.*entered=MQL/);
  await expect(page.getByRole("search", { name: "Filter leads" }).getByLabel("Source", { exact: true }).locator("option:checked")).toHaveText(source);
  expect(await listedLeads(page)).toBe(mqls);
  await page.context().close();
});

test("a rep opens the leads of one stage of their pipeline", async ({ browser }) => {
  const page = await sessionAs(browser, "SALES_REP");
  const table = dataTable(page, "my-pipeline");
  const stage = (await table.locator("tbody tr").first().getByRole("rowheader", { includeHidden: true }).textContent())!;
  const count = await cell(table, stage, "Leads");
  await page.locator('[data-panel="my-pipeline"] [data-bar]').first().click();
  await expect(page).toHaveURL(/\/leads\?.*owner=me/);
  await expect(page.getByRole("search", { name: "Filter leads" }).getByLabel("Owner", { exact: true })).toHaveValue("me");
  expect(await listedLeads(page)).toBe(count);
  await page.context().close();
});
