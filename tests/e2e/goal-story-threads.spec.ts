import { expect, test, type Page } from "@playwright/test";
import { sessionAs } from "./support/roles";

const composer = (page: Page, thread: string) => page.locator(`#${thread}`).getByRole("combobox", { name: "Message", exact: true });

test("a rep comments on the story in force and on a goal; the heads read the comments there", async ({ browser }) => {
  test.setTimeout(60_000);
  const stamp = Date.now().toString(36);
  const rep = await sessionAs(browser, "SALES_REP");

  // The rep's home leads to the story's comments.
  await rep.goto("/queue");
  await rep.getByRole("link", { name: "Comment on it" }).click();
  await expect(rep).toHaveURL(/\/story#thread-story$/);
  const storyComment = `Persona two needs a shorter pitch (${stamp})`;
  await composer(rep, "thread-story").fill(storyComment);
  await rep.locator("#thread-story").getByRole("button", { name: "Send" }).click();
  await expect(rep.locator("#thread-story").getByRole("list", { name: "Messages" })).toContainText(storyComment);

  await rep.goto("/goals");
  await rep.locator('main a[href^="/goals/"]:not([href="/goals/new"])').first().click();
  await expect(rep).toHaveURL(/\/goals\/[^/]+$/);
  const goalUrl = rep.url();
  const goalComment = `We can make this if handovers come by Friday (${stamp})`;
  await composer(rep, "thread-goal").fill(goalComment);
  await rep.locator("#thread-goal").getByRole("button", { name: "Send" }).click();
  await expect(rep.locator("#thread-goal").getByRole("list", { name: "Messages" })).toContainText(goalComment);

  const manager = await sessionAs(browser, "SALES_MANAGER");
  await manager.goto("/story");
  await expect(manager.locator("#thread-story")).toContainText(storyComment);
  await manager.goto(goalUrl);
  await expect(manager.locator("#thread-goal")).toContainText(goalComment);
});
