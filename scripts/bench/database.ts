// The benchmark's own database: the one in BENCH_DATABASE_URL, or else an embedded PostgreSQL whose data lives in
// <TANDEM_DATA_DIR>/bench/postgres, on a free port. Never the demo's database (.data/postgres) nor the tests' one.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { ensureDatabaseExists, localSecret } from "../../lib/runtime/database";
import type { Env } from "../../lib/env";

export interface BenchDatabase {
  url: string;
  /** The folder of the embedded server's data, null with BENCH_DATABASE_URL. */
  dataDir: string | null;
  stop: () => Promise<void>;
}

const DATABASE_NAME = "tandem_bench";

export function benchFolder(env: Env): string {
  return path.resolve(env.TANDEM_DATA_DIR, "bench");
}

export async function openBenchDatabase(env: Env, log: (line: string) => void): Promise<BenchDatabase> {
  if (env.BENCH_DATABASE_URL) {
    if (env.DATABASE_URL && sameDatabase(env.BENCH_DATABASE_URL, env.DATABASE_URL)) {
      throw new Error("BENCH_DATABASE_URL names the same database as DATABASE_URL: the benchmark needs a database of its own.");
    }
    return { url: env.BENCH_DATABASE_URL, dataDir: null, stop: async () => {} };
  }
  const folder = benchFolder(env);
  mkdirSync(folder, { recursive: true });
  const release = lockFolder(folder);
  const dataDir = path.join(folder, "postgres");
  try {
    const port = await findFreePort();
    log(`Starting the benchmark's embedded PostgreSQL (${path.relative(process.cwd(), dataDir)}, port ${port})…`);
    const server = await startEmbeddedPostgres({
      dataDir,
      port,
      password: localSecret(folder, "postgres-password"),
      onLog: (line) => {
        if (/FATAL|PANIC/.test(line) && !/administrator command/.test(line)) log(line.trim());
      },
    });
    await ensureDatabaseExists(server.url("postgres"), DATABASE_NAME);
    return {
      url: server.url(DATABASE_NAME),
      dataDir,
      stop: async () => {
        await server.stop();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function sameDatabase(a: string, b: string): boolean {
  const key = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}/${parsed.pathname.replace(/^\//, "")}`;
  };
  return key(a) === key(b);
}

/** One benchmark per data folder at a time; a lock left by a process that has died is taken over. */
function lockFolder(folder: string): () => void {
  const lockFile = path.join(folder, "bench.pid");
  if (existsSync(lockFile)) {
    const owner = Number(readFileSync(lockFile, "utf8").trim());
    if (owner !== process.pid && isRunning(owner)) throw new Error(`A benchmark is already running from ${folder} (process ${owner}).`);
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
