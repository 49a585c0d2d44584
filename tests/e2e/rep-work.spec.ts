import { expect, test } from "@playwright/test";
import { demoUser } from "./support/auth";
import { detail, qualifiedLeadForDemoRep, stageBadge } from "./support/lead-page";
import { sessionAs } from "./support/roles";

/** yyyy-mm-dd, `days` from today (UTC, as the server checks it). */
function isoDateIn(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

test("the rep accepts a handover from their queue, logs a touch and works the lead to Won", async ({ browser }) => {
  test.setTimeout(45_000);
  const rep = demoUser("SALES_REP");
  const page = await sessionAs(browser, "SALES_REP");
  await expect(page).toHaveURL(/\/queue$/);
  await expect(page.getByRole("heading", { name: "My queue", level: 1 })).toBeVisible();
  const queue = page.getByRole("table", { name: "Handovers waiting for you" });
  if ((await queue.count()) === 0) {
    // Earlier tests answered everything the demo data left waiting: marketing qualifies a fresh lead for the rep.
    await qualifiedLeadForDemoRep(browser, `Wendy Worked ${Date.now() % 100_000}`);
    await page.reload();
  }
  // The newest handover: the oldest ones (one of them past its SLA) stay for anyone else reading the demo queue.
  const row = queue.getByRole("row").last();
  const link = row.getByRole("link").first();
  const leadName = (await link.textContent())!.trim();
  const leadUrl = (await link.getAttribute("href"))!;
  await row.getByRole("button", { name: `Accept ${leadName}` }).click();
  await expect(queue.getByRole("row").filter({ has: page.locator(`a[href="${leadUrl}"]`) })).toHaveCount(0);

  // Accepted: the lead is the rep's, in the sales half of the funnel.
  await page.goto(leadUrl);
  await expect(page.getByRole("heading", { name: leadName, level: 1 })).toBeVisible();
  await expect(stageBadge(page)).toHaveText("SAL");
  await expect(detail(page, "Owner")).toHaveText(rep.name);
  await expect(page.getByRole("list", { name: "Handovers" }).getByRole("listitem").first()).toContainText("Accepted");

  // The first touch, within the agreed time.
  const touchForm = page.getByRole("form", { name: "Log a touch" });
  await touchForm.getByLabel("Kind").selectOption({ label: "Call" });
  await touchForm.getByLabel("Note").fill("Intro call: they want a demo next week.");
  await touchForm.getByRole("button", { name: "Log touch" }).click();
  await expect(touchForm.getByRole("status")).toHaveText("Logged.");
  const touches = page.getByRole("list", { name: "Touches" });
  const touch = touches.getByRole("listitem").filter({ hasText: "Intro call: they want a demo next week." });
  await expect(touch).toContainText(rep.name);
  await expect(touch).toContainText("Call");
  await expect(page.getByText(/First touch due by .*: made in time/)).toBeVisible();

  // SAL → SQL → Opportunity (which needs a deal) → Won.
  const move = page.getByRole("form", { name: "Move stage" });
  await move.getByLabel("Move to").selectOption({ label: "SQL" });
  await move.getByRole("button", { name: "Move lead" }).click();
  await expect(stageBadge(page)).toHaveText("SQL");

  await move.getByLabel("Move to").selectOption({ label: "Opportunity" });
  await expect(move.getByLabel("Amount (USD)")).toBeVisible();
  await move.getByRole("button", { name: "Move lead" }).click();
  await expect(page.locator("#move-amount-error")).toHaveText("An opportunity needs an amount greater than zero.");
  await expect(move.getByLabel("Amount (USD)")).toBeVisible();
  await expect(stageBadge(page)).toHaveText("SQL");
  await move.getByLabel("Amount (USD)").fill("48000");
  await move.getByLabel("Expected close date").fill(isoDateIn(45));
  await move.getByRole("button", { name: "Move lead" }).click();
  await expect(stageBadge(page)).toHaveText("Opportunity");
  await expect(detail(page, "Amount")).toContainText("48,000");
  await expect(detail(page, "Expected close")).toBeVisible();

  await move.getByLabel("Move to").selectOption({ label: "Won" });
  await move.getByRole("button", { name: "Move lead" }).click();
  await expect(stageBadge(page)).toHaveText("Won");

  // Every move is in the history, made by the rep.
  const history = page.getByRole("list", { name: "Stage history" });
  const steps = ["MQL → SAL", "SAL → SQL", "SQL → Opportunity", "Opportunity → Won"];
  await expect(history.getByRole("listitem").last()).toContainText("Opportunity → Won");
  for (const step of steps) await expect(history.getByRole("listitem").filter({ hasText: step }).last()).toContainText(rep.name);
});
