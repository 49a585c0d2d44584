"use client";
import { toCsv, type CsvCell, type CsvColumn } from "@/lib/metrics/rules";
import { Button } from "@/components/ui/button";

interface Props {
  filename: string;
  columns: CsvColumn[];
  rows: Record<string, CsvCell>[];
  /** What is exported, for the button's accessible name: "Download Split funnel as CSV". */
  title: string;
}

/**
 * Downloads the table behind a chart as CSV, built in the browser from the same rows the table shows (raw numbers,
 * not formatted text, so a spreadsheet can sum them). toCsv escapes cells that a spreadsheet would run as formulas.
 */
export function CsvButton({ filename, columns, rows, title }: Props) {
  function download() {
    // The byte order mark makes Excel read the file as UTF-8 (campaign names with accents, the en dash in "0–5 min").
    const blob = new Blob([`\uFEFF${toCsv(rows, columns)}`], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return (
    <Button type="button" variant="secondary" size="sm" onClick={download} aria-label={`Download ${title} as CSV`}>
      Download CSV
    </Button>
  );
}
