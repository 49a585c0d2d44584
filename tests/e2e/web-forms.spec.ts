import { expect, test } from "@playwright/test";
import { createCampaign } from "./support/campaigns";
import { sessionAs } from "./support/roles";

const SITE = "https://www.e2e-customer.test";

test("a marketer turns on a campaign's web form, a website posts a lead to it, and the lead shows on the campaign", async ({ browser, request }) => {
  const marketer = await sessionAs(browser, "MARKETER");
  // A campaign of the marketer's own: they manage its web form.
  const campaignId = await createCampaign(marketer, { name: `Web form campaign ${Date.now() % 1_000_000}`, channel: "Content", starts: "2026-11-01" });
  const campaignUrl = marketer.url();

  const panel = marketer.getByRole("region", { name: "Web form" });
  await expect(panel.getByTestId("web-form-status")).toHaveText("Not set up");
  const settings = panel.getByRole("form", { name: "Web form settings" });
  // A wildcard is refused next to the field; then the exact origin is taken.
  await settings.getByLabel("Websites allowed to post (origins)").fill("https://*.e2e-customer.test");
  await settings.getByRole("button", { name: "Turn on web form" }).click();
  await expect(settings.getByText(/wildcards are not allowed/)).toBeVisible();
  await settings.getByLabel("Websites allowed to post (origins)").fill(`${SITE}/`);
  await settings.getByRole("button", { name: "Turn on web form" }).click();
  await expect(panel.getByTestId("web-form-status")).toHaveText("On");
  await expect(settings.getByLabel("Websites allowed to post (origins)")).toHaveValue(SITE);

  const snippet = panel.getByLabel("Embeddable HTML form");
  const endpoint = (await panel.getByTestId("web-form-endpoint").textContent())!.trim();
  expect(endpoint).toMatch(/^http:\/\/localhost:\d+\/api\/v1\/forms\/wf_[A-Za-z0-9_-]{32}$/);
  await expect(snippet).toContainText(`<form method="post" action="${endpoint}"`);
  await expect(snippet).toContainText('name="email" type="email"');
  await expect(snippet).toContainText('name="website" type="text" tabindex="-1"');
  await panel.getByRole("button", { name: "Copy snippet" }).click();
  await expect(panel.getByText(/Copied to the clipboard|Copying was refused/)).toBeVisible();

  // The website's form, as a browser posts it.
  const email = `webform.${Date.now()}@e2e-customer.test`;
  const fields = { name: "Dorothy Vaughan", email, title: "Head of Data", company: "FORTRAN Analytics", companySize: "400", industry: "Software", country: "US", website: "" };
  const sent = await request.post(endpoint, { headers: { Origin: SITE, Accept: "text/html" }, form: fields });
  expect(sent.status()).toBe(200);
  expect(await sent.text()).toContain("Thank you");
  expect(sent.headers()["access-control-allow-origin"]).toBe(SITE);
  expect(sent.headers()["vary"]).toMatch(/Origin/);
  // proxy.ts's headers still apply to the endpoint, and the app's pages keep their policy.
  expect(sent.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(sent.headers()["x-frame-options"]).toBe("DENY");
  const page = await request.get(campaignUrl);
  expect(page.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(page.headers()["access-control-allow-origin"]).toBeUndefined();

  // Another website may not post to it.
  const elsewhere = await request.post(endpoint, { headers: { Origin: "https://evil.e2e.test", Accept: "application/json" }, form: { ...fields, email: `other.${email}` } });
  expect(elsewhere.status()).toBe(403);
  expect(elsewhere.headers()["access-control-allow-origin"]).toBeUndefined();

  await marketer.goto(`/leads?campaign=${campaignId}`);
  await expect(marketer.getByRole("link", { name: "Dorothy Vaughan" })).toBeVisible();
  await expect(marketer.getByRole("link", { name: "Dorothy Vaughan" })).toHaveCount(1);
  await marketer.goto(campaignUrl);
  await expect(marketer.getByRole("group", { name: "Leads" }).locator("[data-value]")).toHaveText("1");

  // Rotating the token (after confirming) retires the old address at once.
  await panel.getByRole("button", { name: "Rotate token" }).click();
  const dialog = marketer.getByRole("alertdialog");
  await expect(dialog).toContainText("Rotate the form's token?");
  await dialog.getByRole("button", { name: "Rotate token" }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText("The token was rotated")).toBeVisible();
  await expect(panel.getByTestId("web-form-endpoint")).not.toHaveText(endpoint);
  const old = await request.post(endpoint, { headers: { Origin: SITE, Accept: "application/json" }, form: { ...fields, email: `late.${email}` } });
  expect(old.status()).toBe(404);
});

test("a sales rep sees no web form panel on a campaign", async ({ browser }) => {
  const rep = await sessionAs(browser, "SALES_REP");
  await rep.goto("/campaigns");
  await rep.getByRole("table", { name: "Campaigns" }).getByRole("row").nth(1).getByRole("link").first().click();
  await expect(rep.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(rep.getByRole("region", { name: "Web form" })).toHaveCount(0);
});

/**
 * The company's website in the browser test below, answered by the test itself. Plain http like the test's Tandem:
 * a browser posting from an https page to an http address sends `Origin: null`, which the endpoint refuses.
 */
const VISITED_SITE = "http://localhost:4987";

test("a visitor sends the embedded form from the company's website in a real browser: told what to correct, then taken to its thank-you page", async ({ browser }) => {
  const marketer = await sessionAs(browser, "MARKETER");
  const campaignId = await createCampaign(marketer, { name: `Website visitors ${Date.now() % 1_000_000}`, channel: "Content", starts: "2026-11-01" });
  const panel = marketer.getByRole("region", { name: "Web form" });
  const settings = panel.getByRole("form", { name: "Web form settings" });
  await settings.getByLabel("Websites allowed to post (origins)").fill(VISITED_SITE);
  await settings.getByLabel("Thank-you page (optional)").fill(`${VISITED_SITE}/thanks`);
  await settings.getByRole("button", { name: "Turn on web form" }).click();
  await expect(panel.getByTestId("web-form-status")).toHaveText("On");
  const snippet = (await panel.getByLabel("Embeddable HTML form").textContent())!;

  // The company's website, served to a visitor's browser (no Tandem session): the snippet pasted into its contact page.
  const context = await browser.newContext();
  await context.route(`${VISITED_SITE}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = path === "/thanks" ? "<h1>Thanks from the customer site</h1>" : `<h1>Contact us</h1>\n${snippet}`;
    return route.fulfill({ status: 200, contentType: "text/html", body: `<!doctype html><html lang="en"><body>${body}</body></html>` });
  });
  const visitor = await context.newPage();
  await visitor.goto(`${VISITED_SITE}/contact`);
  const email = `visitor.${Date.now()}@e2e-customer.test`;
  const fill = async (employees: string) => {
    await visitor.getByLabel("Name").fill("Mary Jackson");
    await visitor.getByLabel("Work email").fill(email);
    await visitor.getByLabel(/^Company/).fill("Wind Tunnel Analytics");
    await visitor.getByLabel(/Number of employees/).fill(employees);
    await visitor.getByLabel(/Industry/).selectOption("Software");
    await visitor.getByLabel(/Country/).selectOption("US");
  };

  // The browser's own checks pass, the server's do not: a page says what to correct, and nothing is written.
  await fill("9000000");
  await visitor.getByRole("button", { name: "Send" }).click();
  await expect(visitor.getByRole("heading", { name: "Please check the form" })).toBeVisible();
  await expect(visitor.getByRole("listitem")).toContainText("Number of employees: That is more employees than any company has");

  // Back on the website, corrected and sent again: the endpoint sends the browser on to the thank-you page.
  await visitor.goBack();
  await expect(visitor.getByRole("heading", { name: "Contact us" })).toBeVisible();
  await fill("400");
  await visitor.getByRole("button", { name: "Send" }).click();
  await expect(visitor.getByRole("heading", { name: "Thanks from the customer site" })).toBeVisible();
  expect(visitor.url()).toBe(`${VISITED_SITE}/thanks`);
  await context.close();

  await marketer.goto(`/leads?campaign=${campaignId}`);
  await expect(marketer.getByRole("link", { name: "Mary Jackson" })).toHaveCount(1);
});
