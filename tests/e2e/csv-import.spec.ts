import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";
import { withSharedDatabase } from "./support/database";

/** A CSV whose company column is headed "Org" (not matched by name) and whose third line has a bad email. */
function fileFor(run: string, count: number): string {
  const lines = ["Full name,Work email,Org,Channel,Employees"];
  lines.push(`=1+2 Formula,formula.${run}@csv.test,Formula Co,Webinar,40`);
  lines.push(`Broken Row,not-an-email,Broken Co,Webinar,40`);
  for (let n = 1; n < count; n++) lines.push(`Csv Person ${n},person.${n}.${run}@csv.test,Csv Co ${n % 7},${n % 2 ? "Event" : "Paid search"},${10 + n}`);
  return `${lines.join("\n")}\n`;
}

test("a marketer imports a CSV with errors, fixes the mapping, imports the valid rows and exports them", async ({ page }) => {
  const run = Date.now().toString(36);
  const rows = 400;
  await signInAs(page, "MARKETER");
  await page.goto("/leads");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { name: "Import leads from CSV", level: 1 })).toBeVisible();

  await page.getByLabel("CSV file").setInputFiles({ name: `spring-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(fileFor(run, rows)) });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("heading", { name: `Import of spring-${run}.csv`, level: 1 })).toBeVisible();

  // Nothing mapped the company: every row is invalid, and the mapping says why.
  await expect(page.getByText("Choose the column that holds the company.")).toBeVisible();
  const counts = page.getByTestId("import-counts");
  await expect(counts).toContainText(`Valid0`);
  await expect(page.getByRole("button", { name: /^Import/ }).first()).toBeDisabled();
  await expect(page.getByRole("table", { name: /Preview/ }).getByRole("row")).toHaveCount(6);

  // Fix the mapping with the labelled select, by keyboard.
  const company = page.getByLabel("Company column");
  await company.focus();
  await company.selectOption({ label: "Org" });
  await page.getByRole("button", { name: "Apply mapping and check rows" }).click();
  await expect(page.getByText("Choose the column that holds the company.")).toBeHidden();
  await expect(counts).toContainText(`Valid${rows}`);
  await expect(counts).toContainText("With errors1");
  const errors = page.getByRole("list", { name: /Rows with errors/ });
  await expect(errors.getByRole("listitem")).toHaveCount(1);
  await expect(errors).toContainText("Line 3: Email: Enter a valid email address");

  await page.getByRole("button", { name: `Import the ${rows} valid rows` }).click();
  const progress = page.getByRole("progressbar");
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuemax", String(rows));
  await expect(progress).toHaveAttribute("aria-valuenow", String(rows), { timeout: 30_000 });
  await expect(page.getByTestId("import-result")).toHaveText(`${rows} created · 0 merged · 1 skipped`);

  // Export the imported leads through the list's filters (a search for this run's email domain part).
  await page.goto(`/leads?q=${run}%40csv.test&sort=name&dir=asc`);
  await expect(page.getByRole("table", { name: "Leads" }).getByRole("row").nth(1)).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tandem-leads-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0]).toBe("Name,Email,Job title,Company,Company size,Industry,Country,Source,Campaign,Stage,Score,Owner,Created at,Stage changed at");
  expect(lines).toHaveLength(rows + 1);
  // Sorted by name: the formula cell comes first, escaped so a spreadsheet shows it as text.
  expect(lines[1]!.startsWith(`'=1+2 Formula,formula.${run}@csv.test,`)).toBe(true);
  expect(lines.slice(1).every((line) => line.includes(`.${run}@csv.test`))).toBe(true);
});

