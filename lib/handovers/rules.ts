// Pure rules of the handover: service levels, fair assignment, disputes. Unit-tested in tests/unit/handovers-rules.test.ts.
import type { HandoverStatus, Role } from "../db/enums";

const HOUR = 60 * 60 * 1000;

export function dueAt(handedAt: Date, acceptHours: number): Date {
  return new Date(handedAt.getTime() + acceptHours * HOUR);
}

export type SlaState = "open" | "due soon" | "breached" | "answered in time" | "answered late";

export interface SlaClock {
  state: SlaState;
  /** Milliseconds left until the due time (negative once overdue); null once answered. */
  msLeft: number | null;
  breached: boolean;
}

/**
 * Where a handover stands against its SLA. A handover is breached when it was answered after its due time, or is
 * still waiting past it; "due soon" is the last fifth of the window, when a rep should act now.
 */
export function slaClock(handover: { createdAt: Date; dueAt: Date; respondedAt: Date | null }, now: Date): SlaClock {
  if (handover.respondedAt) {
    const late = handover.respondedAt > handover.dueAt;
    return { state: late ? "answered late" : "answered in time", msLeft: null, breached: late };
  }
  const msLeft = handover.dueAt.getTime() - now.getTime();
  if (msLeft < 0) return { state: "breached", msLeft, breached: true };
  const window = handover.dueAt.getTime() - handover.createdAt.getTime();
  return { state: msLeft <= window / 5 ? "due soon" : "open", msLeft, breached: false };
}

/** "3 h 20 min left", "45 min overdue": the SLA clock as a rep reads it. */
export function formatClock(msLeft: number): string {
  const minutes = Math.round(Math.abs(msLeft) / 60_000);
  const text = minutes >= 60 * 24
    ? `${Math.floor(minutes / (60 * 24))} d ${Math.floor((minutes % (60 * 24)) / 60)} h`
    : minutes >= 60
      ? `${Math.floor(minutes / 60)} h ${minutes % 60} min`
      : `${minutes} min`;
  return msLeft >= 0 ? `${text} left` : `${text} overdue`;
}

export interface RepLoad {
  id: string;
  /**
   * When the rep was last handed a lead, as a time or as a handover's turn number (which orders handovers made in
   * the same millisecond too); null if never.
   */
  lastAssignedAt: Date | number | null;
  joinedAt: Date;
}

/**
 * Round robin that stays fair as the team changes: the next lead goes to the active rep who has waited longest
 * since their last handover. A new rep has never been assigned, so they are next in line once, then take their
 * turn; a deactivated rep is simply not among the candidates, so nobody's turn is skipped. Ties go to the earlier
 * joiner, then the id, so the choice is deterministic.
 */
export function pickNextRep(reps: readonly RepLoad[]): string | null {
  const ordered = [...reps].sort((a, b) => {
    const waitedA = a.lastAssignedAt === null ? Number.NEGATIVE_INFINITY : Number(a.lastAssignedAt);
    const waitedB = b.lastAssignedAt === null ? Number.NEGATIVE_INFINITY : Number(b.lastAssignedAt);
    if (waitedA !== waitedB) return waitedA - waitedB;
    if (a.joinedAt.getTime() !== b.joinedAt.getTime()) return a.joinedAt.getTime() - b.joinedAt.getTime();
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return ordered[0]?.id ?? null;
}

/** Why this person may not dispute this rejection, or null if they may. Marketing disputes a rejection once. */
export function refuseDispute(
  handover: { status: HandoverStatus; disputedAt: Date | null },
  actor: { id: string; role: Role },
  leadOwnerId: string | null,
): string | null {
  if (actor.role !== "MARKETER" && actor.role !== "MARKETING_MANAGER") return "Only marketing can dispute a rejection.";
  if (handover.disputedAt) return "This rejection has already been disputed once.";
  if (handover.status !== "REJECTED") return "Only a rejected handover can be disputed.";
  if (actor.role === "MARKETER" && actor.id !== leadOwnerId) return "Only the marketer who owns the lead, or the marketing manager, can dispute it.";
  return null;
}
