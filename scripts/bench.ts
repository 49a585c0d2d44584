// `npm run bench`: how fast the CRO dashboard, the rep's home and the leads list load on a million leads.
//
//   npm run bench                    reuse the data set if it is there, else generate it (a few minutes), then measure
//   npm run bench -- --regenerate    generate the data set again first
//   npm run bench -- --runs=30 --warmups=3 --only=<text>   how many timed runs, and which operations (name contains)
//   npm run bench -- --only=Intake   only the intake API under load (no million-lead data set needed)
//   npm run bench -- --only=Import   only the CSV import of 100,000 rows (--import-rows=N, --import-layout=mixed,
//                                    --import-again: the second import of the same file), on its own fresh database
//   npm run bench -- --intake-seconds=15 --intake-connections=32 --intake-batches=20   the intake load's size
//   npm run bench -- --only=Load --load-seconds=60 --load-connections=50   only the Load group (on the data set)
//
// The data lives in its own database: BENCH_DATABASE_URL, or an embedded PostgreSQL in <TANDEM_DATA_DIR>/bench. The
// figures go to the terminal and to <TANDEM_DATA_DIR>/bench/latest.json.
//
// Run with `node --import tsx --conditions=react-server`: the query modules import "server-only", which throws unless
// the "react-server" export condition is active (as it is inside Next's server bundle); with it, the package resolves
// to its empty module, so the benchmark calls the very code the pages call.
import { randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readEnv } from "../lib/env";
import { db, disconnectDb } from "../lib/db/client";
import { benchFolder, openBenchDatabase, type BenchDatabase } from "./bench/database";
import { ensureDataset } from "./bench/dataset";
import { BENCH_NOW, GENERATOR_VERSION, LEAD_COUNT } from "./bench/generate";
import { time } from "./bench/measure";
import { benchmarkOperations } from "./bench/operations";
import { formatTable, writeJson, type Result } from "./bench/report";
import { benchIntake, formatIntakeTable, type IntakeResult } from "./bench/intake";
import { benchImport, formatImportTable, type ImportBenchResult } from "./bench/import";
import { benchLoad, formatLoadTable, type LoadResult } from "./bench/load";

