import { expect, type Page } from "@playwright/test";

/** Creates a campaign through its form, as a marketer, and returns its id (from the campaign page it lands on). */
export async function createCampaign(page: Page, campaign: { name: string; channel: string; starts: string; targetMqls?: string }): Promise<string> {
  await page.goto("/campaigns/new");
  const form = page.getByRole("form", { name: "New campaign" });
  await form.getByLabel("Name").fill(campaign.name);
  await form.getByLabel("Channel").selectOption({ label: campaign.channel });
  await form.getByLabel("Starts").fill(campaign.starts);
  if (campaign.targetMqls) await form.getByLabel("Target MQLs (optional)").fill(campaign.targetMqls);
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: campaign.name, level: 1 })).toBeVisible();
  return page.url().split("/").pop()!;
}
