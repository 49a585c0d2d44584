import Link from "next/link";
import type { AuditRow } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/ui/format";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

/** Read-only: the log has no edit or delete anywhere (the database refuses both too). */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <Table aria-label="Audit log">
      <THead>
        <TR>
          <TH>When</TH>
          <TH>Who</TH>
          <TH>Action</TH>
          <TH>Record</TH>
          <TH>Details</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((row) => (
          <TR key={row.id} data-testid="audit-row">
            <TD className="whitespace-nowrap">
              <time dateTime={row.at}>{formatDateTime(row.at)}</time>
            </TD>
            <TD>{row.actorName ?? <span className="text-muted">The system</span>}</TD>
            <TD className="font-medium">{row.actionLabel}</TD>
            <TD className="whitespace-nowrap">
              {row.entityHref ? (
                <Link href={row.entityHref} className="text-brand hover:underline">
                  {row.entityType}
                </Link>
              ) : (
                row.entityType
              )}
            </TD>
            <TD>
              <code className="block max-w-md truncate text-xs text-muted" title={row.details}>
                {row.details}
              </code>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
