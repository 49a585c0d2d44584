// Who may log a touch on a lead. Pure; unit-tested with the funnel rules.
import type { Role, Stage } from "../db/enums";
import { holder } from "../funnel/rules";

/**
 * Marketing works the leads it holds (inquiries, nurture); sales works the leads it owns. A rep touches their own
 * leads and the ones handed to them; a sales manager any lead in the sales half or waiting for a rep.
 */
export function refuseTouch(
  actor: { id: string; role: Role },
  lead: { stage: Stage; ownerId: string | null; ownerRole: Role | null; pendingRepId: string | null },
): string | null {
  const marketing = actor.role === "MARKETER" || actor.role === "MARKETING_MANAGER";
  const team = holder(lead.stage, lead.ownerRole);
  if (marketing) return team === "marketing" && lead.stage !== "MQL" ? null : "Sales holds this lead now; marketing can follow it but not log touches.";
  if (actor.role === "SALES_MANAGER") return team === "sales" || lead.stage === "MQL" || lead.ownerId === actor.id ? null : "Marketing holds this lead.";
  if (actor.role === "SALES_REP") {
    return lead.ownerId === actor.id || lead.pendingRepId === actor.id ? null : "This lead is not yours.";
  }
  return "Your role does not log touches.";
}
