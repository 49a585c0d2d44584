import { expect, test } from "@playwright/test";
import { sessionAs } from "./support/roles";

test("a rep rates a campaign's leads and the marketer sees the rating and comment", async ({ browser }) => {
  const rep = await sessionAs(browser, "SALES_REP");
  await rep.getByRole("link", { name: "Campaigns", exact: true }).click();
  await rep.getByRole("link", { name: "Campaigns I worked (to rate)" }).click();
  await expect(rep.getByRole("link", { name: "Campaigns I worked (to rate)" })).toHaveAttribute("aria-current", "page");
  const first = rep.getByRole("table", { name: "Campaigns" }).getByRole("row").nth(1).getByRole("link").first();
  const campaign = (await first.textContent())!.trim();
  await first.click();
  await expect(rep.getByRole("heading", { name: campaign, level: 1 })).toBeVisible();
  const url = rep.url();

  const form = rep.getByRole("form", { name: "Your rating" });
  const comment = `Good titles, weak timelines (${Date.now() % 100_000})`;
  await form.getByRole("radio", { name: "2 · Weak" }).check();
  await form.getByLabel("Comment (optional)").fill(comment);
  await form.getByRole("button", { name: /Save rating|Update rating/ }).click();
  await expect(form.getByRole("status")).toContainText("your rating is saved");
  const ratings = rep.getByRole("list", { name: "Ratings and comments" });
  await expect(ratings).toContainText(comment);
  await expect(form.getByRole("button", { name: "Update rating" })).toBeVisible();

  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto(url);
  await expect(marketer.getByRole("heading", { name: campaign, level: 1 })).toBeVisible();
  const entry = marketer.getByRole("list", { name: "Ratings and comments" }).getByRole("listitem").filter({ hasText: comment });
  await expect(entry).toContainText("Sam Rivera rated it 2 / 5");
  await expect(marketer.getByTestId("rating-average")).toContainText("/ 5");
  // Marketing reads ratings; it does not give them.
  await expect(marketer.getByRole("form", { name: "Your rating" })).toHaveCount(0);

  // The pipeline review's panel shows the latest comments, this one first.
  await marketer.goto("/pipeline-review");
  const latest = marketer.getByRole("list", { name: "Latest comments" }).getByRole("listitem").first();
  await expect(latest).toContainText(comment);
  await expect(latest).toContainText(campaign);
});

test("a marketer creates a campaign, fixes what the form flags, then edits it", async ({ browser }) => {
  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto("/campaigns");
  await marketer.getByRole("link", { name: "New campaign" }).first().click();
  const name = `Q1 2027 Forecasting Webinar ${Date.now() % 100_000}`;
  const form = marketer.getByRole("form", { name: "New campaign" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Channel").selectOption({ label: "Webinar" });
  await form.getByLabel("Starts").fill("2027-01-20");
  await form.getByLabel("Ends (optional)").fill("2027-01-10");
  await form.getByLabel("Budget in USD (optional)").fill("-100");
  await form.getByLabel("Target MQLs (optional)").fill("40");
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(form.getByText("The end date must be after the start date")).toBeVisible();
  await expect(form.getByText("The budget cannot be negative")).toBeVisible();
  await expect(form.getByLabel("Ends (optional)")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Ends (optional)").fill("2027-02-20");
  await form.getByLabel("Budget in USD (optional)").fill("8000");
  await form.getByLabel("Goal (optional)").fill("Fill Q1 pipeline with finance leaders");
  await form.getByRole("button", { name: "Create campaign" }).click();

  await expect(marketer.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(marketer.getByText("Fill Q1 pipeline with finance leaders")).toBeVisible();
  await expect(marketer.getByRole("group", { name: "Leads" }).locator("[data-value]")).toHaveText("0");
  await expect(marketer.getByTestId("results-card")).toContainText(name);
  await expect(marketer.getByTestId("results-card")).toContainText("What fell short: 40 MQLs short of its target of 40");
  await expect(marketer.getByText("No ratings yet")).toBeVisible();

  await marketer.getByRole("link", { name: "Edit campaign" }).click();
  const edit = marketer.getByRole("form", { name: "Edit campaign" });
  await expect(edit.getByLabel("Starts")).toHaveValue("2027-01-20");
  await edit.getByLabel("Name").fill(`${name} (extended)`);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(marketer.getByRole("heading", { name: `${name} (extended)`, level: 1 })).toBeVisible();

  // The list finds it by name, newest first, with its results columns.
  await marketer.goto("/campaigns");
  await marketer.getByRole("searchbox", { name: "Search by name" }).fill("forecasting webinar");
  await marketer.getByRole("button", { name: "Search" }).click();
  await expect(marketer.getByRole("table", { name: "Campaigns" })).toContainText(`${name} (extended)`);
  await expect(marketer.getByRole("navigation", { name: "Pagination" })).toContainText("Page 1 of");
});
