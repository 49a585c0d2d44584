// A production server of a test's own (scripts/start.ts, started as `npm start` starts it) on a fresh embedded
// PostgreSQL with reps, an active definition and an API key: for the tests that kill or restart a server, which the
// browser tests' shared server must not be. As root, PostgreSQL runs as `postgres`, which must reach the folder.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "../../../lib/db/embedded-postgres";
import { applyMigrations } from "../../../lib/db/migrate";
import { ensureDatabaseExists } from "../../../lib/runtime/database";
import { ensureBuild } from "../../../lib/runtime/build";
import { seed, startProductionServer } from "../../../scripts/bench/intake-setup";

export interface OwnServer {
  baseUrl: string;
  databaseUrl: string;
  apiKey: string;
  /** The server now running (replaced by `restart`). */
  server: ChildProcess;
  /** Starts the server again against the same database, port and secret (after a kill). */
  restart: () => Promise<ChildProcess>;
  /** Stops the server (SIGKILL to its process group if it is still up), the database, and removes the folder. */
  dispose: () => Promise<void>;
}

export async function startOwnServer(name: string, env: Record<string, string> = {}): Promise<OwnServer> {
  if (!ensureBuild()) throw new Error("The production build failed.");
  const folder = mkdtempSync(path.join(tmpdir(), `tandem-${name}-`));
  chmodSync(folder, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(folder, "pg"), port: await findFreePort(), password: randomBytes(12).toString("hex") });
  const own: Partial<OwnServer> = {};
  const dispose = async () => {
    const server = own.server;
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      process.kill(-server.pid!, "SIGKILL");
      await exited;
    }
    await database.stop();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await ensureDatabaseExists(database.url("postgres"), `tandem_${name}`);
    const databaseUrl = database.url(`tandem_${name}`);
    await applyMigrations(databaseUrl);
    const apiKey = await seed(databaseUrl);
    const port = await findFreePort();
    const secret = randomBytes(32).toString("base64url");
    const start = () => startProductionServer(databaseUrl, port, secret, { ownGroup: true, env });
    Object.assign(own, { baseUrl: `http://127.0.0.1:${port}`, databaseUrl, apiKey, dispose });
    own.server = await start();
    own.restart = async () => (own.server = await start());
    return own as OwnServer;
  } catch (error) {
    await dispose();
    throw error;
  }
}
