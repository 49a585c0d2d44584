import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";

/** Creates a key on the admin page and returns it, read from the one-time panel. */
async function createKey(page: Page, name: string): Promise<string> {
  await page.goto("/admin/api-keys");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText(`The key “${name}” was created.`)).toBeVisible();
  const key = await page.getByLabel("New API key").inputValue();
  expect(key).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId(`api-key-row-${name}`)).toContainText(key.slice(0, 12));
  return key;
}

test("an admin creates a key, an integration sends a lead with it, and the admin revokes it", async ({ page, request }) => {
  await signInAs(page, "ADMIN");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  await expect(page.getByTestId("api-key-row-Website forms")).toContainText("Active");

  // A bad name is refused next to the field.
  await page.getByLabel("Name").fill("<nope>");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Use letters, digits, spaces, dots, dashes and underscores")).toBeVisible();

  const name = `E2E forms ${Date.now()}`;
  const key = await createKey(page, name);
  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(page.getByText(/Copied to the clipboard|Copying was refused/)).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByLabel("New API key")).toHaveCount(0);

  const email = `e2e.${Date.now()}@intake.test`;
  const lead = { name: "Grace Hopper", email, title: "VP Engineering", company: "Compiler Works", companySize: 300, industry: "Software", country: "US", source: "WEBSITE" };
  const sent = await request.post("/api/v1/leads", { headers: { Authorization: `Bearer ${key}`, "Idempotency-Key": `e2e-${email}` }, data: lead });
  expect(sent.status()).toBe(201);
  const body = await sent.json();
  expect(body).toMatchObject({ outcome: "created", lead: { email, stage: expect.stringMatching(/INQUIRY|MQL/) } });
  const found = await request.get(`/api/v1/leads?email=${encodeURIComponent(email)}`, { headers: { Authorization: `Bearer ${key}` } });
  expect((await found.json()).id).toBe(body.lead.id);

  await page.reload();
  const row = page.getByTestId(`api-key-row-${name}`);
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Revoke “${name}”?`);
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);

  const refused = await request.post("/api/v1/leads", { headers: { Authorization: `Bearer ${key}` }, data: { ...lead, email: `other.${email}` } });
  expect(refused.status()).toBe(401);
});

test("a marketer reads how to call the API and sees a lead it sent in the leads list", async ({ browser, request }) => {
  const adminPage = await browser.newPage();
  await signInAs(adminPage, "ADMIN");
  const key = await createKey(adminPage, `Docs check ${Date.now()}`);
  await adminPage.close();

  const email = `docs.${Date.now()}@intake.test`;
  const sent = await request.post("/api/v1/leads", {
    headers: { Authorization: `Bearer ${key}` },
    data: { name: "Katherine Johnson", email, company: "Orbital Analytics", source: "WEBINAR" },
  });
  expect(sent.status()).toBe(201);

  const page = await browser.newPage();
  await signInAs(page, "MARKETER");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API docs" }).click();
  await expect(page.getByRole("heading", { name: "Intake API" })).toBeVisible();
  await expect(page.getByText("/api/v1/leads/batch", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Send one lead with curl")).toContainText("Authorization: Bearer $TANDEM_API_KEY");
  await expect(page.getByText("An admin creates keys.")).toBeVisible();
  const document = await request.get("/api/v1/openapi.json");
  expect(await document.json()).toMatchObject({ openapi: "3.1.0", paths: { "/api/v1/leads": expect.any(Object) } });

  await page.goto(`/leads?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("link", { name: "Katherine Johnson" })).toBeVisible();
});

test("people without the permission cannot open the API key page", async ({ page }) => {
  await signInAs(page, "MARKETER");
  await page.goto("/admin/api-keys");
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" })).toHaveCount(0);
});
