// Finds the database for a command-line entry point (start, migrate, seed): the one in DATABASE_URL, or else an
// embedded PostgreSQL whose data lives in the data folder. Never imported by the web app itself.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { embeddedUrl, startEmbeddedPostgres } from "../db/embedded-postgres";
import type { Env } from "../env";

export interface Database {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

const DATABASE_NAME = "tandem";

export async function openDatabase(env: Env, log: (line: string) => void = () => {}): Promise<Database> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };

  const dataDir = path.resolve(env.TANDEM_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockDataFolder(dataDir);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    port: env.TANDEM_PG_PORT,
    password: localSecret(dataDir, "postgres-password"),
    onLog: (line) => {
      if (/FATAL|PANIC/.test(line) && !/administrator command/.test(line)) log(line.trim());
    },
  });
  await ensureDatabaseExists(server.url("postgres"), DATABASE_NAME);
  return {
    url: server.url(DATABASE_NAME),
    embedded: true,
    stop: async () => {
      await server.stop();
      releaseLock();
    },
  };
}

/**
 * One Tandem process per data folder. A lock left by a process that no longer runs (after `kill -9`) is taken over;
 * its orphaned database server is then stopped by the embedded-server start. A live owner makes us refuse, rather
 * than stop the database under a running app.
 */
function lockDataFolder(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "tandem.pid");
  if (existsSync(lockFile)) {
    const owner = Number(readFileSync(lockFile, "utf8").trim());
    if (owner !== process.pid && isRunning(owner)) {
      throw new Error(`Tandem is already running from ${dataDir} (process ${owner}). Stop it first, or set TANDEM_DATA_DIR.`);
    }
  }
  writeFileSync(lockFile, `${process.pid}\n`);
  return () => rmSync(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The app's database on the embedded server that a Tandem started from this data folder runs (the folder's password). */
export function folderDatabaseUrl(dataDir: string, port: number): string {
  return embeddedUrl(port, localSecret(dataDir, "postgres-password"), DATABASE_NAME);
}

/** A random secret kept in the data folder, created on first use (demo mode only; never in git). */
export function localSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
