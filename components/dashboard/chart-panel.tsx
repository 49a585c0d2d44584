import Link from "next/link";
import type { ReactNode } from "react";
import type { CsvCell } from "@/lib/metrics/rules";
import { formatFigure, type FigureKind } from "@/lib/ui/format";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { CsvButton } from "./csv-button";

export interface DataColumn {
  key: string;
  label: string;
  kind?: FigureKind;
}

export interface DataRow {
  cells: Record<string, CsvCell>;
  /** Cells that open the leads behind them, by column key. */
  links?: Record<string, string | null>;
}

interface Props {
  /** Used for ids and the CSV file name. */
  id: string;
  title: string;
  description?: ReactNode;
  /** The table's caption: what it holds and for which filters. */
  caption: string;
  columns: DataColumn[];
  rows: DataRow[];
  /** The chart (a client component); the panel shows the empty state instead when `empty`. */
  children: ReactNode;
  empty?: { title: string; description?: string } | null;
  /** Figures or notes shown beside the chart. */
  aside?: ReactNode;
  className?: string;
}

/**
 * One chart with the data behind it: a real table (with a caption, row headers and links to the leads behind each
 * count) in a "Show data" disclosure, and the same rows as a CSV download.
 */
export function ChartPanel({ id, title, description, caption, columns, rows, children, empty, aside, className }: Props) {
  const filename = `${id}-${caption.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 80)}.csv`;
  return (
    <Card aria-labelledby={`${id}-title`} data-panel={id} className={className}>
      <CardHeader>
        <div className="min-w-0 flex-1">
          <CardTitle id={`${id}-title`}>{title}</CardTitle>
          {description && <p className="mt-0.5 text-sm text-muted">{description}</p>}
        </div>
        {!empty && <CsvButton filename={filename} title={title} columns={columns.map(({ key, label }) => ({ key, label }))} rows={rows.map((row) => row.cells)} />}
      </CardHeader>
      <CardBody className="space-y-3">
        {!empty && aside}
        {empty ? (
          <EmptyState
            title={empty.title}
            description={
              <>
                {empty.description}
                <span className="mt-1 block text-xs">{caption}</span>
              </>
            }
            className="py-8"
          />
        ) : (
          <>
            {children}
            <details className="group">
              <summary className="cursor-pointer text-sm font-medium text-brand hover:underline">Show data</summary>
              <Table containerClassName="mt-2" data-table={id}>
                <caption className="px-3 py-2 text-left text-xs text-muted">{caption}</caption>
                <THead>
                  <TR>
                    {columns.map((column) => (
                      <TH key={column.key} numeric={column.kind !== undefined && column.kind !== "text"}>
                        {column.label}
                      </TH>
                    ))}
                  </TR>
                </THead>
                <TBody>
                  {rows.map((row, index) => (
                    <TR key={index}>
                      {columns.map((column, position) => {
                        const text = formatFigure(column.kind ?? "text", row.cells[column.key]);
                        const href = row.links?.[column.key];
                        const content = href ? (
                          <Link href={href} className="text-brand hover:underline">
                            {text}
                          </Link>
                        ) : (
                          text
                        );
                        return position === 0 ? (
                          <TH key={column.key} scope="row" className={index === rows.length - 1 ? "border-b-0 font-medium text-foreground" : "font-medium text-foreground"}>
                            {content}
                          </TH>
                        ) : (
                          <TD key={column.key} numeric={column.kind !== undefined && column.kind !== "text"}>
                            {content}
                          </TD>
                        );
                      })}
                    </TR>
                  ))}
                </TBody>
              </Table>
            </details>
          </>
        )}
      </CardBody>
    </Card>
  );
}
