import type { HandoverRow } from "@/lib/handovers/queries";
import type { RejectionReason } from "@/lib/agreement/schemas";
import { formatDateTime } from "@/lib/ui/format";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { SlaClock } from "@/components/handovers/sla-clock";
import { HandoverStatusBadge } from "@/components/handovers/handover-status";
import { RespondToHandover } from "@/components/handovers/respond-to-handover";
import { DisputeButton, ReassignButton, ResolveDisputeButton } from "@/components/handovers/handover-actions";

interface Props {
  handovers: HandoverRow[];
  viewerId: string;
  can: { respond: boolean; dispute: boolean; manage: boolean };
  reasons: RejectionReason[];
  reps: { value: string; label: string }[];
  firstTouch: { dueAt: string; at: string | null } | null;
}

/** Where the lead stands with sales: each handover, its service level, and the answer marketing gets back. */
export function LeadHandovers({ handovers, viewerId, can, reasons, reps, firstTouch }: Props) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Handover</CardTitle>
      </CardHeader>
      <CardBody>
        {handovers.length === 0 ? (
          <p className="text-sm text-muted">Not handed to sales. It is handed over the moment it meets the lead definition.</p>
        ) : (
          <ol className="space-y-4" aria-label="Handovers">
            {handovers.map((handover) => (
              <li key={handover.id} className="space-y-1 border-l-2 border-border pl-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <HandoverStatusBadge status={handover.status} resolution={handover.resolution} />
                  <span>
                    {handover.from ?? "Tandem"} → <strong>{handover.to.name}</strong>, {formatDateTime(handover.createdAt)} (v{handover.definitionVersion})
                  </span>
                  <SlaClock createdAt={handover.createdAt} dueAt={handover.dueAt} respondedAt={handover.respondedAt} />
                </div>
                {handover.reasonLabel && (
                  <p>
                    <span className="font-medium">Rejected: {handover.reasonLabel}.</span> {handover.note && <span className="text-muted">“{handover.note}”</span>}
                  </p>
                )}
                {handover.disputeNote && <p className="text-warning">Disputed: “{handover.disputeNote}”</p>}
                <div className="flex flex-wrap gap-2 pt-1">
                  {can.respond && handover.status === "PENDING" && handover.to.id === viewerId && (
                    <RespondToHandover handoverId={handover.id} leadName={handover.lead.name} leadVersion={handover.lead.version} reasons={reasons} />
                  )}
                  {can.dispute && handover.status === "REJECTED" && !handover.disputedAt && <DisputeButton handoverId={handover.id} leadName={handover.lead.name} />}
                  {can.manage && handover.status === "PENDING" && (
                    <ReassignButton handoverId={handover.id} leadName={handover.lead.name} leadVersion={handover.lead.version} reps={reps.filter((rep) => rep.value !== handover.to.id)} />
                  )}
                  {can.manage && handover.status === "DISPUTED" && <ResolveDisputeButton handoverId={handover.id} leadName={handover.lead.name} reps={reps.filter((rep) => rep.value !== handover.to.id)} />}
                </div>
              </li>
            ))}
          </ol>
        )}
        {firstTouch && (
          <p className="mt-4 text-sm">
            First touch due by {formatDateTime(firstTouch.dueAt)}:{" "}
            {firstTouch.at ? (
              <strong className={firstTouch.at <= firstTouch.dueAt ? "text-success" : "text-danger"}>
                {firstTouch.at <= firstTouch.dueAt ? "made in time" : "made late"} ({formatDateTime(firstTouch.at)})
              </strong>
            ) : (
              <strong>{new Date(firstTouch.dueAt) < new Date() ? "overdue" : "waiting"}</strong>
            )}
          </p>
        )}
      </CardBody>
    </Card>
  );
}
