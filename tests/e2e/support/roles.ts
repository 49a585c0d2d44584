import type { Browser, Page } from "@playwright/test";
import type { Role } from "../../../lib/db/enums";
import { signInAs } from "./auth";

/** A separate browser session signed in as the demo user of this role, so several people can act in one test. */
export async function sessionAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}
