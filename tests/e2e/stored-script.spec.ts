import { expect, test, type Page } from "@playwright/test";
import { fillLeadForm } from "./support/lead-form";
import { sessionAs } from "./support/roles";

// Script stored in free-text fields (a lead's name and company, a touch's note, a campaign's name) is shown to other
// people as the text that was typed: no dialog opens and nothing runs, on any page that shows it.
const stamp = String(Date.now() % 1_000_000);
const payload = (where: string) => `${where} ${stamp} <img src=x onerror="alert('${where}');window.__pwned=1"><script>window.__pwned=2</script>`;

/** Records every dialog the page opens (none should), and dismisses it so the test goes on to say what ran. */
function watchDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on("dialog", (dialog) => {
    opened.push(dialog.message());
    void dialog.dismiss();
  });
  return opened;
}

async function nothingRan(page: Page, opened: string[]) {
  expect(opened).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}

test("script typed into a lead, a touch note and a campaign name shows as text to everyone else, and runs nowhere", async ({ browser }) => {
  const marketer = await sessionAs(browser, "MARKETER");
  const marketerDialogs = watchDialogs(marketer);

  // A lead that stays with marketing (too small to qualify), so the marketer may log a touch on it.
  await marketer.goto("/leads/new");
  await fillLeadForm(marketer, { name: payload("lead"), email: `stored.script.${stamp}@example.test`, company: payload("company"), industry: "Software", size: "5" });
  await marketer.getByRole("button", { name: "Log lead" }).click();
  await expect(marketer.getByRole("heading", { name: payload("lead") })).toBeVisible();
  const leadUrl = marketer.url();
  const touchForm = marketer.getByRole("form", { name: "Log a touch" });
  await touchForm.getByLabel("Kind").selectOption({ label: "Note" });
  await touchForm.getByLabel("Note").fill(payload("note"));
  await touchForm.getByRole("button", { name: "Log touch" }).click();
  await expect(touchForm.getByRole("status")).toHaveText("Logged.");

  await marketer.goto("/campaigns/new");
  const form = marketer.getByRole("form", { name: "New campaign" });
  await form.getByLabel("Name").fill(payload("campaign"));
  await form.getByLabel("Channel").selectOption({ label: "Webinar" });
  await form.getByLabel("Starts").fill("2027-01-20");
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(marketer.getByRole("heading", { name: payload("campaign"), level: 1 })).toBeVisible();
  const campaignUrl = marketer.url();
  await nothingRan(marketer, marketerDialogs);

  // Other people read it: the CRO on the leads list, the lead's page and the campaigns; a rep on the lead's page.
  const cro = await sessionAs(browser, "CRO");
  const croDialogs = watchDialogs(cro);
  await cro.goto(`/leads?q=${stamp}`);
  const row = cro.getByRole("table", { name: "Leads" }).getByRole("row").filter({ hasText: stamp });
  await expect(row).toContainText(`<img src=x onerror="alert('lead');window.__pwned=1">`);
  await expect(row).toContainText(`<script>window.__pwned=2</script>`);
  await cro.goto(leadUrl);
  await expect(cro.getByRole("heading", { name: payload("lead") })).toBeVisible();
  await expect(cro.getByText(payload("company")).first()).toBeVisible();
  await expect(cro.getByRole("list", { name: "Touches" })).toContainText(payload("note"));
  await cro.goto(`/campaigns?q=${stamp}`);
  await expect(cro.getByText(payload("campaign")).first()).toBeVisible();
  await cro.goto(campaignUrl);
  await expect(cro.getByRole("heading", { name: payload("campaign"), level: 1 })).toBeVisible();
  await nothingRan(cro, croDialogs);

  const rep = await sessionAs(browser, "SALES_REP");
  const repDialogs = watchDialogs(rep);
  await rep.goto(leadUrl);
  await expect(rep.getByRole("list", { name: "Touches" })).toContainText(payload("note"));
  await nothingRan(rep, repDialogs);
});
