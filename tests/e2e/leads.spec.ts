import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";
import { fillLeadForm } from "./support/lead-form";

test("a marketer logs a lead, sees it enter the funnel, and finds it through search", async ({ page }) => {
  await signInAs(page, "MARKETER");
  await page.goto("/leads");
  await page.getByRole("link", { name: "Log a lead" }).click();
  const email = `e2e.${Date.now()}@newco.test`;
  // A non-profit is outside every definition's target industries, so the lead stays an inquiry.
  await fillLeadForm(page, { name: "Edith Clarke", email, company: "Grid Dynamics Test Co", industry: "Non-profit" });
  await page.getByRole("button", { name: "Log lead" }).click();

  await expect(page.getByRole("heading", { name: "Edith Clarke" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Stage history" })).toContainText("Entered as Inquiry");

  await page.getByRole("link", { name: "← All leads" }).click();
  await page.getByRole("searchbox", { name: "Search" }).fill(email);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(email).replace(/\./g, "\\.")}`));
  const rows = page.getByRole("table", { name: "Leads" }).getByRole("row");
  await expect(rows).toHaveCount(2); // header + the lead
  await expect(rows.nth(1)).toContainText("Edith Clarke");
  await expect(rows.nth(1)).toContainText("Inquiry");
});

test("the form shows the browser's checks at once and the server's refusal of a duplicate email", async ({ page }) => {
  await signInAs(page, "SALES_REP");
  await page.goto("/leads/new");
  await page.getByRole("button", { name: "Log lead" }).click();
  await expect(page.getByText("Enter the name")).toBeVisible();
  await expect(page.getByText("Choose a source")).toBeVisible();

  // An email that the demo data already holds: only the server can know.
  await page.goto("/leads?sort=createdAt&dir=asc");
  const existing = (await page.getByRole("table", { name: "Leads" }).getByRole("row").nth(1).locator("td").first().locator("div").textContent())!.trim();
  await page.goto("/leads/new");
  await fillLeadForm(page, { name: "Second Copy", email: existing.toUpperCase(), company: "Copy Co", industry: "Retail" });
  await page.getByRole("button", { name: "Log lead" }).click();
  await expect(page.locator("#email-error")).toHaveText("A lead with this email already exists.");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/leads\/new$/);
});

test("filters and sorting live in the URL and survive a reload", async ({ page }) => {
  await signInAs(page, "CRO");
  await page.goto("/leads");
  await page.getByLabel("Stage").selectOption("WON");
  await expect(page).toHaveURL(/stage=WON/);
  await page.getByRole("link", { name: "Name" }).click();
  await expect(page).toHaveURL(/sort=name/);
  await page.reload();
  await expect(page.getByLabel("Stage")).toHaveValue("WON");
  const stages = page.getByRole("table", { name: "Leads" }).getByRole("row").locator("td:nth-child(3)");
  await expect(stages.first()).toHaveText("Won");
  expect(new Set(await stages.allTextContents())).toEqual(new Set(["Won"]));
  // The total streams in after the rows: "Page 1 of N · M results", M the won leads of the demo data.
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(/^Page 1 of \d+ · [\d,]+ results?/);
});
