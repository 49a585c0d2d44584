import { expect, test, type Page } from "@playwright/test";
import { navigationFor } from "../../lib/navigation";
import { signIn } from "./support/auth";
import { sessionAs } from "./support/roles";

const OPEN_VERSION = /^(Proposed|Draft) version v\d+$/;

/** The CRO's controls on a proposed version: they may activate it (a confirmation first), never sign it. */
async function expectCroMayActivate(cro: Page, version: string) {
  await expect(cro.getByRole("heading", { name: `Proposed version v${version}` })).toBeVisible();
  await expect(cro.getByRole("button", { name: /^Sign for/ })).toHaveCount(0);
  await cro.getByRole("button", { name: "Activate now" }).click();
  const confirm = cro.getByRole("alertdialog", { name: `Activate version ${version} now?` });
  await expect(confirm).toContainText("without waiting for both heads to sign it");
  // Looking only: activating would change the definition every other test qualifies leads against.
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(cro.getByRole("heading", { name: `Proposed version v${version}` })).toBeVisible();
}

test("the CRO may activate a proposed version, but not a draft, and signs nothing", async ({ browser }) => {
  const cro = await sessionAs(browser, "CRO");
  await cro.goto("/agreement");
  await expect(cro.getByRole("heading", { name: /^Lead definition v\d+$/ })).toBeVisible();
  const open = cro.getByRole("heading", { name: OPEN_VERSION });

  if ((await open.count()) > 0) {
    // Someone else's version is open (the seeded proposal, when this file runs alone): only look at it.
    const [, status, version] = (await open.textContent())!.match(/^(Proposed|Draft) version v(\d+)$/)!;
    if (status === "Proposed") await expectCroMayActivate(cro, version!);
    else await expect(cro.getByRole("button", { name: /^(Activate now|Sign for)/ })).toHaveCount(0);
    return;
  }

  // Nothing is open: the head of sales drafts a version of their own, which nobody can activate yet…
  const salesHead = await sessionAs(browser, "SALES_MANAGER");
  await salesHead.goto("/agreement");
  await salesHead.getByRole("button", { name: "Draft a new version" }).click();
  const draft = salesHead.getByRole("heading", { name: /^Draft version v\d+$/ });
  await expect(draft).toBeVisible();
  const version = (await draft.textContent())!.match(/v(\d+)/)![1]!;
  await cro.reload();
  await expect(cro.getByRole("heading", { name: `Draft version v${version}` })).toBeVisible();
  await expect(cro.getByRole("button", { name: /^(Activate now|Sign for)/ })).toHaveCount(0);

  // …proposes it (signing for sales), and now the CRO could settle it.
  await salesHead.getByRole("button", { name: "Propose" }).click();
  await expect(salesHead.getByRole("heading", { name: `Proposed version v${version}` })).toBeVisible();
  await cro.reload();
  await expect(cro.getByRole("list", { name: "Signatures" })).toContainText("Signed");
  await expectCroMayActivate(cro, version);

  // The head of sales withdraws it again, leaving the agreement as it was.
  await salesHead.getByRole("button", { name: "Withdraw" }).click();
  const withdraw = salesHead.getByRole("alertdialog", { name: `Withdraw version ${version}?` });
  await withdraw.getByRole("button", { name: "Withdraw" }).click();
  await expect(withdraw).toBeHidden();
  await expect(salesHead.getByRole("heading", { name: OPEN_VERSION })).toHaveCount(0);
  await expect(salesHead.getByRole("row", { name: new RegExp(`^Version ${version}\\b`) })).toContainText("Withdrawn");
  await cro.reload();
  await expect(cro.getByRole("heading", { name: OPEN_VERSION })).toHaveCount(0);
  await expect(cro.getByRole("button", { name: "Activate now" })).toHaveCount(0);
});

test("an admin makes a new user a marketer, and they get the marketer's navigation", async ({ page, browser }) => {
  const admin = await sessionAs(browser, "ADMIN");
  await expect(admin.getByRole("heading", { name: "Users" })).toBeVisible();
  const stamp = Date.now();
  const name = `Rory Rolechange ${stamp % 100_000}`;
  const email = `rolechange.${stamp}@tandem.test`;
  const password = "role-change-password-123";
  const form = admin.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("SALES_REP");
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toHaveText(`${name} can now sign in.`);

  let row = admin.getByTestId(`user-row-${email}`);
  for (let pageNumber = 1; (await row.count()) === 0 && pageNumber < 6; pageNumber++) {
    await admin.goto(`/admin/users?page=${pageNumber}`);
    row = admin.getByTestId(`user-row-${email}`);
  }
  const role = row.getByLabel(`Role of ${name}`);
  await expect(role).toHaveValue("SALES_REP");
  await role.selectOption({ label: "Marketer" });
  // Saved, not just picked: the row says so after a reload.
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByTestId(`user-row-${email}`).getByLabel(`Role of ${name}`)).toHaveValue("MARKETER", { timeout: 1_000 });
  }).toPass();

  // They sign in, in their own browser, as a marketer.
  await signIn(page, email, password);
  await expect(page.getByTestId("current-user")).toContainText(name);
  await expect(page.getByTestId("current-user")).toContainText("Marketer");
  const navigation = page.getByRole("navigation", { name: "Main" }).getByRole("link");
  await expect(navigation).toHaveText(navigationFor("MARKETER").map((item) => item.label));
  for (const section of ["Leads", "Handovers", "Agreement"]) await expect(navigation.filter({ hasText: section })).toHaveCount(1);
  await expect(navigation.filter({ hasText: "My queue" })).toHaveCount(0);
});
