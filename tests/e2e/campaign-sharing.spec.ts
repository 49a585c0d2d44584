import { expect, test } from "@playwright/test";
import { createCampaign } from "./support/campaigns";
import { sessionAs } from "./support/roles";

test("a marketer shares a campaign's results card after confirming, and it appears in the team channel", async ({ browser }) => {
  test.setTimeout(60_000);
  const marketer = await sessionAs(browser, "MARKETER");
  const name = `Share check ${Date.now() % 100_000}`;
  await createCampaign(marketer, { name, channel: "Webinar", starts: "2027-01-20", targetMqls: "25" });

  // The dialog shows the card before anything is posted; cancelling posts nothing.
  const share = marketer.getByRole("button", { name: "Share to team channel" });
  await share.click();
  const dialog = marketer.getByRole("alertdialog", { name: "Share this results card to the team channel?" });
  await expect(dialog).toContainText(name);
  await expect(dialog).toContainText("What fell short: 25 MQLs short of its target of 25");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  await share.click();
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog).toBeHidden();
  const posted = marketer.getByRole("status").filter({ hasText: "Shared to the team channel." });
  await expect(posted).toBeVisible();
  await posted.getByRole("link", { name: "See the message" }).click();

  // The link lands on the message in the team channel, which another person reads too.
  await expect(marketer).toHaveURL(/\/messages#message-/);
  const id = new URL(marketer.url()).hash.slice(1);
  await expect(marketer.locator(`[id="${id}"]`)).toContainText(`${name} (Webinar): results so far`);

  const rep = await sessionAs(browser, "SALES_REP");
  await rep.goto("/messages");
  const message = rep.getByRole("list", { name: "Messages" }).getByRole("listitem", { name: "Message from Alex Chen" }).filter({ hasText: name });
  await expect(message).toContainText("What fell short: 25 MQLs short of its target of 25");
});
