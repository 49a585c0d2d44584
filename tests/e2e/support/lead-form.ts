import type { Page } from "@playwright/test";

interface LeadFields {
  name: string;
  email: string;
  company: string;
  industry: string;
  title?: string;
  /** Employees; "" leaves the box empty. */
  size?: string;
}

/** Fills the "Log a lead" form; fields the test does not care about get plausible values. */
export async function fillLeadForm(page: Page, lead: LeadFields) {
  await page.getByLabel("Name").fill(lead.name);
  await page.getByLabel("Email").fill(lead.email);
  await page.getByLabel("Job title").fill(lead.title ?? "VP Engineering");
  await page.getByLabel("Company", { exact: true }).fill(lead.company);
  await page.getByLabel("Company size (employees)").fill(lead.size ?? "800");
  await page.getByLabel("Industry").selectOption(lead.industry);
  await page.getByLabel("Country").selectOption("US");
  await page.getByLabel("Source").selectOption("WEBINAR");
}
