// `npm start`: Tandem on an embedded PostgreSQL (or DATABASE_URL), with migrations, demo data and a production build.
// `npm run dev` does the same with Next's development server.
import http from "node:http";
import { readEnv } from "../lib/env";
import { prepare } from "../lib/runtime/prepare";
import { ensureBuild } from "../lib/runtime/build";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "../lib/seed/demo-users";
import { ROLE_LABELS } from "../lib/auth/permissions";
import { appendForwardedFor } from "../lib/auth/throttle-rules";

const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[tandem] ${line}`);

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
// The web app reads these through lib/env.ts like any other configuration.
process.env.DATABASE_URL = database.url;
process.env.AUTH_SECRET = authSecret;
process.env.NEXTAUTH_URL = baseUrl;

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
  // Background jobs stop after the batch in progress commits; they resume at the next start.
  const { requestJobsStop, jobsIdle } = await import("../lib/jobs/lifecycle");
  requestJobsStop();
  await jobsIdle(10_000);
  const { server } = running;
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
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

(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
const { default: next } = await import("next");
const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((request, response) => {
  // The peer's own address goes last in X-Forwarded-For, where a client cannot write it: sign-in throttling counts
  // by that entry (Next only fills the header in when it is missing, which would let a client choose its address).
  request.headers["x-forwarded-for"] = appendForwardedFor(request.headers["x-forwarded-for"], request.socket.remoteAddress);
  void handle(request, response);
});
running.server = server;
server.on("error", async (error) => {
  console.error(`[tandem] Could not listen on port ${env.PORT}: ${error.message}. Set PORT to use another port.`);
  await database.stop();
  process.exit(1);
});
server.listen(env.PORT, () => {
  log(`Tandem is running at ${baseUrl} (${database.embedded ? "embedded PostgreSQL in " + env.TANDEM_DATA_DIR : "DATABASE_URL"})`);
  if (database.embedded || prepared.seeded?.created) {
    log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const demo of DEMO_SIGN_INS) log(`  ${ROLE_LABELS[demo.role].padEnd(18)} ${demo.email}`);
  }
  log("Press Ctrl-C to stop.");
  // Background work interrupted by a stop or crash (e.g. re-evaluating leads) continues where it left off.
  void import("../lib/jobs/service").then(({ runPendingJobs }) => runPendingJobs());
});
