// The browser tests' server's own embedded PostgreSQL (its folder and port are set in playwright.config.ts; the
// password is the one the server generated into that folder), for the few tests that must arrange what no page can:
// a fault in the middle of a background job.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { E2E_DATA_DIR, E2E_PG_PORT } from "../../../playwright.config";

export async function withSharedDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const password = readFileSync(path.join(E2E_DATA_DIR, "postgres-password"), "utf8").trim();
  const client = new pg.Client({ connectionString: `postgresql://tandem:${encodeURIComponent(password)}@127.0.0.1:${E2E_PG_PORT}/tandem` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
