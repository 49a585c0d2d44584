// Nothing secret reaches a browser: every page, rendered as every role (HTML and the React Server Components payload
// that client navigation fetches), and every file of the built client bundle.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ROLES } from "../../lib/auth/permissions";
import { signInAs } from "./support/auth";
import { concreteUrl, pageRoutes } from "./support/pages";
import { E2E_DATA_DIR } from "../../playwright.config";

/** The server's own secrets, generated into its data folder (see playwright.config.ts and lib/runtime/database.ts). */
function serverSecrets(): string[] {
  return ["auth-secret", "postgres-password"].map((name) => readFileSync(path.join(E2E_DATA_DIR, name), "utf8").trim()).filter((secret) => secret.length >= 16);
}

/** A bcrypt hash, the field that holds it, an API key's hash (SHA-256 hex) as a serialised field, a connection string. */
const FORBIDDEN = [/\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}/, /passwordHash/, /keyHash/i, /\\?"hash\\?":\s*\\?"[0-9a-f]{64}/, /postgres(ql)?:\/\//i];

function leaksIn(body: string, secrets: string[]): string[] {
  return [
    ...FORBIDDEN.filter((pattern) => pattern.test(body)).map(String),
    ...secrets.filter((secret) => body.includes(secret)).map(() => "a server secret"),
  ];
}

test("signed out: the sign-in page and the refusals leak nothing", async ({ request }) => {
  const secrets = serverSecrets();
  for (const url of ["/sign-in", "/leads", "/admin/users", "/api/health", "/api/auth/session", "/api/auth/providers", "/api/auth/csrf"]) {
    const response = await request.get(url);
    expect(leaksIn(await response.text(), secrets), url).toEqual([]);
  }
});

for (const role of ROLES) {
  test(`as ${role}: no page's HTML or RSC payload carries a hash or a secret`, async ({ page }) => {
    test.setTimeout(120_000);
    const secrets = serverSecrets();
    expect(secrets.length).toBe(2);
    await signInAs(page, role);
    const checked: string[] = [];
    for (const route of pageRoutes()) {
      const url = await concreteUrl(page.request, route);
      if (!url) continue;
      for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
        const response = await page.request.get(url, { headers });
        expect(response.status(), url).toBeLessThan(500);
        expect(leaksIn(await response.text(), secrets), `${url} ${JSON.stringify(headers)}`).toEqual([]);
      }
      checked.push(url);
    }
    // The session endpoint says who is signed in, nothing more.
    expect(leaksIn(await (await page.request.get("/api/auth/session")).text(), secrets)).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });
}

test("the built client files hold no secret", async () => {
  const staticDir = path.resolve(".next/static");
  test.skip(!existsSync(staticDir), "No build in .next: run `npm test` or `npm start` first (the browser tests build it).");
  const secrets = serverSecrets();
  const files = readdirSync(staticDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const body = readFileSync(path.join(file.parentPath, file.name), "utf8");
    expect(leaksIn(body, secrets), file.name).toEqual([]);
    expect(body, file.name).not.toMatch(/DATABASE_URL|AUTH_SECRET|NEXTAUTH_SECRET/);
  }
});
