import type { HandoverStatus } from "@/lib/db/enums";
import { Badge } from "@/components/ui/badge";

const LOOK: Record<HandoverStatus, { label: string; tone: "neutral" | "brand" | "success" | "warning" | "danger" | "info" }> = {
  PENDING: { label: "Waiting", tone: "info" },
  ACCEPTED: { label: "Accepted", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
  DISPUTED: { label: "Disputed", tone: "warning" },
  REASSIGNED: { label: "Reassigned", tone: "neutral" },
};

export function HandoverStatusBadge({ status, resolution }: { status: HandoverStatus; resolution?: string | null }) {
  const look = LOOK[status];
  return (
    <Badge tone={look.tone}>
      {look.label}
      {resolution === "UPHELD" ? " · upheld" : resolution === "REASSIGNED" ? " · sent to another rep" : ""}
    </Badge>
  );
}
