import { expect, test } from "@playwright/test";
import { sessionAs } from "./support/roles";

test("the two heads co-sign a new version of the lead definition and it becomes active", async ({ browser }) => {
  // The demo data has a proposed version that sales has signed; marketing signs it, and it is in force.
  const marketingHead = await sessionAs(browser, "MARKETING_MANAGER");
  await marketingHead.goto("/agreement");
  const proposed = await marketingHead.getByRole("heading", { name: /^Proposed version v\d+$/ }).textContent();
  const proposedVersion = proposed!.match(/v(\d+)/)![1];
  await marketingHead.getByRole("button", { name: "Sign for Marketing" }).click();
  await expect(marketingHead.getByRole("heading", { name: `Lead definition v${proposedVersion}` })).toBeVisible();

  // Then a whole round: sales drafts the next version, changes the service level, proposes (and so signs) it.
  const salesHead = await sessionAs(browser, "SALES_MANAGER");
  await salesHead.goto("/agreement");
  await salesHead.getByRole("button", { name: "Draft a new version" }).click();
  const draft = salesHead.getByRole("heading", { name: /^Draft version v\d+$/ });
  await expect(draft).toBeVisible();
  const nextVersion = (await draft.textContent())!.match(/v(\d+)/)![1];
  await salesHead.getByRole("link", { name: "Edit" }).click();
  await salesHead.getByLabel("Hours to accept or reject a handover").fill("8");
  await salesHead.getByRole("button", { name: "Save version" }).click();
  await expect(salesHead).toHaveURL(/\/agreement$/);
  await salesHead.getByRole("button", { name: "Propose" }).click();
  await expect(salesHead.getByRole("heading", { name: `Proposed version v${nextVersion}` })).toBeVisible();

  // The version page shows what changed against the one in force.
  await salesHead.getByRole("link", { name: "Compare with active" }).click();
  await salesHead.getByRole("link", { name: "Show only changes" }).click();
  await expect(salesHead.getByRole("row", { name: /Accept or reject a handover within/ })).toContainText("8 hours");

  // Marketing has not signed yet: nothing changed. Once they sign, the new version is active.
  await marketingHead.goto("/agreement");
  await expect(marketingHead.getByRole("heading", { name: `Lead definition v${proposedVersion}` })).toBeVisible();
  await marketingHead.getByRole("button", { name: "Sign for Marketing" }).click();
  await expect(marketingHead.getByRole("heading", { name: `Lead definition v${nextVersion}` })).toBeVisible();
  await expect(marketingHead.getByText("8 hours", { exact: true })).toBeVisible();
});

test("people who do not sign agreements can read it but get no signing controls", async ({ browser }) => {
  const rep = await sessionAs(browser, "SALES_REP");
  await rep.goto("/agreement");
  await expect(rep.getByRole("heading", { name: /^Lead definition v\d+$/ })).toBeVisible();
  await expect(rep.getByRole("button", { name: /Sign for|Propose|Activate now|Draft a new version/ })).toHaveCount(0);
});
