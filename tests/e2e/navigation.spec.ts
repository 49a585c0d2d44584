import { expect, test, type Page } from "@playwright/test";
import { sessionAs } from "./support/roles";

/** Whether the page scrolls sideways: a navigation too wide for the screen would make it. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

test("the navigation shows every section at 1280px and on a phone, without scrolling sideways, and the keyboard reaches it", async ({ browser }) => {
  test.setTimeout(60_000);
  // The marketing manager has the most sections (with the CRO): twelve.
  const page = await sessionAs(browser, "MARKETING_MANAGER");
  const nav = page.getByRole("navigation", { name: "Main" });
  const labels = ["Pipeline review", "Leads", "Handovers", "Goals", "Campaigns", "Agreement", "Story", "Requests", "Pulse", "Messages", "Inbox"];
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/goals");
    for (const label of labels) await expect(nav.getByRole("link", { name: new RegExp(`^${label}`) })).toBeInViewport();
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: test.info().outputPath(`navigation-${width}.png`) });
  }
  // After "Skip to content" and the brand, Tab walks the sections in order.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/goals");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link").first()).toBeFocused();
});
