// One connection, no load tool: the single-lead route handler called in-process, N requests one after another, with
// every round trip to PostgreSQL counted and timed at the driver (pg's Client.query, which Prisma's adapter uses).
// Less sensitive to a busy machine than autocannon's rate, and it shows where a request's time goes.
//
//   node --import tsx scripts/bench/intake-profile.ts [--requests=200] [--verbose]
//   node --import tsx scripts/bench/intake-profile.ts --batches=10 [--verbose]   (the batch route, 1,000 leads each)
// (Not with --conditions=react-server: the route's imports reach client React code; "server-only" is mapped to an
// empty module below instead, as the tests do.)
import Module from "node:module";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/db/generated/client";
import { findFreePort, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { ensureDatabaseExists } from "../../lib/runtime/database";
import { DEFAULT_RULES } from "../../lib/agreement/defaults";
import { formatApiKey, hashApiKey, shownPrefix } from "../../lib/api-keys/rules";
import { benchLead } from "./intake";

const requests = Number(process.argv.find((arg) => arg.startsWith("--requests="))?.split("=")[1] ?? 200);
const verbose = process.argv.includes("--verbose");
const batches = Number(process.argv.find((arg) => arg.startsWith("--batches="))?.split("=")[1] ?? 0);

interface Sample {
  ms: number;
  statements: number;
  dbMs: number;
  texts: string[];
  /** Each statement's time, in order. */
  times: number[];
}

Module.register(
  `data:text/javascript,${encodeURIComponent(
    'export async function resolve(specifier, context, next) { return specifier === "server-only" ? { url: "data:text/javascript,export {}", shortCircuit: true } : next(specifier, context); }',
  )}`,
);

let current: Sample | null = null;
const originalQuery = pg.Client.prototype.query;
// Counts and times each statement sent while a sample is open (the pool's own connection checks are not statements).
pg.Client.prototype.query = function patched(this: pg.Client, ...args: unknown[]) {
  const sample = current;
  if (!sample) return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  const config = args[0] as string | { text?: string };
  const text = typeof config === "string" ? config : (config?.text ?? "");
  sample.statements += 1;
  sample.texts.push(text.replace(/\s+/g, " ").trim().slice(0, 100));
  const position = sample.times.push(0) - 1;
  const started = performance.now();
  const done = () => {
    sample.times[position] = performance.now() - started;
    sample.dbMs += sample.times[position]!;
  };
  // pg.Pool#query passes a callback; Prisma's transactions use the promise form.
  const last = args.at(-1);
  if (typeof last === "function") {
    args[args.length - 1] = (...results: unknown[]) => {
      done();
      return (last as (...r: unknown[]) => unknown)(...results);
    };
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  }
  const result = (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === "function") void (result as Promise<unknown>).then(done, done);
  return result;
} as typeof pg.Client.prototype.query;

const folder = path.join(process.cwd(), ".data/bench/intake-profile");
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
const database = await startEmbeddedPostgres({ dataDir: path.join(folder, "pg"), port: await findFreePort(), password: randomBytes(16).toString("hex") });
try {
  await ensureDatabaseExists(database.url("postgres"), "tandem_intake_profile");
  const url = database.url("tandem_intake_profile");
  await applyMigrations(url);
  const seedClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await seedClient.user.createMany({
    data: Array.from({ length: 10 }, (_, index) => ({ email: `profile.rep.${index}@tandem.test`, name: `Profile Rep ${index}`, role: "SALES_REP" as const, passwordHash: "!" })),
  });
  await seedClient.leadDefinition.create({ data: { version: 1, status: "ACTIVE", rules: DEFAULT_RULES, activatedAt: new Date(), activatedVia: "CRO" } });
  const key = formatApiKey(randomBytes(32));
  await seedClient.apiKey.create({ data: { name: "Profile", prefix: shownPrefix(key), hash: hashApiKey(key) } });
  await seedClient.$disconnect();

  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
  process.env.INTAKE_RATE_LIMIT = "10000000";
  const { POST } = await import("../../app/api/v1/leads/route");
  const { POST: POST_BATCH } = await import("../../app/api/v1/leads/batch/route");
  const run = Date.now().toString(36);
  const post = async (body: unknown, idempotencyKey?: string) => {
    const headers = new Headers({ authorization: `Bearer ${key}`, "content-type": "application/json" });
    if (idempotencyKey) headers.set("idempotency-key", idempotencyKey);
    const route = batches > 0 ? POST_BATCH : POST;
    const response = await route(new Request(`http://profile.test/api/v1/leads${batches > 0 ? "/batch" : ""}`, { method: "POST", headers, body: JSON.stringify(body) }));
    await response.text();
    return response.status;
  };

  // Warm up: the client's connection, the modules, PostgreSQL's caches.
  for (let n = 0; n < (batches > 0 ? 2 : 40); n++) await post(batches > 0 ? { leads: Array.from({ length: 1000 }, (_, i) => benchLead(`${run}w`, n * 1000 + i)) } : benchLead(`${run}w`, n));

  const kinds: Record<string, Sample[]> = batches > 0 ? { "batch of 1,000 new leads": [] } : { "new, not qualifying": [], "new, qualifying (handed over)": [], "merged (same email again)": [], "new, with Idempotency-Key": [] };
  const measure = async (kind: string, body: unknown, expected: number, idempotencyKey?: string) => {
    const sample: Sample = { ms: 0, statements: 0, dbMs: 0, texts: [], times: [] };
    current = sample;
    const started = performance.now();
    const status = await post(body, idempotencyKey);
    sample.ms = performance.now() - started;
    current = null;
    if (status !== expected) throw new Error(`${kind}: expected ${expected}, got ${status}`);
    kinds[kind]!.push(sample);
  };
  for (let n = 0; n < batches; n++) {
    await measure("batch of 1,000 new leads", { leads: Array.from({ length: 1000 }, (_, i) => benchLead(run, n * 1000 + i)) }, 200);
  }
  for (let n = 0; batches === 0 && n < requests; n++) {
    // benchLead: n % 4 === 0 qualifies.
    await measure(n % 4 === 0 ? "new, qualifying (handed over)" : "new, not qualifying", benchLead(run, n), 201);
    if (n % 4 === 1) await measure("merged (same email again)", { ...benchLead(run, n), name: "Someone Else" }, 200);
    if (n % 4 === 2) await measure("new, with Idempotency-Key", benchLead(`${run}i`, n), 201, `profile-${n}`);
  }

  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  };
  console.log(`\nOne connection, ${batches > 0 ? `${batches} batches` : `${requests} requests`} in sequence (load average ${(await import("node:os")).loadavg().map((v) => v.toFixed(1)).join(" ")}):\n`);
  console.log("| request | n | median ms | statements (round trips) | median ms in the database |");
  console.log("|---|--:|--:|--:|--:|");
  for (const [kind, samples] of Object.entries(kinds)) {
    console.log(`| ${kind} | ${samples.length} | ${median(samples.map((s) => s.ms)).toFixed(2)} | ${median(samples.map((s) => s.statements))} | ${median(samples.map((s) => s.dbMs)).toFixed(2)} |`);
  }
  if (verbose) {
    for (const [kind, samples] of Object.entries(kinds)) {
      // Each statement's median time, over the samples that sent the same statements as the last one.
      const last = samples.at(-1);
      if (!last) continue;
      const alike = samples.filter((sample) => sample.texts.join("\n") === last.texts.join("\n"));
      console.log(`\n${kind} (median ms of each statement over ${alike.length} requests):`);
      last.texts.forEach((text, index) => console.log(`  ${median(alike.map((sample) => sample.times[index]!)).toFixed(2).padStart(7)}  ${text}`));
    }
  }
  const { disconnectDb } = await import("../../lib/db/client");
  await disconnectDb();
} finally {
  await database.stop();
  rmSync(folder, { recursive: true, force: true });
}
