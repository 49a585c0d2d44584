import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listMyQueue } from "@/lib/handovers/queries";
import { formatDateTime } from "@/lib/ui/format";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { SlaClock } from "@/components/handovers/sla-clock";
import { RespondToHandover } from "@/components/handovers/respond-to-handover";

export const metadata: Metadata = { title: "My queue" };

export default async function QueuePage() {
  const user = await requirePermission("handover:respond");
  const { rows, reasons } = await listMyQueue(user);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">My queue</h1>
        <p className="text-sm text-muted">Leads marketing handed to you, oldest first. Accept or reject each within the agreed time.</p>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="Nothing waiting for you" description="New MQLs appear here the moment they are handed to you." />
      ) : (
        <Table aria-label="Handovers waiting for you">
          <THead>
            <TR>
              <TH>Lead</TH>
              <TH>Score</TH>
              <TH>Handed over</TH>
              <TH>Time to answer</TH>
              <TH>
                <span className="sr-only">Answer</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((row) => (
              <TR key={row.id}>
                <TD>
                  <Link href={`/leads/${row.lead.id}`} className="font-medium text-brand hover:underline">
                    {row.lead.name}
                  </Link>
                  <div className="text-xs text-muted">
                    {[row.lead.title, row.lead.company].filter(Boolean).join(" · ")}
                  </div>
                </TD>
                <TD numeric>{row.lead.score}</TD>
                <TD className="whitespace-nowrap">
                  {formatDateTime(row.createdAt)}
                  <div className="text-xs text-muted">by {row.from ?? "Tandem"}</div>
                </TD>
                <TD>
                  <SlaClock createdAt={row.createdAt} dueAt={row.dueAt} respondedAt={row.respondedAt} />
                </TD>
                <TD>
                  <RespondToHandover handoverId={row.id} leadName={row.lead.name} leadVersion={row.lead.version} reasons={reasons[row.definitionVersion] ?? []} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