const log = (line: string) => console.log(`[bench] ${line}`);

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}
function count(name: string, fallback: number): number {
  const value = option(name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number.`);
  return parsed;
}

const env = readEnv();
const settings = {
  regenerate: process.argv.includes("--regenerate"),
  runs: Math.max(1, count("runs", 30)),
  warmups: count("warmups", 3),
  // Smaller data sets for trying the script out; the figures in the README are for the default million.
  leads: Math.max(1000, count("leads", LEAD_COUNT)),
  only: option("only"),
  intakeSeconds: Math.max(1, count("intake-seconds", 15)),
  intakeConnections: Math.max(1, count("intake-connections", 32)),
  intakeBatches: Math.max(1, count("intake-batches", 20)),
  importRows: Math.max(1, count("import-rows", 100_000)),
  // "spread" (each company's leads 5,000 lines apart) or "mixed" (companies in a random order along the file).
  importLayout: option("import-layout") === "mixed" ? ("mixed" as const) : ("spread" as const),
  // The same file imported a second time and measured then: every row a merge into the lead the first import wrote.
  importAgain: process.argv.includes("--import-again"),
  loadSeconds: Math.max(1, count("load-seconds", 60)),
  loadConnections: Math.max(1, count("load-connections", 50)),
};
// `--only=Intake…` selects the intake API alone; any other text selects read operations by name, as before.
const intakeOnly = settings.only !== undefined && /intake/i.test(settings.only);
const intakeSelected = settings.only === undefined || intakeOnly;
// `--only=Import` selects the CSV import alone; it also runs after the intake API in a full run.
const importOnly = settings.only !== undefined && /^import/i.test(settings.only);
const importSelected = settings.only === undefined || importOnly;
// `--only=Load` selects the Load group alone (it needs the data set, not the read operations).
const loadOnly = settings.only !== undefined && /^load/i.test(settings.only);
const loadSelected = settings.only === undefined || loadOnly;

let database: BenchDatabase | undefined;
let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await disconnectDb().catch(() => {});
    await database?.stop().catch(() => {});
  }
  process.exit(code);
}
process.on("SIGINT", () => void stop(130));
process.on("SIGTERM", () => void stop(143));

try {
  if (importOnly) {
    const loadBefore = os.loadavg();
    const result = await benchImport(benchFolder(env), { rows: settings.importRows, layout: settings.importLayout, again: settings.importAgain, log });
    console.log(`\n${formatImportTable(result)}\n`);
    log(`Load average (1/5/15 min) before: ${loadBefore.map((value) => value.toFixed(1)).join(" ")}, after: ${os.loadavg().map((value) => value.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs.`);
    const file = path.join(benchFolder(env), "latest-import.json");
    writeJson(file, { date: new Date().toISOString(), machine: { ...machine(), loadAverageBefore: loadBefore }, import: result });
    log(`Wrote ${path.relative(process.cwd(), file)}.`);
    await stop(0);
  }
  if (intakeOnly) {
    const intake = await benchIntake(benchFolder(env), { seconds: settings.intakeSeconds, connections: settings.intakeConnections, batches: settings.intakeBatches, log });
    console.log(`\n${formatIntakeTable(intake)}\n`);
    const file = path.join(benchFolder(env), "latest-intake.json");
    writeJson(file, { date: new Date().toISOString(), machine: machine(), intake });
    log(`Wrote ${path.relative(process.cwd(), file)}.`);
    await stop(0);
  }
  database = await openBenchDatabase(env, log);
  const dataset = await ensureDataset(database.url, { regenerate: settings.regenerate, leads: settings.leads, log });

  // The app's modules read the database through lib/env.ts, like `npm start` provides it. The secret signs nothing
  // here; the app's configuration check just requires one.
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");

  const { operations, context } = await benchmarkOperations();
  const selected = loadOnly ? [] : operations.filter((operation) => !settings.only || `${operation.group}: ${operation.name}`.includes(settings.only));
  // Other work on the machine slows every figure down: the load averages before and after go into the report.
  const loadBefore = os.loadavg();
  log(`Measuring ${selected.length} operations: ${settings.warmups} warm-up(s), then ${settings.runs} runs each (load average ${loadBefore[0]!.toFixed(1)})…`);
  const results: Result[] = [];
  for (const operation of selected) {
    const timing = await time(operation.run, { warmups: settings.warmups, runs: settings.runs });
    const met = operation.targetMs === null ? null : timing.p95Ms < operation.targetMs;
    results.push({ group: operation.group, operation: operation.name, dataSize: operation.dataSize, targetMs: operation.targetMs, met, ...timing });
    log(`  ${operation.group}: ${operation.name}: median ${timing.medianMs.toFixed(1)} ms, p95 ${timing.p95Ms.toFixed(1)} ms`);
  }

  // The intake API runs against a fresh database and its own production server, after the reads (never during them).
  const intake: IntakeResult[] = intakeSelected
    ? await benchIntake(benchFolder(env), { seconds: settings.intakeSeconds, connections: settings.intakeConnections, batches: settings.intakeBatches, log })
    : [];
  const csvImport: ImportBenchResult | null = importSelected ? await benchImport(benchFolder(env), { rows: settings.importRows, layout: settings.importLayout, again: settings.importAgain, log }) : null;

  const loadAfter = os.loadavg();
  const [server] = await db().$queryRaw<{ version: string; sharedBuffers: string; workMem: string; databaseBytes: bigint }[]>`
    SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS "sharedBuffers",
           current_setting('work_mem') AS "workMem", pg_database_size(current_database()) AS "databaseBytes"`;
  const tables = await db().$queryRaw<{ table: string; bytes: bigint }[]>`
    SELECT c.relname AS table, pg_total_relation_size(c.oid) AS bytes
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE '\\_%' ORDER BY bytes DESC`;
  const exact = await db().$queryRaw<Record<string, number>[]>`
    SELECT (SELECT count(*)::int FROM "Lead") AS "Lead", (SELECT count(*)::int FROM "StageChange") AS "StageChange",
           (SELECT count(*)::int FROM "Handover") AS "Handover", (SELECT count(*)::int FROM "FunnelRollup") AS "FunnelRollup",
           (SELECT count(*)::int FROM "Company") AS "Company", (SELECT count(*)::int FROM "Campaign") AS "Campaign",
           (SELECT count(*)::int FROM "User") AS "User"`;
  const diskBytes = database.dataDir ? folderSize(database.dataDir) : null;

  // The Load group: the production server under concurrent connections, on a copy of the data set (copying needs no
  // other connection to it, so this process lets go of its own first).
  let load: LoadResult[] = [];
  if (loadSelected) {
    await disconnectDb();
    load = await benchLoad(database.url, { seconds: settings.loadSeconds, connections: settings.loadConnections, log });
  }

  console.log(`\n${formatTable(results)}\n`);
  if (intake.length > 0) console.log(`${formatIntakeTable(intake)}\n`);
  if (csvImport) console.log(`${formatImportTable(csvImport)}\n`);
  if (load.length > 0) console.log(`${formatLoadTable(load)}\n`);
  const missed = [...results.filter((result) => result.met === false), ...intake.filter((result) => result.met === false).map((result) => ({ group: "Intake API", operation: result.operation })), ...(csvImport && !csvImport.met ? [{ group: "CSV import", operation: `${csvImport.rows} rows` }] : [])];
  const mb = (bytes: number | bigint) => `${(Number(bytes) / 1024 ** 2).toFixed(0)} MB`;
  log(
    `Data: ${exact[0]!.Lead!.toLocaleString("en")} leads, ${exact[0]!.StageChange!.toLocaleString("en")} stage changes, ` +
      `${exact[0]!.Handover!.toLocaleString("en")} handovers, ${exact[0]!.FunnelRollup!.toLocaleString("en")} rollup rows; ` +
      `database ${mb(server!.databaseBytes)}${diskBytes === null ? "" : `, data folder ${mb(diskBytes)}`}.`,
  );
  log(`Load average (1/5/15 min) before: ${loadBefore.map((value) => value.toFixed(1)).join(" ")}, after: ${loadAfter.map((value) => value.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs.`);
  log(`Generation: ${dataset.generated ? "this run" : `reused (made ${dataset.generatedAt})`}, ${dataset.generationSeconds.toFixed(0)} s.`);
  log(missed.length === 0 ? "Every target met." : `${missed.length} operation(s) missed the target: ${missed.map((result) => `${result.group}: ${result.operation}`).join("; ")}.`);

  const file = path.join(benchFolder(env), "latest.json");
  writeJson(file, {
    date: new Date().toISOString(),
    settings: { runs: settings.runs, warmups: settings.warmups, only: settings.only ?? null, dataNow: BENCH_NOW.toISOString(), generator: GENERATOR_VERSION },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryBytes: os.totalmem(),
      loadAverage: { before: loadBefore, after: loadAfter },
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
      postgres: server!.version,
      postgresSettings: { shared_buffers: server!.sharedBuffers, work_mem: server!.workMem },
      database: database.dataDir ? `embedded (${path.relative(process.cwd(), database.dataDir)})` : "BENCH_DATABASE_URL",
    },
    data: {
      rows: exact[0],
      tables: tables.map((table) => ({ table: table.table, bytes: Number(table.bytes) })),
      databaseBytes: Number(server!.databaseBytes),
      diskBytes,
      generated: dataset.generated,
      generationSeconds: dataset.generationSeconds,
      generatedAt: dataset.generatedAt,
      filters: { rep: context.rep.name, source: context.source, campaign: context.campaign.name },
      periods: Object.fromEntries(
        Object.entries(context.periods).map(([kind, value]) => [kind, { from: value.period.from, to: value.period.to, changes: value.changes, rollupRows: value.rollupRows, handovers: value.handovers }]),
      ),
    },
    results,
    intake,
    import: csvImport,
    load,
  });
  log(`Wrote ${path.relative(process.cwd(), file)}.`);
  await stop(0);
} catch (error) {
  console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await stop(1);
}

function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryBytes: os.totalmem(), loadAverage: os.loadavg(), node: process.version };
}

function folderSize(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) total += folderSize(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}
