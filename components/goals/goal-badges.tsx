import type { GoalStatus } from "@/lib/db/enums";
import type { Standing } from "@/lib/goals/rules";
import { Badge } from "@/components/ui/badge";
import { GOAL_STATUS, STANDING } from "./labels";

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  return <Badge tone={GOAL_STATUS[status].tone}>{GOAL_STATUS[status].label}</Badge>;
}

export function StandingBadge({ standing }: { standing: Standing }) {
  return (
    <Badge tone={STANDING[standing].tone} data-standing={standing}>
      {STANDING[standing].label}
    </Badge>
  );
}
