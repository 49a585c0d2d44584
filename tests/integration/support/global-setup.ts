// Starts a real PostgreSQL (embedded) for the integration run, in a fresh temporary folder, with every migration
// applied. Each test file empties the tables before it runs (setup-file.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../../lib/db/embedded-postgres";
import { applyMigrations } from "../../../lib/db/migrate";
import { ensureDatabaseExists } from "../../../lib/runtime/database";

let server: EmbeddedDatabase | undefined;
let folder: string | undefined;

export async function setup(project: TestProject) {
  folder = mkdtempSync(path.join(tmpdir(), "tandem-it-"));
  server = await startEmbeddedPostgres({ dataDir: path.join(folder, "pg"), port: await findFreePort(), password: "tandem-test" });
  await ensureDatabaseExists(server.url("postgres"), "tandem_test");
  const url = server.url("tandem_test");
  await applyMigrations(url);
  project.provide("databaseUrl", url);
}

export async function teardown() {
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
