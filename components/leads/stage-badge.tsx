import type { Stage } from "@/lib/db/enums";
import { STAGE_LABELS } from "@/lib/leads/catalog";
import { Badge } from "@/components/ui/badge";

const TONES: Record<Stage, "neutral" | "brand" | "success" | "warning" | "danger" | "info"> = {
  INQUIRY: "neutral",
  MQL: "info",
  SAL: "brand",
  SQL: "brand",
  OPPORTUNITY: "warning",
  WON: "success",
  LOST: "danger",
  NURTURE: "neutral",
  DISQUALIFIED: "danger",
};

export function StageBadge({ stage }: { stage: Stage }) {
  return <Badge tone={TONES[stage]}>{STAGE_LABELS[stage]}</Badge>;
}
