import Link from "next/link";
import type { LeadRow } from "@/lib/leads/queries";
import type { LeadListQuery } from "@/lib/leads/schemas";
import { leadListHref, sortPatch } from "@/lib/leads/rules";
import { SOURCE_LABELS } from "@/lib/leads/catalog";
import { formatDate } from "@/lib/ui/format";
import { Table, TBody, TD, TH, THead, TR, TableEmpty } from "@/components/ui/table";
import { StageBadge } from "./stage-badge";

const COLUMNS: { label: string; sort?: LeadListQuery["sort"] }[] = [
  { label: "Name", sort: "name" },
  { label: "Company", sort: "company" },
  { label: "Stage", sort: "stage" },
  { label: "Source" },
  { label: "Score", sort: "score" },
  { label: "Owner" },
  { label: "Created", sort: "createdAt" },
];

export function LeadsTable({ query, rows }: { query: LeadListQuery; rows: LeadRow[] }) {
  return (
    <Table aria-label="Leads">
      <THead>
        <TR>
          {COLUMNS.map((column) => {
            const sorted = column.sort && query.sort === column.sort;
            return (
              <TH key={column.label} aria-sort={sorted ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                {column.sort ? (
                  <Link href={leadListHref(query, sortPatch(query, column.sort))} className="inline-flex items-center gap-1 hover:underline">
                    {column.label}
                    <span aria-hidden="true" className="text-xs">
                      {sorted ? (query.dir === "asc" ? "▲" : "▼") : ""}
                    </span>
                  </Link>
                ) : (
                  column.label
                )}
              </TH>
            );
          })}
        </TR>
      </THead>
      <TBody>
        {rows.length === 0 ? (
          <TableEmpty colSpan={COLUMNS.length}>No leads match these filters.</TableEmpty>
        ) : (
          rows.map((lead) => (
            <TR key={lead.id}>
              <TD>
                <Link href={`/leads/${lead.id}`} className="font-medium text-brand hover:underline">
                  {lead.name}
                </Link>
                <div className="text-xs text-muted">{lead.email}</div>
              </TD>
              <TD>
                {lead.company}
                <div className="text-xs text-muted">{lead.title}</div>
              </TD>
              <TD>
                <StageBadge stage={lead.stage} />
              </TD>
              <TD>{SOURCE_LABELS[lead.source]}</TD>
              <TD className="tabular-nums">{lead.score}</TD>
              <TD>{lead.owner ?? <span className="text-muted">Nobody</span>}</TD>
              <TD className="whitespace-nowrap">{formatDate(lead.createdAt)}</TD>
            </TR>
          ))
        )}
      </TBody>
    </Table>
  );
}
