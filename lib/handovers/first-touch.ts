// The first-touch service level: after accepting, the rep's first touch is due within the agreed hours. Pure.
const HOUR = 60 * 60 * 1000;

export function firstTouchDue(
  handovers: readonly { status: string; respondedAt: string | null; firstTouchHours: number; to: { id: string } }[],
  touches: readonly { at: string; byId: string }[],
): { dueAt: string; at: string | null } | null {
  const accepted = handovers.find((handover) => handover.status === "ACCEPTED" && handover.respondedAt);
  if (!accepted?.respondedAt) return null;
  const dueAt = new Date(new Date(accepted.respondedAt).getTime() + accepted.firstTouchHours * HOUR).toISOString();
  const first = touches
    .filter((touch) => touch.byId === accepted.to.id && touch.at >= accepted.respondedAt!)
    .map((touch) => touch.at)
    .sort()[0];
  return { dueAt, at: first ?? null };
}
