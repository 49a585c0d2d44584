import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";

test("an admin changes a role and finds the change in the audit log, filtered and linked", async ({ page }) => {
  await signInAs(page, "ADMIN");
  const stamp = Date.now();
  const name = `Audra Audit ${stamp % 100_000}`;
  const email = `audit.${stamp}@tandem.test`;
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("SALES_REP");
  await form.getByLabel("Initial password").fill("audit-password-123");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toHaveText(`${name} can now sign in.`);

  let row = page.getByTestId(`user-row-${email}`);
  for (let n = 1; (await row.count()) === 0 && n < 6; n++) {
    await page.goto(`/admin/users?page=${n}`);
    row = page.getByTestId(`user-row-${email}`);
  }
  await row.getByLabel(`Role of ${name}`).selectOption({ label: "Sales manager" });
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId(`user-row-${email}`).getByLabel(`Role of ${name}`)).toHaveValue("SALES_MANAGER", { timeout: 1_000 });
  }).toPass();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(page.getByTestId("audit-row").first()).toBeVisible();

  // Filter by action (the select applies itself), then by today's date. Unfiltered, the role change need not be on the
  // first page: the system may be writing other entries meanwhile (re-qualifying leads after another test activated a
  // new lead definition). Filtered, newest first, it is the top entry.
  await page.getByLabel("Action").selectOption({ label: "User role changed" });
  await expect(page).toHaveURL(/action=user\.role_changed/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toContainText("SALES_MANAGER");
  for (const text of await rows.allTextContents()) expect(text).toContain("User role changed");
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("From").fill(today);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${today}`));
  await expect(rows.first()).toContainText("SALES_MANAGER");

  // The entry links to its record, and nothing on the page edits or deletes entries.
  await expect(page.getByRole("button", { name: /delete|edit|remove/i })).toHaveCount(0);
  await rows.first().getByRole("link", { name: "User" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
});

test("the audit log is for admins only", async ({ page }) => {
  await signInAs(page, "CRO");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await page.goto("/admin/audit");
  await expect(page.getByText("This page is not available to your role")).toBeVisible();
});
