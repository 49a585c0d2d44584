import { expect, test, type Locator, type Page } from "@playwright/test";
import { sessionAs } from "./support/roles";

/** The unread count beside the Inbox link (0 when the badge is hidden). */
async function unreadCount(page: Page): Promise<number> {
  const badge = page.getByTestId("unread-count");
  if ((await badge.count()) === 0) return 0;
  return Number(await badge.textContent());
}

const composer = (scope: Page | Locator) => scope.getByRole("combobox", { name: "Message", exact: true });
const messages = (scope: Page | Locator) => scope.getByRole("list", { name: "Messages" });

test("a marketer mentions a rep with @ completion; the rep sees the unread count rise and opens the message", async ({ browser }) => {
  // Two people, and the navigation's count is polled every ten seconds.
  test.setTimeout(60_000);
  const stamp = Date.now().toString(36);
  const rep = await sessionAs(browser, "SALES_REP");
  await rep.goto("/queue");
  const before = await unreadCount(rep);

  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto("/messages");
  await expect(marketer.getByRole("heading", { name: "Team channel" })).toBeVisible();
  const box = composer(marketer);
  const options = marketer.getByRole("listbox", { name: "People to mention" }).getByRole("option");
  // The keyboard drives the list: arrows move through it, Escape closes it and leaves the text alone.
  await box.fill("@ma");
  await expect(options.nth(1)).toBeVisible();
  await box.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id"))!);
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveValue("@ma");

  await box.fill(`Acme asked for a call back (${stamp}) @ri`);
  await expect(options.first()).toContainText("Sam Rivera");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(box).toHaveValue(`Acme asked for a call back (${stamp}) @rep `);
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.pressSequentially("can you take it?");
  await marketer.getByRole("button", { name: "Send" }).click();
  const posted = messages(marketer).getByRole("listitem").filter({ hasText: stamp });
  await expect(posted).toContainText("@rep can you take it?");
  await expect(box).toHaveValue("");

  // No reload: the navigation polls the count.
  await expect.poll(() => unreadCount(rep), { timeout: 25_000 }).toBe(before + 1);
  await expect(rep.getByRole("link", { name: `Inbox, ${before + 1} unread` })).toBeVisible();

  await rep.getByRole("link", { name: /^Inbox/ }).click();
  const notice = rep.getByRole("list", { name: "Notifications" }).getByRole("link", { name: new RegExp(`Alex Chen mentioned you in the team channel: Acme asked for a call back \\(${stamp}\\)`) });
  await expect(notice).toBeVisible();
  await notice.click();
  await expect(rep).toHaveURL(/\/messages#message-/);
  await expect(messages(rep).getByRole("listitem").filter({ hasText: stamp })).toContainText("can you take it?");
  await expect.poll(() => unreadCount(rep), { timeout: 15_000 }).toBe(before);
});

test("a script payload in a message shows as text and runs nowhere, as it arrives live", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const rep = await sessionAs(browser, "SALES_REP");
  await rep.goto("/messages");
  await expect(composer(rep)).toBeVisible();

  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto("/messages");
  const payload = `${stamp} <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> [click me](javascript:window.__pwned=3)`;
  await composer(marketer).fill(payload);
  await marketer.getByRole("button", { name: "Send" }).click();
  await expect(messages(marketer).getByRole("listitem").filter({ hasText: stamp })).toBeVisible();

  // It reaches the rep's open channel by polling, as text.
  const arrived = messages(rep).getByRole("listitem").filter({ hasText: stamp });
  await expect(arrived).toBeVisible({ timeout: 15_000 });
  await expect(arrived).toContainText("<script>window.__pwned = 1</script>");
  await expect(arrived).toContainText('<img src=x onerror="window.__pwned = 2">');
  await expect(arrived.locator("script, img")).toHaveCount(0);
  const link = arrived.getByRole("link", { name: "click me" });
  expect(await link.getAttribute("href")).toBeFalsy();
  await link.click();
  for (const page of [rep, marketer]) expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("an author edits and deletes their message on a lead's thread; others see it edited, then deleted", async ({ browser }) => {
  // Two people, and the other one sees each change by polling.
  test.setTimeout(60_000);
  const stamp = Date.now().toString(36);
  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto("/leads");
  const leadLink = marketer.getByRole("table", { name: "Leads" }).getByRole("row").nth(1).getByRole("link").first();
  const leadHref = (await leadLink.getAttribute("href"))!;
  await marketer.goto(leadHref);
  const discussion = marketer.getByRole("region", { name: "Discussion" });
  await composer(discussion).fill(`Budget confirmed ${stamp}`);
  await discussion.getByRole("button", { name: "Send" }).click();
  const posted = messages(discussion).getByRole("listitem").filter({ hasText: stamp });
  await expect(posted).toBeVisible();
  // By its anchor from here on: while it is being edited, its text is in a box, not in the item.
  const anchor = (await posted.getAttribute("id"))!;
  const mine = marketer.locator(`[id="${anchor}"]`);

  const manager = await sessionAs(browser, "SALES_MANAGER");
  await manager.goto(leadHref);
  const theirs = manager.locator(`[id="${anchor}"]`);
  await expect(theirs).toContainText(stamp);
  await expect(theirs).toBeVisible();
  await expect(theirs.getByRole("button", { name: "Edit" })).toHaveCount(0);

  await mine.getByRole("button", { name: "Edit" }).click();
  const editor = mine.getByRole("combobox", { name: "Edit your message" });
  await editor.fill("   ");
  await mine.getByRole("button", { name: "Save" }).click();
  await expect(mine.getByText("Write a message")).toBeVisible();
  await editor.fill(`Budget confirmed by the CFO ${stamp}`);
  await mine.getByRole("button", { name: "Save" }).click();
  await expect(mine).toContainText("edited");
  await expect(theirs).toContainText("Budget confirmed by the CFO", { timeout: 15_000 });
  await expect(theirs).toContainText("edited");

  await mine.getByRole("button", { name: "Delete" }).click();
  const confirm = marketer.getByRole("alertdialog", { name: "Delete this message?" });
  await confirm.getByRole("button", { name: "Delete message" }).click();
  await expect(mine).toContainText("Message deleted");
  await expect(mine.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(discussion).not.toContainText(stamp);
  await expect(theirs).toContainText("Message deleted", { timeout: 15_000 });
  await expect(manager.getByRole("region", { name: "Discussion" })).not.toContainText(stamp);
});

test("a sales manager works through their inbox: the unread filter, marking one read, then all", async ({ browser }) => {
  // Two fresh mentions, so there is something unread however often this runs.
  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto("/messages");
  const stamp = Date.now().toString(36);
  for (const text of [`Could you review the webinar rejections (${stamp})`, `And the partner leads too (${stamp})`]) {
    await composer(marketer).fill(`@sales.manager ${text}`);
    await marketer.getByRole("button", { name: "Send" }).click();
    await expect(messages(marketer).getByRole("listitem").filter({ hasText: text })).toBeVisible();
    await expect(composer(marketer)).toHaveValue("");
  }

  const manager = await sessionAs(browser, "SALES_MANAGER");
  await manager.goto("/inbox?filter=unread");
  await expect(manager.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  const start = await unreadCount(manager);
  expect(start).toBeGreaterThan(1);
  await expect(manager.getByRole("link", { name: `Unread (${start})` })).toHaveAttribute("aria-current", "page");
  const notices = manager.getByRole("list", { name: "Notifications" }).getByRole("listitem");
  await expect(notices.first()).toBeVisible();

  await notices.first().getByRole("button", { name: /^Mark read/ }).click();
  await expect.poll(() => unreadCount(manager)).toBe(start - 1);
  await expect(manager.getByRole("link", { name: `Unread (${start - 1})` })).toBeVisible();

  await manager.getByRole("button", { name: "Mark all read" }).click();
  await expect(manager.getByText("Nothing unread")).toBeVisible();
  await expect(manager.getByTestId("unread-count")).toHaveCount(0);
  await expect(manager.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();

  await manager.getByRole("link", { name: "All", exact: true }).click();
  await expect(manager.getByRole("list", { name: "Notifications" }).getByText("Read").first()).toBeVisible();
});
