import { expect, test } from "@playwright/test";
import { fillLeadForm } from "./support/lead-form";
import { detail, stageBadge } from "./support/lead-page";
import { sessionAs } from "./support/roles";

test("a marketer completes a lead's missing company size and it qualifies at once", async ({ browser }) => {
  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto("/leads/new");
  const name = `Ella Edited ${Date.now() % 100_000}`;
  // Everything the definition asks for but the company size.
  await fillLeadForm(marketer, { name, email: `edited.${Date.now()}@lender.test`, company: "Lender E2E", industry: "Financial services", title: "Director of Finance", size: "" });
  await marketer.getByLabel("Campaign (optional)").selectOption({ index: 1 });
  await marketer.getByRole("button", { name: "Log lead" }).click();
  await expect(marketer.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(stageBadge(marketer)).toHaveText("Inquiry");
  await expect(marketer.getByRole("list", { name: "What the lead still lacks" })).toContainText("Company size is required");
  await expect(marketer.getByText("Not handed to sales.", { exact: false })).toBeVisible();

  await marketer.getByRole("button", { name: "Edit lead" }).click();
  const dialog = marketer.getByRole("dialog", { name: `Edit ${name}` });
  await expect(dialog.getByLabel("Company size (employees)")).toHaveValue("");
  await dialog.getByLabel("Company size (employees)").fill("900");
  await dialog.getByRole("button", { name: "Save lead" }).click();
  await expect(dialog).toBeHidden();

  await expect(stageBadge(marketer)).toHaveText("MQL");
  await expect(detail(marketer, "Company size")).toHaveText("900 employees");
  await expect(marketer.getByRole("list", { name: "Stage history" })).toContainText("Inquiry → MQL");
  await expect(marketer.getByRole("list", { name: "What the lead still lacks" })).toHaveCount(0);
  const handover = marketer.getByRole("list", { name: "Handovers" }).getByRole("listitem");
  await expect(handover).toHaveCount(1);
  await expect(handover).toContainText("Waiting");
});

test("a marketer can read a lead sales is working but not edit or move it", async ({ browser }) => {
  const marketer = await sessionAs(browser, "MARKETER");
  await marketer.goto("/leads?stage=SQL");
  const first = marketer.getByRole("table", { name: "Leads" }).getByRole("row").nth(1);
  await expect(first).toContainText("SQL");
  const link = first.getByRole("link").first();
  const name = (await link.textContent())!.trim();
  await link.click();

  await expect(marketer.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(stageBadge(marketer)).toHaveText("SQL");
  await expect(marketer.getByRole("list", { name: "Stage history" })).toContainText("SAL → SQL");
  await expect(marketer.getByRole("button", { name: "Edit lead" })).toHaveCount(0);
  await expect(marketer.getByRole("heading", { name: "Move along the funnel" })).toHaveCount(0);
  await expect(marketer.getByRole("form", { name: "Move stage" })).toHaveCount(0);
  await expect(marketer.getByRole("form", { name: "Log a touch" })).toHaveCount(0);
});
