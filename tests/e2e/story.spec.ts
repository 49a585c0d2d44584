import { expect, test } from "@playwright/test";
import { sessionAs } from "./support/roles";

test("the heads co-sign a new version of the story; the diff shows what changed and reps read it from their home", async ({ browser }) => {
  // Four people and seven pages: longer than the default, especially while a re-evaluation runs in the background.
  test.setTimeout(60_000);
  const sentence = `Customers go live in ${10 + (Date.now() % 80)} days on average.`;

  // Sales drafts the next version, rewrites the product story and proposes it (which signs it for sales).
  const salesHead = await sessionAs(browser, "SALES_MANAGER");
  await salesHead.getByRole("link", { name: "Story", exact: true }).click();
  const active = salesHead.getByRole("heading", { name: /^Story v\d+$/ });
  const activeVersion = Number((await active.textContent())!.match(/v(\d+)/)![1]);
  await salesHead.getByRole("button", { name: "Draft a new version" }).click();
  await expect(salesHead).toHaveURL(/\/story\/edit$/);
  const editor = salesHead.getByRole("form", { name: `Edit story v${activeVersion + 1}` });
  const product = editor.getByLabel("Product");
  await product.fill(`${await product.inputValue()}\n\n${sentence}`);
  // An empty persona is refused next to its fields.
  await editor.getByRole("button", { name: "Add a persona" }).click();
  await editor.getByRole("button", { name: "Save version" }).click();
  await expect(editor.getByText("Name the persona")).toBeVisible();
  const added = editor.getByRole("button", { name: /^Remove persona \d+$/ }).last();
  await added.click();
  await editor.getByRole("button", { name: "Save version" }).click();
  await expect(salesHead).toHaveURL(/\/story$/);
  await salesHead.getByRole("button", { name: "Propose" }).click();
  await expect(salesHead.getByRole("heading", { name: `Proposed story v${activeVersion + 1}` })).toBeVisible();

  // The version page compares it with the story in force.
  await salesHead.getByRole("link", { name: "Compare with active" }).click();
  await expect(salesHead.getByRole("heading", { name: `Changes from version ${activeVersion}` })).toBeVisible();
  await salesHead.getByRole("link", { name: "Show only changes" }).click();
  const productChanges = salesHead.getByRole("region", { name: "Product" });
  await expect(productChanges).toContainText("Changed");
  await expect(productChanges.locator("ins")).toContainText(sentence);
  await expect(salesHead.getByRole("region", { name: "Brand" })).toHaveCount(0);

  // Marketing signs: the new version is in force, the old one is superseded and still readable.
  const marketingHead = await sessionAs(browser, "MARKETING_MANAGER");
  await marketingHead.goto("/story");
  await marketingHead.getByRole("button", { name: "Sign for Marketing" }).click();
  await expect(marketingHead.getByRole("heading", { name: `Story v${activeVersion + 1}` })).toBeVisible();
  await expect(marketingHead.getByText(sentence)).toBeVisible();
  await marketingHead.getByRole("link", { name: `Story v${activeVersion}`, exact: true }).click();
  await expect(marketingHead.getByText("Superseded", { exact: true }).first()).toBeVisible();

  // A rep finds the story in force from their home, and cannot draft or sign it.
  const rep = await sessionAs(browser, "SALES_REP");
  const card = rep.getByRole("region", { name: "Our story" });
  await expect(card).toContainText(`Version ${activeVersion + 1}`);
  await card.getByRole("link", { name: "Read the story" }).click();
  await expect(rep.getByText(sentence)).toBeVisible();
  await expect(rep.getByRole("button", { name: /Draft a new version|Sign for|Propose|Activate now/ })).toHaveCount(0);
});
