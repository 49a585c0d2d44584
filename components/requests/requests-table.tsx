import Link from "next/link";
import type { RequestRow } from "@/lib/requests/queries";
import { KIND_LABELS } from "@/lib/requests/rules";
import { formatDate } from "@/lib/ui/format";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { RequestStatus } from "./request-status";

export function RequestsTable({ rows, caption }: { rows: RequestRow[]; caption: string }) {
  return (
    <Table aria-label={caption}>
      <THead>
        <TR>
          <TH>Request</TH>
          <TH>Kind</TH>
          <TH>Due</TH>
          <TH>Status</TH>
          <TH>Asked by</TH>
          <TH>Taken by</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((row) => (
          <TR key={row.id}>
            <TD>
              <Link href={`/requests/${row.id}`} className="font-medium text-brand hover:underline">
                {row.title}
              </Link>
            </TD>
            <TD className="whitespace-nowrap">{KIND_LABELS[row.kind]}</TD>
            <TD className="whitespace-nowrap">{formatDate(`${row.dueDate}T00:00:00Z`)}</TD>
            <TD>
              <RequestStatus status={row.status} overdue={row.overdue} />
            </TD>
            <TD className="whitespace-nowrap">{row.requester}</TD>
            <TD className="whitespace-nowrap">{row.assignee ?? <span className="text-muted">Nobody yet</span>}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
