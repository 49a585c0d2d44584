// `npm run bench -- --only=Import`: a CSV import of 100,000 generated leads (a quarter of them qualifying and handed
// over) on a fresh embedded PostgreSQL with an active definition, ten reps and a marketer. The measuring runs in its
// own process (scripts/bench/import-run.ts), the app's code with its own database client, as the server would run it.
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/db/generated/client";
import { findFreePort, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { ensureDatabaseExists } from "../../lib/runtime/database";
import { DEFAULT_RULES } from "../../lib/agreement/defaults";

export const IMPORT_TARGET_PER_SECOND = 5000;
export const IMPORT_TARGET_SECONDS = 30;

export interface ImportBenchResult {
  rows: number;
  fileBytes: number;
  checkSeconds: number;
  writeSeconds: number;
  totalSeconds: number;
  status: string;
  created: number;
  merged: number;
  leads: number;
  mqls: number;
  handovers: number;
  /** CPU seconds spent while the job wrote: by the app's process and by PostgreSQL (null where it cannot be read). */
  writeCpu: { app: number; database: number | null };
  /** Leads written per second by the job, and over the whole import (check + write). */
  writeRate: number;
  totalRate: number;
  met: boolean;
}

/**
 * Where each company's leads sit in the file: "spread", 5,000 lines apart (two neighbouring batches never share a
 * company, so the job writes them side by side); "mixed", in a random order (neighbouring batches share many).
 */
export type ImportLayout = "spread" | "mixed";

export async function benchImport(folder: string, options: { rows: number; layout?: ImportLayout; again?: boolean; log: (line: string) => void }): Promise<ImportBenchResult> {
  const { log } = options;
  const dataDir = path.join(folder, "import-postgres");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const port = await findFreePort();
  log(`CSV import: fresh embedded PostgreSQL (${path.relative(process.cwd(), dataDir)}, port ${port})…`);
  // BENCH_PG_STATEMENTS=1: PostgreSQL's time per statement during the write (triggers' statements included), printed.
  const statements = !!process.env.BENCH_PG_STATEMENTS;
  const database = await startEmbeddedPostgres({
    dataDir,
    port,
    password: randomBytes(16).toString("hex"),
    ...(statements && { settings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "all" } }),
  });
  try {
    await ensureDatabaseExists(database.url("postgres"), "tandem_import_bench");
    const url = database.url("tandem_import_bench");
    await applyMigrations(url);
    await seed(url);
    if (statements) await runSql(url, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    log(`CSV import: importing ${options.rows.toLocaleString("en")} generated rows (companies ${options.layout ?? "spread"}${options.again ? ", a second time" : ""})…`);
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(import.meta.dirname, "import-run.ts"), String(options.rows), options.layout ?? "spread", options.again ? "again" : "once"], {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("base64url") },
      });
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`The import run exited with code ${code}.`))));
    });
    const figures = JSON.parse(output.trim().split("\n").at(-1)!) as Omit<ImportBenchResult, "writeRate" | "totalRate" | "met">;
    // A lead merged into (the second import of a file) is written as much as a lead created.
    const written = figures.created + figures.merged;
    if (statements) log(`PostgreSQL's time during the write, per 1,000 leads:\n${await statementTimes(url, written)}`);
    const writeRate = written / figures.writeSeconds;
    const totalRate = written / figures.totalSeconds;
    return { ...figures, writeRate, totalRate, met: totalRate >= IMPORT_TARGET_PER_SECOND && figures.totalSeconds < IMPORT_TARGET_SECONDS };
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A client of its own for one piece of set-up or reading, disconnected after it. */
async function withClient<T>(url: string, work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

function runSql(url: string, sql: string) {
  return withClient(url, (prisma) => prisma.$executeRawUnsafe(sql));
}

/** The statements that took the most of PostgreSQL's time (the run reset the statistics as the write began). */
function statementTimes(url: string, leads: number): Promise<string> {
  return withClient(url, async (prisma) => {
    const rows = await prisma.$queryRawUnsafe<{ ms: number; calls: number; toplevel: boolean; query: string }[]>(`
      SELECT total_exec_time::float8 AS ms, calls::int, toplevel, query FROM pg_stat_statements
      WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 20`);
    const [wal] = await prisma.$queryRawUnsafe<{ records: number; fpi: number; bytes: number; checkpoints: number }[]>(`
      SELECT wal_records::float8 AS records, wal_fpi::float8 AS fpi, wal_bytes::float8 AS bytes,
             (SELECT (num_timed + num_requested)::float8 FROM pg_stat_checkpointer) AS checkpoints FROM pg_stat_wal`);
    const walLine = `WAL: ${(wal!.bytes / 1024 ** 2).toFixed(0)} MB, ${wal!.records.toLocaleString("en")} records, ${wal!.fpi.toLocaleString("en")} full-page images, ${wal!.checkpoints} checkpoints`;
    const statements = rows.map(
      (row) => `${((row.ms / leads) * 1000).toFixed(1).padStart(7)} ms  ${String(row.calls).padStart(6)} calls  ${row.toplevel ? "   " : "(n)"} ${row.query.replace(/\s+/g, " ").slice(0, 150)}`,
    );
    return [walLine, ...statements].join("\n");
  });
}

function seed(url: string) {
  return withClient(url, async (prisma) => {
    await prisma.user.createMany({
      data: [
        ...Array.from({ length: 10 }, (_, index) => ({ email: `bench.rep.${index}@tandem.test`, name: `Bench Rep ${index}`, role: "SALES_REP" as const, passwordHash: "!" })),
        { email: "bench.marketer@tandem.test", name: "Bench Marketer", role: "MARKETER" as const, passwordHash: "!" },
      ],
    });
    await prisma.leadDefinition.create({ data: { version: 1, status: "ACTIVE", rules: DEFAULT_RULES, activatedAt: new Date(), activatedVia: "CRO" } });
  });
}

export function formatImportTable(result: ImportBenchResult): string {
  const rows = [
    ["operation", "data size", "seconds", "leads/s", "target", "met?"],
    ["CSV import: check (parse, match, validate, store)", `${result.rows.toLocaleString("en")} rows, ${(result.fileBytes / 1024 ** 2).toFixed(1)} MB`, result.checkSeconds.toFixed(1), "—", "—", "—"],
    ["CSV import: write (job: score, qualify, hand over)", result.created > 0 ? `${result.created.toLocaleString("en")} leads, ${result.handovers.toLocaleString("en")} handovers` : `${result.merged.toLocaleString("en")} leads merged into`, result.writeSeconds.toFixed(1), result.writeRate.toFixed(0), `≥ ${IMPORT_TARGET_PER_SECOND}/s`, result.writeRate >= IMPORT_TARGET_PER_SECOND ? "yes" : "NO"],
    ["CSV import: whole (check + write)", `${result.rows.toLocaleString("en")} rows`, result.totalSeconds.toFixed(1), result.totalRate.toFixed(0), `< ${IMPORT_TARGET_SECONDS} s, ≥ ${IMPORT_TARGET_PER_SECOND}/s`, result.met ? "yes" : "NO"],
  ];
  const perThousand = (seconds: number) => `${((seconds / (result.created + result.merged)) * 1e6).toFixed(0)} ms`;
  const { app, database } = result.writeCpu;
  rows.push([
    "CSV import: write, CPU time (app; PostgreSQL)",
    "per 1,000 leads",
    `${app.toFixed(1)}; ${database === null ? "—" : database.toFixed(1)}`,
    `${perThousand(app)}; ${database === null ? "—" : perThousand(database)}`,
    "—",
    "—",
  ]);
  const widths = rows[0]!.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(" | ")} |`;
  return [line(rows[0]!), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}
