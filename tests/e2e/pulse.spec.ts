import { expect, test } from "@playwright/test";
import { QUESTIONS } from "../../lib/pulse/rules";
import { sessionAs } from "./support/roles";

test("a rep answers this month's pulse from their home and corrects it; the heads see the trend and the comment", async ({ browser }) => {
  // Two people, many pages: more than the default on a busy machine.
  test.setTimeout(60_000);
  const rep = await sessionAs(browser, "SALES_REP");
  await expect(rep).toHaveURL(/\/queue$/);
  const card = rep.getByRole("region", { name: /^Pulse for / });
  const form = card.getByRole("form", { name: /^Pulse for / });
  const comment = `The partner leads were the best this month (${Date.now() % 100_000})`;

  // Nothing chosen yet: the server's messages appear next to both questions.
  await form.getByRole("button", { name: "Send my answer" }).click();
  await expect(form.getByText("Choose how useful the leads were, from 1 to 5")).toBeVisible();
  await expect(form.getByText("Choose how well marketing supported you, from 1 to 5")).toBeVisible();

  await form.getByRole("group", { name: QUESTIONS.usefulness }).getByRole("radio", { name: /^4/ }).check();
  await form.getByRole("group", { name: QUESTIONS.support }).getByRole("radio", { name: /^2/ }).check();
  await form.getByLabel("Comment (optional)").fill(comment);
  await form.getByRole("button", { name: "Send my answer" }).click();
  await expect(form.getByRole("status")).toContainText("your answer for");
  await expect(form.getByRole("button", { name: "Update my answer" })).toBeVisible();

  // Changed within the month: the same answer, updated.
  await form.getByRole("group", { name: QUESTIONS.support }).getByRole("radio", { name: /^5/ }).check();
  await form.getByRole("button", { name: "Update my answer" }).click();
  await expect(form.getByRole("status")).toContainText("your answer for");
  await rep.reload();
  await expect(rep.getByRole("group", { name: QUESTIONS.support }).getByRole("radio", { name: /^5/ })).toBeChecked();

  // Reps do not see the pulse's results.
  await expect(rep.getByRole("link", { name: "Pulse", exact: true })).toHaveCount(0);
  await rep.goto("/pulse");
  await expect(rep).toHaveURL(/\/forbidden$/);

  // The head of marketing reads the trend, its data and the rep's comment, newest first.
  const head = await sessionAs(browser, "MARKETING_MANAGER");
  await head.getByRole("link", { name: "Pulse", exact: true }).click();
  await expect(head.getByRole("heading", { name: "Pulse", level: 1 })).toBeVisible();
  await expect(head.getByRole("heading", { name: "Monthly trend" })).toBeVisible();
  await head.getByText("Show data").click();
  await expect(head.locator("[data-table=pulse-trend] tbody tr")).toHaveCount(12);
  const comments = head.getByRole("list", { name: "Comments" }).getByRole("listitem");
  await expect(comments.filter({ hasText: comment })).toContainText("usefulness 4/5 · support 5/5");
  await head.getByRole("link", { name: "Next" }).click();
  await expect(head).toHaveURL(/\/pulse\?page=2$/);
  await expect(head.getByRole("list", { name: "Comments" }).getByRole("listitem").first()).toBeVisible();
});
