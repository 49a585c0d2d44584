import { expect, type Browser, type Page } from "@playwright/test";
import { demoUser } from "./auth";
import { fillLeadForm } from "./lead-form";
import { sessionAs } from "./roles";

/** The stage badge beside the lead's name at the top of its page. */
export function stageBadge(page: Page) {
  return page.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::span[1]");
}

/** The value of one fact in the lead page's "Details" card ("Owner", "Amount"…). */
export function detail(page: Page, label: string) {
  return page.locator("dt").filter({ hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

/**
 * A marketer logs a lead that meets the lead definition (a finance director at a 900-person US bank, from a webinar
 * with a campaign), so it becomes an MQL and is handed over; a sales manager then hands it to the demo rep if round
 * robin chose someone else. Returns the marketer's page, left on the lead.
 */
export async function qualifiedLeadForDemoRep(browser: Browser, name: string): Promise<{ marketer: Page; leadUrl: string }> {
  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto("/leads/new");
  const slug = name.toLowerCase().replace(/[^a-z]+/g, " ").trim().replace(/ /g, ".");
  await fillLeadForm(marketer, {
    name,
    email: `${slug}.${Date.now()}@bank.test`,
    company: `${name} Bank`,
    industry: "Financial services",
    title: "Director of Finance",
    size: "900",
  });
  await marketer.getByLabel("Campaign (optional)").selectOption({ index: 1 });
  await marketer.getByRole("button", { name: "Log lead" }).click();
  await expect(marketer.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(stageBadge(marketer)).toHaveText("MQL");
  const leadUrl = marketer.url();

  const rep = demoUser("SALES_REP");
  const manager = await sessionAs(browser, "SALES_MANAGER");
  await manager.goto(leadUrl);
  const handovers = manager.getByRole("list", { name: "Handovers" });
  await expect(handovers).toContainText("Waiting");
  if (!(await handovers.textContent())?.includes(`→ ${rep.name}`)) {
    await handovers.getByRole("button", { name: "Reassign" }).click();
    const dialog = manager.getByRole("dialog");
    await dialog.getByLabel("Rep").selectOption({ label: rep.name });
    await dialog.getByRole("button", { name: "Reassign" }).click();
    await expect(dialog).toBeHidden();
    await expect(handovers.getByRole("listitem").first()).toContainText(`→ ${rep.name}`);
  }
  await manager.context().close();
  return { marketer, leadUrl };
}
