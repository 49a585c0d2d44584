import { expect, test } from "@playwright/test";
import { signIn, signInAs } from "./support/auth";

test("an admin adds a user, then deactivates them, and their next request is refused", async ({ page, browser }) => {
  await signInAs(page, "ADMIN");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  const email = `temp.${Date.now()}@tandem.test`;
  const password = "temporary-password-123";
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill("Temp Rep");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("SALES_REP");
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toHaveText("Temp Rep can now sign in.");

  // The new user signs in elsewhere and works.
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  await signIn(theirPage, email, password);
  await expect(theirPage.getByRole("heading", { name: "My queue" })).toBeVisible();

  // The admin deactivates them, confirming in a dialog.
  await page.goto("/admin/users?page=1");
  let row = page.getByTestId(`user-row-${email}`);
  for (let pageNumber = 2; (await row.count()) === 0 && pageNumber < 5; pageNumber++) {
    await page.goto(`/admin/users?page=${pageNumber}`);
    row = page.getByTestId(`user-row-${email}`);
  }
  await row.getByRole("button", { name: "Deactivate" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Deactivate Temp Rep?");
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");

  // Their session cookie is still there, but the very next request is refused.
  await theirPage.reload();
  await expect(theirPage).toHaveURL(/\/sign-in/);
  await theirs.close();
});
