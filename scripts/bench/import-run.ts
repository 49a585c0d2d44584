// The CSV import benchmark's measuring process (started by scripts/bench/import.ts with DATABASE_URL pointing at a
// fresh database): generates a CSV, then times the import's two phases through the code the app runs: the upload's
// check (parse, match, validate every row, store) and the background job that writes the valid rows (scored,
// qualified, handed over). Prints one JSON line with the figures.
import { performance } from "node:perf_hooks";
import { db, disconnectDb } from "../../lib/db/client";
import { createImport, finishImport } from "../../lib/imports/service";
import { runPendingJobs } from "../../lib/jobs/service";
import { SOURCE_LABELS } from "../../lib/leads/catalog";
import { benchLead } from "./intake";

const rows = Number(process.argv[2] ?? 100_000);
const run = Date.now().toString(36);
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const lines = ["Name,Email,Job title,Company,Employees,Industry,Country,Source"];
for (let n = 1; n <= rows; n++) {
  const lead = benchLead(run, n);
  lines.push(
    [lead.name, lead.email, lead.title ?? "", lead.company, String(lead.companySize), lead.industry ?? "", lead.country ?? "", SOURCE_LABELS[lead.source as keyof typeof SOURCE_LABELS]]
      .map(quote)
      .join(","),
  );
}
const text = `${lines.join("\r\n")}\r\n`;

const marketer = await db().user.findFirstOrThrow({ where: { role: "MARKETER" }, select: { id: true, role: true } });
const started = performance.now();
const { id } = await createImport(marketer, { name: "bench.csv", text });
const checked = performance.now();
await finishImport(marketer, { importId: id, choice: "valid" });
await runPendingJobs();
const written = performance.now();

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
  }),
);
