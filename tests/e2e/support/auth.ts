import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "../../../lib/seed/demo-users";
import type { Role } from "../../../lib/db/enums";

export function demoUser(role: Role) {
  const user = DEMO_SIGN_INS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`No demo user for ${role}`);
  return { ...user, password: DEMO_PASSWORD };
}

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function signInAs(page: Page, role: Role) {
  const user = demoUser(role);
  await signIn(page, user.email, user.password);
  return user;
}
