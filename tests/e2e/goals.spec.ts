import { expect, test, type Page } from "@playwright/test";
import { sessionAs } from "./support/roles";

/** The current calendar quarter's first and last days, "YYYY-MM-DD", as the goal form takes them. */
function currentQuarter(now = new Date()): { first: string; last: string } {
  const month = Math.floor(now.getUTCMonth() / 3) * 3;
  const first = new Date(Date.UTC(now.getUTCFullYear(), month, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), month + 3, 0));
  return { first: first.toISOString().slice(0, 10), last: last.toISOString().slice(0, 10) };
}

const signatures = (page: Page) => page.getByRole("list", { name: "Signatures" });

test("two heads sign a goal and it appears on a rep's home with its progress", async ({ browser }) => {
  // Four people's pages, each computing live goal progress: more than the default budget on a busy machine.
  test.setTimeout(60_000);
  const title = `Q MQLs ${Date.now()}`;
  const { first, last } = currentQuarter();

  // The head of sales drafts it; the form shows what is wrong next to each field before anything is saved.
  const salesHead = await sessionAs(browser, "SALES_MANAGER");
  await salesHead.goto("/goals");
  await salesHead.getByRole("link", { name: "New goal" }).click();
  await salesHead.getByRole("button", { name: "Draft goal" }).click();
  await expect(salesHead.getByLabel("Name")).toHaveAccessibleDescription(/Name the goal in at least 3 characters/);
  await expect(salesHead.getByText("Enter the target")).toBeVisible();

  await salesHead.getByLabel("Name").fill(title);
  await salesHead.getByLabel("Metric").selectOption({ label: "MQLs" });
  await salesHead.getByLabel("Target (leads)").fill("100");
  await salesHead.getByLabel("First day").fill(first);
  await salesHead.getByLabel("Last day").fill(last);
  await salesHead.getByRole("button", { name: "Draft goal" }).click();
  await expect(salesHead.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(salesHead.getByText("Draft", { exact: true })).toBeVisible();

  // Proposing signs it for sales.
  await salesHead.getByRole("button", { name: "Propose" }).click();
  await expect(signatures(salesHead).getByRole("listitem").filter({ hasText: "Sales" })).toContainText("Signed");
  await expect(salesHead.getByText("Proposed", { exact: true })).toBeVisible();
  const goalUrl = salesHead.url();

  // The head of marketing signs: the goal is agreed.
  const marketingHead = await sessionAs(browser, "MARKETING_MANAGER");
  await marketingHead.goto(goalUrl);
  await expect(marketingHead.getByText("Your signature makes this goal agreed")).toBeVisible();
  await marketingHead.getByRole("button", { name: "Sign for Marketing" }).click();
  await expect(marketingHead.getByText("Agreed", { exact: true })).toBeVisible();
  await expect(signatures(marketingHead).getByRole("listitem").filter({ hasText: "Marketing" })).toContainText("Signed");
  await expect(marketingHead.getByTestId("goal-figure")).toHaveText(/^[\d,]+ of 100$/);

  // A rep's home shows it with its progress (live: a background re-evaluation may add MQLs in between, so the figure
  // is checked for its form, not copied from the head's page).
  const rep = await sessionAs(browser, "SALES_REP");
  await expect(rep).toHaveURL(/\/queue$/);
  const card = rep.getByTestId("goal-card").filter({ has: rep.getByRole("link", { name: title }) });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("goal-figure")).toHaveText(/^[\d,]+ of 100$/);
  await expect(card.getByRole("progressbar", { name: `${title}: progress` })).toBeVisible();
  await expect(card.locator("[data-standing]")).toHaveText(/On track|Behind/);

  // The goal page opens from there, with its trend and what moved it.
  await card.getByRole("link", { name: title }).click();
  await expect(rep.getByRole("region", { name: "Weekly trend" })).toBeVisible();
  await expect(rep.getByRole("region", { name: "What moved it" })).toBeVisible();
  await expect(rep.getByRole("button", { name: /Sign for|Propose|Archive/ })).toHaveCount(0);
});

test("editing an agreed goal sends it back for signatures, and the CRO's signature agrees it again", async ({ browser }) => {
  const cro = await sessionAs(browser, "CRO");
  await cro.goto("/goals");
  await cro.getByRole("link", { name: "MQLs this quarter" }).click();
  await expect(cro.getByRole("heading", { name: "MQLs this quarter", level: 1 })).toBeVisible();
  await expect(cro.getByText("Agreed", { exact: true })).toBeVisible();
  await cro.getByRole("link", { name: "Edit" }).click();
  await expect(cro.getByText("Saving a change clears its signatures")).toBeVisible();
  await cro.getByLabel("Target (leads)").fill("160");
  await cro.getByRole("button", { name: "Save goal" }).click();

  await expect(cro).toHaveURL(/\/goals\/seed_goal_mqls$/);
  await expect(cro.getByText("Proposed", { exact: true })).toBeVisible();
  await expect(signatures(cro).getByText("Signed", { exact: true })).toHaveCount(0);
  await expect(cro.getByTestId("goal-figure")).toHaveText(/ of 160$/);

  await cro.getByRole("button", { name: "Sign for CRO" }).click();
  await expect(cro.getByText("Agreed", { exact: true })).toBeVisible();
});
