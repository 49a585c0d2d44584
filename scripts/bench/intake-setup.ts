// The intake benchmark's own world: a fresh embedded PostgreSQL (wiped every run, so every run starts from the same
// empty state), the migrations, an active lead definition, ten reps to hand qualified leads to, and one API key; then
// the production server (`next start`) against it, with the rate limit raised out of the way.
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/db/generated/client";
import { findFreePort, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { ensureDatabaseExists } from "../../lib/runtime/database";
import { ensureBuild } from "../../lib/runtime/build";
import { DEFAULT_RULES } from "../../lib/agreement/defaults";
import { formatApiKey, hashApiKey, shownPrefix } from "../../lib/api-keys/rules";

export interface IntakeWorld {
  baseUrl: string;
  apiKey: string;
  databaseUrl: string;
  reps: number;
  stop: () => Promise<void>;
}

const REPS = 10;

export async function startIntakeWorld(folder: string, log: (line: string) => void): Promise<IntakeWorld> {
  const dataDir = path.join(folder, "intake-postgres");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const pgPort = await findFreePort();
  log(`Intake API: fresh embedded PostgreSQL (${path.relative(process.cwd(), dataDir)}, port ${pgPort})…`);
  const database = await startEmbeddedPostgres({ dataDir, port: pgPort, password: randomBytes(16).toString("hex"), onLog: process.env.BENCH_PG_LOG ? (line) => process.stderr.write(line) : undefined });
  let server: ChildProcess | undefined;
  const stop = async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await ensureDatabaseExists(database.url("postgres"), "tandem_intake_bench");
    const url = database.url("tandem_intake_bench");
    await applyMigrations(url);
    const apiKey = await seed(url);

    if (!ensureBuild()) throw new Error("The production build failed.");
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    log(`Intake API: starting the production server on ${baseUrl}…`);
    server = await startProductionServer(url, port, randomBytes(32).toString("base64url"));
    return { baseUrl, apiKey, databaseUrl: url, reps: REPS, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The production server as `npm start` runs it (scripts/start.ts: its web workers, one per core unless
 * WEB_CONCURRENCY says otherwise; built beforehand) on `port` against `url`, with the intake rate limit
 * raised out of the way, once its health route answers. With `ownGroup`, in its own process group, so that a test can
 * kill it whole (`process.kill(-child.pid, "SIGKILL")`), as a crash would.
 */
export async function startProductionServer(url: string, port: number, authSecret: string, options: { ownGroup?: boolean; env?: Record<string, string> } = {}): Promise<ChildProcess> {
  const baseUrl = `http://127.0.0.1:${port}`;
  // BENCH_SERVER_NODE_ARGS: extra options for the server's node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see
  // where its time goes; node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const server = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join(process.cwd(), "scripts/start.ts")], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: options.ownGroup ?? false,
    // The server's configuration, as `npm start` hands it over: the child reads it through lib/env.ts.
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: url,
      TANDEM_SKIP_SEED: "true",
      AUTH_SECRET: authSecret,
      NEXTAUTH_URL: baseUrl,
      INTAKE_RATE_LIMIT: "10000000",
      INTAKE_RATE_WINDOW_SECONDS: "60",
      ...options.env,
    },
  });
  try {
    await waitForHealth(baseUrl, server);
  } catch (error) {
    if (server.exitCode === null) server.kill("SIGKILL");
    throw error;
  }
  return server;
}

/** Reps and an active definition (what qualification needs), and one API key, whose secret only this run knows. */
export async function seed(url: string): Promise<string> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await prisma.user.createMany({
      data: Array.from({ length: REPS }, (_, index) => ({ email: `bench.rep.${index}@tandem.test`, name: `Bench Rep ${index}`, role: "SALES_REP" as const, passwordHash: "!" })),
    });
    await prisma.leadDefinition.create({ data: { version: 1, status: "ACTIVE", rules: DEFAULT_RULES, activatedAt: new Date(), activatedVia: "CRO" } });
    const key = formatApiKey(randomBytes(32));
    await prisma.apiKey.create({ data: { name: "Benchmark", prefix: shownPrefix(key), hash: hashApiKey(key) } });
    return key;
  } finally {
    await prisma.$disconnect();
  }
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}.`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The server did not become healthy within 60 s.");
}
