// Headers, CSP, forged proxy headers, foreign origins and open redirects, against the real production server.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { demoUser, signInAs } from "./support/auth";
import { pageRoutes } from "./support/pages";

const FORGED = ["proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/middleware:src/middleware:src/middleware"];

function expectSecurityHeaders(headers: Record<string, string>) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  return csp.match(/'nonce-([^']+)'/)![1]!;
}

/** Records every CSP violation and console error the page reports. */
async function watchForViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${location.pathname} from ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`));
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content[- ]Security[- ]Policy|CSP violation|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

test("every page carries the security headers, with a fresh nonce that Next's scripts use", async ({ page }) => {
  const first = await page.request.get("/sign-in");
  const nonce = expectSecurityHeaders(first.headers());
  const html = await first.text();
  expect(html).toContain(`nonce="${nonce}"`);
  // No script without this response's nonce.
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  const second = await page.request.get("/sign-in");
  expect(expectSecurityHeaders(second.headers())).not.toBe(nonce);
  // HSTS only where HTTPS is in use (here: as a TLS terminator in front would say).
  expect(second.headers()["strict-transport-security"]).toBeUndefined();
  const behindTls = await page.request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(behindTls.headers()["strict-transport-security"]).toMatch(/^max-age=31536000/);

  await signInAs(page, "SALES_REP");
  for (const url of ["/leads", "/queue", "/agreement", "/api/health"]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    expectSecurityHeaders(response.headers());
  }
});

test("sign-in, a dashboard with charts and a lead page work under the policy, with no violation", async ({ page }) => {
  const problems = await watchForViolations(page);
  await signInAs(page, "CRO");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.goto("/leads");
  await page.locator(`table a[href^="/leads/"]`).first().click();
  await expect(page).toHaveURL(/\/leads\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Client-side navigation works too (it needs the scripts to run).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Handovers" }).click();
  await expect(page).toHaveURL(/\/handovers/);
  expect(problems).toEqual([]);
});

test("forms, charts and client navigation across the app raise no violation", async ({ page }) => {
  const problems = await watchForViolations(page);
  await signInAs(page, "MARKETING_MANAGER");
  for (const url of ["/pipeline-review", "/leads/new", "/campaigns", "/campaigns/new", "/agreement", "/handovers"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 }).first(), url).toBeVisible();
  }
  // A form that validates in the browser (zod through react-hook-form) runs without eval.
  await page.goto("/leads/new");
  await page.getByRole("button", { name: "Log lead" }).click();
  await expect(page.getByText(/enter|choose/i).first()).toBeVisible();
  expect(problems).toEqual([]);
});

test("without a session, a forged x-middleware-subrequest header opens nothing", async ({ request }) => {
  for (const forged of FORGED) {
    // Every page of the app but sign-in, dynamic segments filled with a made-up id (refused before it is looked up).
    const urls = pageRoutes().filter((route) => route !== "/sign-in").map((route) => route.replace(/\[[^\]]+\]/g, "1"));
    expect(urls.length).toBeGreaterThanOrEqual(15);
    for (const url of urls) {
      const response = await request.get(url, { headers: { "x-middleware-subrequest": forged }, maxRedirects: 0 });
      expect(response.status(), `${url} with ${forged}`).toBe(307);
      expect(response.headers()["location"], url).toMatch(/\/sign-in/);
    }
  }
});

/** The id Next gave a server action at build time (the same build the server runs). */
function actionId(exportedName: string, file: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName && entry.filename?.endsWith(file));
  if (!found) throw new Error(`No action ${exportedName} in ${file}`);
  return found[0];
}

/** POSTs a server action the way Next's client does, with whatever cookies and origin the test chooses. */
function callAction(page: Page, id: string, args: unknown[], headers: Record<string, string> = {}) {
  return page.request.post("/admin/users", {
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", ...headers },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}

async function userListed(page: Page, email: string): Promise<boolean> {
  for (let n = 1; n < 6; n++) {
    await page.goto(`/admin/users?page=${n}`);
    if ((await page.getByTestId(`user-row-${email}`).count()) > 0) return true;
  }
  return false;
}

test("a server action is refused without a session (forged header or not) and from another origin; nothing is written", async ({ page, browser }) => {
  const createUser = actionId("createUserAction", "lib/users/actions.ts");
  const input = (email: string) => [{ name: "Mallory", email, role: "ADMIN", password: "mallory-password-123" }];
  const stamp = Date.now();

  // No session: the action answers that the session has ended, even with the forged header.
  const anonymous = await browser.newPage();
  for (const forged of [undefined, ...FORGED]) {
    const response = await callAction(anonymous, createUser, input(`anon.${stamp}@evil.example`), forged ? { "x-middleware-subrequest": forged } : {});
    expect(await response.text()).toContain("Your session has ended");
  }
  await anonymous.close();

  // An admin's browser, tricked by another site: Next compares Origin with Host and refuses before the action runs.
  await signInAs(page, "ADMIN");
  const crossSite = await callAction(page, createUser, input(`csrf.${stamp}@evil.example`), { origin: "https://evil.example" });
  expect(crossSite.status()).toBeGreaterThanOrEqual(400);
  expect(await crossSite.text()).not.toContain("can now sign in");

  // A sandboxed frame or a privacy redirect sends "Origin: null": refused as well (CVE-2026-27978 was this bypass).
  const nullOrigin = await callAction(page, createUser, input(`null.${stamp}@evil.example`), { origin: "null" });
  expect(nullOrigin.status()).toBeGreaterThanOrEqual(400);

  expect(await userListed(page, `anon.${stamp}@evil.example`)).toBe(false);
  expect(await userListed(page, `csrf.${stamp}@evil.example`)).toBe(false);
  expect(await userListed(page, `null.${stamp}@evil.example`)).toBe(false);

  // The same call from the site itself works: the refusal above was the origin check, not a broken request.
  const sameSite = await callAction(page, createUser, input(`same.${stamp}@tandem.test`), { origin: new URL(page.url()).origin });
  expect(sameSite.status()).toBe(200);
  expect(await userListed(page, `same.${stamp}@tandem.test`)).toBe(true);
});

const EVIL = ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/.//evil.example", "https:evil.example"];

test("callbackUrl cannot send anyone to another site", async ({ page }) => {
  const rep = demoUser("SALES_REP");
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(EVIL[0]!)}`);
  await page.getByLabel("Email").fill(rep.email);
  await page.getByLabel("Password").fill(rep.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  const origin = new URL(page.url()).origin;

  // Signed in, the sign-in page forwards to the callback at once: each one stays on this site.
  for (const evil of EVIL) {
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(evil)}`, { maxRedirects: 0 });
    expect(response.status(), evil).toBe(307);
    expect(new URL(response.headers()["location"]!, origin).origin, evil).toBe(origin);
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(evil)}`);
    expect(new URL(page.url()).origin, evil).toBe(origin);
  }
  // A path on the site is kept.
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/handovers")}`);
  await expect(page).toHaveURL(/\/handovers$/);

  // next-auth's own sign-out redirect is held to the site as well.
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signOut = await page.request.post("/api/auth/signout", {
    form: { csrfToken: csrf.csrfToken, callbackUrl: "https://evil.example/phish", json: "true" },
  });
  const { url } = (await signOut.json()) as { url: string };
  expect(new URL(url).origin).toBe(origin);
});

test("repeated wrong passwords on one account are refused for a while, and the form says how long", async ({ page }) => {
  test.setTimeout(60_000);
  // An address nobody has: the lock is counted for unknown emails exactly as for real ones (tested in integration).
  const email = `nobody.${Date.now()}@tandem.test`;
  await page.goto("/sign-in");
  const alert = page.getByRole("alert").filter({ hasText: /\S/ });
  for (let attempt = 0; attempt <= 10; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess-${attempt}`);
    // One answer per attempt: wait for the server's, so that no attempt overlaps the next.
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    if (attempt < 10) await expect(alert).toHaveText("Email or password is incorrect.");
  }
  await expect(alert).toHaveText(/^Too many sign-in attempts\. Wait 1[45] minutes and try again\.$/);
});
