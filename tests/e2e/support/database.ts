// The browser tests' server's own embedded PostgreSQL (its folder and port are set in playwright.config.ts), for the
// few tests that must arrange what no page can: a fault in the middle of a background job, an import's age.
import pg from "pg";
import { folderDatabaseUrl } from "../../../lib/runtime/database";
import { E2E_DATA_DIR, E2E_PG_PORT } from "../../../playwright.config";

export async function withSharedDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: folderDatabaseUrl(E2E_DATA_DIR, E2E_PG_PORT) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
