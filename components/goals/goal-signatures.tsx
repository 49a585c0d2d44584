import type { GoalView } from "@/lib/goals/queries";
import { formatDate } from "@/lib/ui/format";
import { Badge } from "@/components/ui/badge";
import { SIDE_LABELS } from "./labels";

const SIDES = ["SALES", "MARKETING", "CRO"] as const;

/** Who has signed: both heads agree a goal, or the CRO alone. */
export function GoalSignatures({ goal }: { goal: GoalView }) {
  const signatures = new Map(goal.signatures.map((signature) => [signature.side, signature]));
  return (
    <div>
      <h3 className="text-sm font-semibold">Signatures</h3>
      <p className="text-sm text-muted">Agreed when both heads have signed, or the CRO has.</p>
      <ul className="mt-2 space-y-1 text-sm" aria-label="Signatures">
        {SIDES.map((side) => {
          const signature = signatures.get(side);
          return (
            <li key={side} className="flex flex-wrap items-center gap-2">
              <span className="w-24 font-medium">{SIDE_LABELS[side]}</span>
              {signature ? (
                <>
                  <Badge tone="success">
                    <span aria-hidden="true">✓&nbsp;</span>Signed
                  </Badge>
                  <span className="text-muted">
                    by {signature.name} on {formatDate(signature.signedAt)}
                  </span>
                </>
              ) : (
                <Badge tone="neutral">Not signed</Badge>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
