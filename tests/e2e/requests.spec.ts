import { expect, test } from "@playwright/test";
import { sessionAs } from "./support/roles";

/** yyyy-mm-dd, `days` from today (UTC, as the server checks it). */
function isoDateIn(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

test("a rep asks marketing for a nurture campaign; a marketer takes it and delivers it with a link the rep sees", async ({ browser }) => {
  // Two people, many pages: more than the default on a busy machine.
  test.setTimeout(60_000);
  const title = `Nurture for the logistics shortlist ${Date.now() % 100_000}`;
  const rep = await sessionAs(browser, "SALES_REP");
  await rep.getByRole("link", { name: "Requests", exact: true }).click();
  await expect(rep.getByRole("heading", { name: "Requests", level: 1 })).toBeVisible();
  await expect(rep.getByRole("link", { name: "Mine" })).toHaveAttribute("aria-current", "page");
  await rep.getByRole("link", { name: "Ask marketing" }).first().click();

  const form = rep.getByRole("form", { name: "Ask marketing for help" });
  await form.getByLabel("What you need").selectOption({ label: "Nurture campaign" });
  await form.getByLabel("Due date").fill(isoDateIn(7));
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Details").fill("Three emails for the logistics accounts that went quiet after the demo.");
  await form.getByRole("button", { name: "Send request" }).click();
  // A nurture campaign is for named accounts: the form says so next to the field and sends nothing.
  await expect(form.getByText("Name the accounts the nurture campaign is for")).toBeVisible();
  await form.getByLabel("Named accounts").fill("Hansa Logistik\nNordic Freight");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(rep.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(rep.getByText("Open", { exact: true })).toBeVisible();
  await expect(rep.getByRole("listitem").filter({ hasText: "Nordic Freight" })).toBeVisible();
  const requestUrl = rep.url();

  // The marketer finds it among the open requests, takes it and delivers it (an unsafe link is refused).
  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto("/requests");
  await expect(marketer.getByRole("link", { name: "Open" })).toHaveAttribute("aria-current", "page");
  await marketer.getByRole("link", { name: "All" }).click();
  await marketer.getByRole("link", { name: title }).click();
  await marketer.getByRole("button", { name: "Take this request" }).click();
  await expect(marketer.getByText("In progress", { exact: true })).toBeVisible();
  await marketer.getByRole("button", { name: "Deliver" }).click();
  const dialog = marketer.getByRole("dialog");
  await dialog.getByLabel("Link to what you delivered").fill("javascript:alert(1)");
  await dialog.getByRole("button", { name: "Deliver" }).click();
  await expect(dialog.getByText("Use a web link starting with https:// or http://")).toBeVisible();
  await dialog.getByLabel("Link to what you delivered").fill("https://drive.example.com/nurture-logistics");
  await dialog.getByRole("button", { name: "Deliver" }).click();
  await expect(marketer.getByText("Delivered", { exact: true })).toBeVisible();

  // The rep sees the link, and a delivered request can no longer be cancelled.
  await rep.goto(requestUrl);
  await expect(rep.getByRole("link", { name: "https://drive.example.com/nurture-logistics" })).toBeVisible();
  await expect(rep.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
});

test("a rep cancels a request after confirming, and a request past its due date is marked overdue", async ({ browser }) => {
  const title = `Case study for logistics ${Date.now() % 100_000}`;
  const rep = await sessionAs(browser, "SALES_REP");
  await rep.goto("/requests/new");
  const form = rep.getByRole("form", { name: "Ask marketing for help" });
  await form.getByLabel("What you need").selectOption({ label: "Content" });
  await form.getByLabel("Due date").fill(isoDateIn(3));
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Details").fill("A one-page case study of a logistics customer, with figures.");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(rep.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  await rep.getByRole("button", { name: "Cancel request" }).click();
  const confirm = rep.getByRole("alertdialog", { name: "Cancel this request?" });
  // Cancel in the dialog keeps the request.
  await confirm.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(rep.getByText("Open", { exact: true })).toBeVisible();
  await rep.getByRole("button", { name: "Cancel request" }).click();
  await rep.getByRole("alertdialog").getByRole("button", { name: "Cancel request" }).click();
  await expect(rep.getByText("Cancelled", { exact: true }).first()).toBeVisible();
  await expect(rep.getByRole("button", { name: "Cancel request" })).toHaveCount(0);

  // The demo data has requests waiting past their due date; the list marks them.
  await rep.goto("/requests?view=all");
  await expect(rep.getByRole("table", { name: "All requests" }).getByText("Overdue").first()).toBeVisible();
});
