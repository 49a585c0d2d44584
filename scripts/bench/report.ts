// The benchmark's results as a table on the terminal and as JSON for comparing runs.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Timing } from "./measure";

export interface Result extends Timing {
  group: string;
  operation: string;
  /** What the operation reads, in words ("1,000,000 leads, 2,950,000 changes"). */
  dataSize: string;
  /** p95 the operation must stay under, or null for reference figures. */
  targetMs: number | null;
  met: boolean | null;
}

const COLUMNS = ["operation", "data size", "runs", "median ms", "p95 ms", "target", "met?"] as const;

export function formatTable(results: readonly Result[]): string {
  const rows = results.map((result) => [
    `${result.group}: ${result.operation}`,
    result.dataSize,
    String(result.runs),
    result.medianMs.toFixed(1),
    result.p95Ms.toFixed(1),
    result.targetMs === null ? (result.group === "Reference SQL" ? "reference" : "none") : `p95 < ${result.targetMs} ms`,
    result.met === null ? "—" : result.met ? "yes" : "NO",
  ]);
  const widths = COLUMNS.map((column, index) => Math.max(column.length, ...rows.map((row) => row[index]!.length)));
  const numeric = new Set([2, 3, 4]);
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, index) => (numeric.has(index) ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!))).join(" | ")} |`;
  const rule = `|${widths.map((width, index) => (numeric.has(index) ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [line(COLUMNS), rule, ...rows.map(line)].join("\n");
}

export function writeJson(file: string, report: object): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
