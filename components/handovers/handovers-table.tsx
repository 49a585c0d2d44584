import Link from "next/link";
import type { HandoverRow } from "@/lib/handovers/queries";
import { formatDateTime } from "@/lib/ui/format";
import { Table, TBody, TD, TH, THead, TR, TableEmpty } from "@/components/ui/table";
import { SlaClock } from "./sla-clock";
import { HandoverStatusBadge } from "./handover-status";
import { DisputeButton, ReassignButton, ResolveDisputeButton } from "./handover-actions";

interface Props {
  rows: HandoverRow[];
  /** What the viewer may do; the server checks again. */
  can: { dispute: boolean; manage: boolean };
  viewerId: string;
  ownedByViewer: Set<string>;
  reps: { value: string; label: string }[];
}

export function HandoversTable({ rows, can, reps, ownedByViewer }: Props) {
  return (
    <Table aria-label="Handovers">
      <THead>
        <TR>
          <TH>Lead</TH>
          <TH>From → to</TH>
          <TH>Status</TH>
          <TH>Handed over</TH>
          <TH>Service level</TH>
          <TH>Reason and notes</TH>
          <TH>
            <span className="sr-only">Actions</span>
          </TH>
        </TR>
      </THead>
      <TBody>
        {rows.length === 0 ? (
          <TableEmpty colSpan={7}>No handovers here.</TableEmpty>
        ) : (
          rows.map((row) => (
            <TR key={row.id}>
              <TD>
                <Link href={`/leads/${row.lead.id}`} className="font-medium text-brand hover:underline">
                  {row.lead.name}
                </Link>
                <div className="text-xs text-muted">{row.lead.company}</div>
              </TD>
              <TD className="text-sm">
                {row.from ?? "Tandem"} → {row.to.name}
              </TD>
              <TD>
                <HandoverStatusBadge status={row.status} resolution={row.resolution} />
              </TD>
              <TD className="whitespace-nowrap text-sm">{formatDateTime(row.createdAt)}</TD>
              <TD>
                <SlaClock createdAt={row.createdAt} dueAt={row.dueAt} respondedAt={row.respondedAt} />
              </TD>
              <TD className="max-w-sm text-sm">
                {row.reasonLabel && <div className="font-medium">{row.reasonLabel}</div>}
                {row.note && <div className="text-muted">“{row.note}”</div>}
                {row.disputeNote && <div className="mt-1 text-warning">Dispute: “{row.disputeNote}”</div>}
              </TD>
              <TD>
                <div className="flex justify-end gap-2">
                  {can.dispute && row.status === "REJECTED" && !row.disputedAt && ownedByViewer.has(row.lead.id) && (
                    <DisputeButton handoverId={row.id} leadName={row.lead.name} />
                  )}
                  {can.manage && row.status === "PENDING" && (
                    <ReassignButton handoverId={row.id} leadName={row.lead.name} leadVersion={row.lead.version} reps={reps.filter((rep) => rep.value !== row.to.id)} />
                  )}
                  {can.manage && row.status === "DISPUTED" && <ResolveDisputeButton handoverId={row.id} leadName={row.lead.name} reps={reps.filter((rep) => rep.value !== row.to.id)} />}
                </div>
              </TD>
            </TR>
          ))
        )}
      </TBody>
    </Table>
  );
}