test("an import stopped by an error mid-way is resumed from its page and ends with every row written once", async ({ page }) => {
  const run = Date.now().toString(36);
  // Two of the job's batches (1,000 rows each): the first commits, the second meets a fault the test plants in the
  // database (a lead insert refused for one line's email) and is rolled back whole.
  const rows = 1_500;
  const emailOf = (line: number) => `resume.${line}.${run}@csv.test`;
  const lines = ["Name,Email,Company,Source", ...Array.from({ length: rows }, (_, n) => `Resume Person ${n + 1},${emailOf(n + 1)},Resume Co ${n % 9},Webinar`)];
  const fault = `e2e_import_fault_${run}`;
  const removeFault = () => withSharedDatabase((client) => client.query(`DROP TRIGGER IF EXISTS ${fault} ON "Lead"; DROP FUNCTION IF EXISTS ${fault}()`));
  await withSharedDatabase(async (client) => {
    await client.query(`CREATE FUNCTION ${fault}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.email = '${emailOf(1_200)}' THEN RAISE EXCEPTION 'refused by the browser test'; END IF; RETURN NEW; END $$`);
    await client.query(`CREATE TRIGGER ${fault} BEFORE INSERT ON "Lead" FOR EACH ROW EXECUTE FUNCTION ${fault}()`);
  });
  try {
    await signInAs(page, "MARKETER");
    await page.goto("/leads/import");
    await page.getByLabel("CSV file").setInputFiles({ name: `resume-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) });
    await page.getByRole("button", { name: "Upload and check" }).click();
    await page.getByRole("button", { name: "Import 1,500 rows" }).click();

    await expect(page.getByText("The import stopped on an error")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Stopped at 1,000 of 1,500 rows (66%)")).toBeVisible();
    await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1000");

    await removeFault();
    await page.getByRole("button", { name: "Resume import" }).click();
    await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", String(rows), { timeout: 30_000 });
    await expect(page.getByTestId("import-result")).toHaveText("1,500 created · 0 merged · 0 skipped");
    await expect(page.getByRole("button", { name: "Resume import" })).toHaveCount(0);
  } finally {
    await removeFault();
  }
  // Every line once: the rolled-back batch left nothing behind, and the resumed job wrote it whole.
  const written = await withSharedDatabase((client) =>
    client.query<{ leads: number; emails: number }>(`SELECT count(*)::int AS leads, count(DISTINCT email)::int AS emails FROM "Lead" WHERE email LIKE $1`, [`resume.%.${run}@csv.test`]),
  );
  expect(written.rows[0]).toEqual({ leads: rows, emails: rows });
});

test("30 days after an import finished, its page says the file's rows are no longer kept, and keeps its result", async ({ page }) => {
  const run = Date.now().toString(36);
  const upload = async (name: string, lines: string[]) => {
    await page.goto("/leads/import");
    await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(`${["Name,Email,Company,Source", ...lines].join("\n")}\n`) });
    await page.getByRole("button", { name: "Upload and check" }).click();
    await expect(page.getByRole("heading", { name: `Import of ${name}`, level: 1 })).toBeVisible();
  };
  await signInAs(page, "MARKETER");
  await upload(`aged-${run}.csv`, [`Aged One,aged.1.${run}@csv.test,Aged Co,Webinar`, `Aged Two,aged.2.${run}@csv.test,Aged Co,Webinar`, `Aged Broken,not-an-email,Aged Co,Webinar`]);
  const importUrl = page.url();
  await page.getByRole("button", { name: "Import the 2 valid rows" }).click();
  await expect(page.getByTestId("import-result")).toHaveText("2 created · 0 merged · 1 skipped", { timeout: 30_000 });
  await expect(page.getByRole("list", { name: /Rows with errors/ })).toContainText("Line 4: Email: Enter a valid email address");

  // A month passes; the next upload (anyone's) clears the rows.
  const importId = new URL(importUrl).pathname.split("/").at(-1)!;
  await withSharedDatabase((client) => client.query(`UPDATE "LeadImport" SET "finishedAt" = now() - interval '31 days' WHERE id = $1`, [importId]));
  await upload(`next-${run}.csv`, [`Next One,next.1.${run}@csv.test,Next Co,Webinar`]);

  await page.goto(importUrl);
  await expect(page.getByTestId("import-result")).toHaveText("2 created · 0 merged · 1 skipped");
  await expect(page.getByText("This import finished more than 30 days ago, so the file's rows are no longer kept").first()).toBeVisible();
  await expect(page.getByRole("table", { name: /Preview/ })).toHaveCount(0);
  await expect(page.getByText("Line 4:")).toHaveCount(0);
});

test("only marketing sees the import", async ({ page }) => {
  await signInAs(page, "SALES_REP");
  await page.goto("/leads");
  await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
  await page.goto("/leads/import");
  await expect(page).toHaveURL(/\/forbidden$/);
});

test("the dashboards' CSV buttons download the table behind each chart", async ({ page }) => {
  await signInAs(page, "CRO");
  await page.goto("/dashboard");
  const button = page.getByRole("button", { name: /^Download .+ as CSV$/ }).first();
  await expect(button).toBeVisible();
  // The chart panel the button belongs to (panels may sit inside larger sections).
  const panel = button.locator("xpath=ancestor::section[@data-panel][1]");
  const table = panel.locator("table[data-table]");
  const headers = (await table.locator("thead th").allTextContents()).map((header) => header.trim());
  const rowCount = await table.locator("tbody tr").count();
  const downloading = page.waitForEvent("download");
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0]!.split(",").map((cell) => cell.replace(/^"|"$/g, ""))).toEqual(headers);
  expect(lines).toHaveLength(rowCount + 1);
});
