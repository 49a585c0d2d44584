// The CSV import benchmark's measuring process (started by scripts/bench/import.ts with DATABASE_URL pointing at a
// fresh database): generates a CSV, then times the import's two phases through the code the app runs: the upload's
// check (parse, match, validate every row, store) and the background job that writes the valid rows (scored,
// qualified, handed over). Prints one JSON line with the figures.
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { db, disconnectDb } from "../../lib/db/client";
import { createImport, finishImport } from "../../lib/imports/service";
import { runPendingJobs } from "../../lib/jobs/service";
import { SOURCE_LABELS } from "../../lib/leads/catalog";
import { benchLead } from "./intake";

const rows = Number(process.argv[2] ?? 100_000);
// "mixed": each lead's company drawn by a fixed hash of its line, so companies recur in a random order along the file.
const mixed = process.argv[3] === "mixed";
// "again": the file is imported once first, unmeasured, so that the measured import merges every row.
const again = process.argv[4] === "again";
const run = Date.now().toString(36);
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const lines = ["Name,Email,Job title,Company,Employees,Industry,Country,Source"];
for (let n = 1; n <= rows; n++) {
  const lead = benchLead(run, n);
  if (mixed) lead.company = `Bench Company ${mixedCompany(n)}`;
  lines.push(
    [lead.name, lead.email, lead.title ?? "", lead.company, String(lead.companySize), lead.industry ?? "", lead.country ?? "", SOURCE_LABELS[lead.source as keyof typeof SOURCE_LABELS]]
      .map(quote)
      .join(","),
  );
}
const text = `${lines.join("\r\n")}\r\n`;

/** One of 5,000 companies, by an integer hash of the line (a fixed, well-mixed order). */
function mixedCompany(n: number): number {
  let x = Math.imul(n ^ (n >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return ((x ^ (x >>> 16)) >>> 0) % 5000;
}

const marketer = await db().user.findFirstOrThrow({ where: { role: "MARKETER" }, select: { id: true, role: true } });
if (again) {
  const first = await createImport(marketer, { name: "first.csv", text });
  await finishImport(marketer, { importId: first.id, choice: "valid" });
  await runPendingJobs();
}
const started = performance.now();
const { id } = await createImport(marketer, { name: "bench.csv", text });
const checked = performance.now();
if (process.env.BENCH_PG_STATEMENTS) await db().$queryRaw`SELECT pg_stat_statements_reset()::text, pg_stat_reset_shared('wal')::text, pg_stat_reset_shared('checkpointer')::text`;
const appCpu = process.cpuUsage();
const databaseCpu = postgresCpuSeconds();
await finishImport(marketer, { importId: id, choice: "valid" });
await runPendingJobs();
const written = performance.now();
const { user, system } = process.cpuUsage(appCpu);
// CPU time is steadier than wall time on a shared machine: it tells a change's effect from the neighbours' noise.
const writeCpu = { app: (user + system) / 1e6, database: databaseCpu === null ? null : postgresCpuSeconds()! - databaseCpu };

const result = await db().leadImport.findUniqueOrThrow({ where: { id }, select: { status: true, validRows: true, created: true, merged: true } });
const [counts] = await db().$queryRaw<{ leads: number; mqls: number; handovers: number }[]>`
  SELECT (SELECT count(*)::int FROM "Lead") AS leads, (SELECT count(*)::int FROM "Lead" WHERE stage = 'MQL') AS mqls,
         (SELECT count(*)::int FROM "Handover") AS handovers`;
await disconnectDb();
console.log(
  JSON.stringify({
    rows,
    fileBytes: Buffer.byteLength(text),
    checkSeconds: (checked - started) / 1000,
    writeSeconds: (written - checked) / 1000,
    totalSeconds: (written - started) / 1000,
    status: result.status,
    created: result.created,
    merged: result.merged,
    ...counts,
    writeCpu,
  }),
);

/** The CPU seconds used so far by this machine's PostgreSQL processes (read from /proc), or null where there is none. */
function postgresCpuSeconds(): number | null {
  try {
    let ticks = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // the process ended meanwhile
      }
      const close = stat.lastIndexOf(")");
      if (stat.slice(stat.indexOf("(") + 1, close) !== "postgres") continue;
      const fields = stat.slice(close + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime and stime, in clock ticks
    }
    return ticks / 100; // Linux reports 100 ticks per second to user space
  } catch {
    return null;
  }
}
