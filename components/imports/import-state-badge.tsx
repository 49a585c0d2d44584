import type { ImportState } from "@/lib/imports/queries";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const LABELS: Record<ImportState, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Waiting for your choice", tone: "warning" },
  RUNNING: { label: "Importing", tone: "info" },
  DONE: { label: "Imported", tone: "success" },
  CANCELLED: { label: "Nothing imported", tone: "neutral" },
  FAILED: { label: "Stopped on an error", tone: "danger" },
};

export function ImportStateBadge({ state }: { state: ImportState }) {
  const { label, tone } = LABELS[state];
  return <Badge tone={tone}>{label}</Badge>;
}
