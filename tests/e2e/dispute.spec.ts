import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoUser } from "./support/auth";
import { stageBadge } from "./support/lead-page";
import { sessionAs } from "./support/roles";

/** The rows of the handovers table that hold a button with this name. */
function rowsWithButton(page: Page, name: string): Locator {
  return page.getByRole("table", { name: "Handovers" }).getByRole("row").filter({ has: page.getByRole("button", { name, exact: true }) });
}

test("a marketer disputes a rejection of their lead and a sales manager sends it to another rep", async ({ browser }) => {
  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto("/handovers?view=rejected&mine=1");
  const disputable = rowsWithButton(marketer, "Dispute").first();
  await expect(disputable).toBeVisible();
  const leadLink = disputable.getByRole("link").first();
  const leadName = (await leadLink.textContent())!.trim();
  const leadHref = (await leadLink.getAttribute("href"))!;
  // "Alex Chen → Some Rep": the rep who rejected it.
  const rejectingRep = (await disputable.getByRole("cell").nth(1).textContent())!.split("→")[1]!.trim();

  await disputable.getByRole("button", { name: "Dispute" }).click();
  const dialog = marketer.getByRole("dialog", { name: `Dispute the rejection of ${leadName}` });
  await dialog.getByLabel("Why the rejection is wrong").fill("They booked a demo with us last week; the budget is approved.");
  await dialog.getByRole("button", { name: "Send dispute" }).click();
  await expect(dialog).toBeHidden();

  // It left the rejected view and waits among the disputed ones.
  const ours = (page: Page) => page.getByRole("row").filter({ has: page.locator(`a[href="${leadHref}"]`) });
  await expect(ours(marketer)).toHaveCount(0);
  await marketer.goto("/handovers?view=disputed&mine=1");
  await expect(ours(marketer)).toContainText("Disputed");
  await expect(ours(marketer)).toContainText("Dispute: “They booked a demo with us last week; the budget is approved.”");
  await expect(ours(marketer).getByRole("button", { name: "Dispute" })).toHaveCount(0);

  // The sales manager sends it back to another rep.
  const manager = await sessionAs(browser, "SALES_MANAGER");
  await manager.goto("/handovers?view=disputed");
  const disputed = ours(manager);
  await expect(disputed).toContainText("Disputed");
  await disputed.getByRole("button", { name: "Resolve" }).click();
  const resolve = manager.getByRole("dialog", { name: `Resolve the dispute on ${leadName}` });
  await resolve.getByRole("radio", { name: "Reassign to another rep" }).check();
  await expect(resolve.getByLabel("Rep (optional: next in turn if empty)")).toHaveValue("");
  await resolve.getByRole("button", { name: "Resolve" }).click();
  await expect(resolve).toBeHidden();
  await expect(ours(manager)).toHaveCount(0);

  // Back at MQL, handed to someone other than the rep who rejected it.
  await manager.goto(leadHref);
  await expect(manager.getByRole("heading", { name: leadName, level: 1 })).toBeVisible();
  await expect(stageBadge(manager)).toHaveText("MQL");
  const handovers = manager.getByRole("list", { name: "Handovers" }).getByRole("listitem");
  const latest = handovers.first();
  await expect(latest).toContainText("Waiting");
  const newRep = (await latest.locator("strong").textContent())!.trim();
  expect(newRep).not.toBe(rejectingRep);
  await expect(handovers.filter({ hasText: "sent to another rep" })).toContainText(`→ ${rejectingRep}`);
  await expect(manager.getByRole("list", { name: "Stage history" }).getByRole("listitem").filter({ hasText: /(Nurture|Disqualified) → MQL/ })).toContainText(
    demoUser("SALES_MANAGER").name,
  );
});

test("a dispute without a note is refused with a message on the note field", async ({ browser }) => {
  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto("/handovers?view=rejected&mine=1");
  const disputable = rowsWithButton(marketer, "Dispute").first();
  await disputable.getByRole("button", { name: "Dispute" }).click();
  const dialog = marketer.getByRole("dialog");
  await dialog.getByRole("button", { name: "Send dispute" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Some fields need attention.");
  await expect(dialog.getByText("Say why the rejection is wrong", { exact: true })).toBeVisible();
  await expect(dialog).toBeVisible();

  // Nothing was sent: the rejection can still be disputed.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await marketer.reload();
  await expect(rowsWithButton(marketer, "Dispute").first()).toBeVisible();
});
