import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { readEnv } from "./lib/env";

const env = readEnv();
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// The browser tests' own data folder: an embedded database with the demo data. `npm test` empties it before and
// after each run (not a global teardown: that runs while the server still uses the folder).
export const E2E_DATA_DIR = path.join(tmpdir(), `tandem-e2e-${port}`);
/** The port of that folder's embedded PostgreSQL. */
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54339);

/** A configured Chromium, else Debian's, else Playwright's own download (on a developer laptop). */
function chromiumPath(): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
}

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: true,
  retries: 0,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: env.CI ? [["line"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      // Without these, Chromium keeps calling home, and a closed network answers with a storm of refusals.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(port),
      TANDEM_PG_PORT: String(E2E_PG_PORT),
      TANDEM_DATA_DIR: E2E_DATA_DIR,
      NEXTAUTH_URL: baseURL,
      // One web worker: the browser tests visit each page about once, and every extra worker loads and warms up every
      // route again (the suite took 641 s with two workers against 554 s with one, on CI's budget of 20 minutes).
      // tests/e2e/security-crash.spec.ts runs the default, a worker per core, and kills it mid-burst.
      WEB_CONCURRENCY: "1",
    },
  },
});
