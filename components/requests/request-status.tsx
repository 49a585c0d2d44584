import type { HelpRequestStatus } from "@/lib/db/enums";
import { STATUS_LABELS } from "@/lib/requests/rules";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<HelpRequestStatus, BadgeTone> = { OPEN: "warning", IN_PROGRESS: "info", DELIVERED: "success", CANCELLED: "neutral" };

/** The request's status, and "Overdue" beside it while it waits past its due day. */
export function RequestStatus({ status, overdue }: { status: HelpRequestStatus; overdue: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>
      {overdue && <Badge tone="danger">Overdue</Badge>}
    </span>
  );
}
