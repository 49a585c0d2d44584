import { expect, test } from "@playwright/test";
import { ROLE_LABELS } from "../../lib/auth/permissions";
import type { Role } from "../../lib/db/enums";
import { demoUser, signInAs } from "./support/auth";

const NAVIGATION: Record<Role, string[]> = {
  SALES_REP: ["My queue", "Leads", "Handovers", "Goals", "Campaigns", "Agreement", "Story", "Requests", "Messages", "Inbox"],
  SALES_MANAGER: ["Dashboard", "Leads", "Handovers", "Goals", "Campaigns", "Agreement", "Story", "Requests", "Messages", "Inbox"],
  MARKETER: ["Pipeline review", "Leads", "Handovers", "Goals", "Campaigns", "Agreement", "Story", "Requests", "Messages", "Inbox", "API docs"],
  MARKETING_MANAGER: ["Dashboard", "Pipeline review", "Leads", "Handovers", "Goals", "Campaigns", "Agreement", "Story", "Requests", "Pulse", "Messages", "Inbox", "API docs"],
  CRO: ["Dashboard", "Pipeline review", "Leads", "Handovers", "Goals", "Campaigns", "Agreement", "Story", "Requests", "Pulse", "Messages", "Inbox", "API docs"],
  ADMIN: ["Goals", "Agreement", "Story", "Messages", "Inbox", "Users", "Audit log", "API keys", "API docs"],
};

for (const [role, links] of Object.entries(NAVIGATION) as [Role, string[]][]) {
  test(`${role} signs in, sees their own navigation, and signs out`, async ({ page }) => {
    const user = await signInAs(page, role);
    const header = page.getByTestId("current-user");
    await expect(header).toContainText(user.name);
    await expect(header).toContainText(ROLE_LABELS[role]);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(links);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/leads");
    await expect(page).toHaveURL(/\/sign-in/);
  });
}

test("a wrong password and an unknown email get the same clear error", async ({ page }) => {
  const rep = demoUser("SALES_REP");
  for (const [email, password] of [
    [rep.email, "not-the-password"],
    ["nobody@tandem.test", rep.password],
  ]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email!);
    await page.getByLabel("Password").fill(password!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Email or password is incorrect.");
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

test("a page outside the role's permissions is refused", async ({ page }) => {
  await signInAs(page, "SALES_REP");
  await page.goto("/admin/users");
  await expect(page.getByText("This page is not available to your role")).toBeVisible();
});
