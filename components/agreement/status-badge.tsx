import type { DefinitionStatus } from "@/lib/db/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<DefinitionStatus, { label: string; tone: BadgeTone }> = {
  DRAFT: { label: "Draft", tone: "neutral" },
  PROPOSED: { label: "Proposed", tone: "warning" },
  ACTIVE: { label: "Active", tone: "success" },
  SUPERSEDED: { label: "Superseded", tone: "neutral" },
  WITHDRAWN: { label: "Withdrawn", tone: "neutral" },
};

export function DefinitionStatusBadge({ status }: { status: DefinitionStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
