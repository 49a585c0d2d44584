// Reps' calls, emails, meetings and notes on the leads they accepted: the first one usually within a few hours of
// accepting (some after the 48-hour first-touch SLA), the rest over the following days and weeks, and none after
// the deal closed or the lead went back to marketing. Touch rows are append-only, so they are right the first time.
import type { Stage, TouchKind } from "../db/enums";
import { addMs, DAY, HOUR, MINUTE } from "./calendar";
import type { StageChangeDraft } from "./funnel-history";
import { REP_TOUCH_NOTES } from "./notes";
import { clamp, type SeededRandom } from "./random";
import type { TouchDraft } from "./qualification";
import type { Roster } from "./team";

const CLOSING: readonly Stage[] = ["WON", "LOST", "NURTURE", "DISQUALIFIED"];
const TOUCH_COUNTS = [
  [1, 20],
  [2, 25],
  [3, 22],
  [4, 15],
  [5, 10],
  [6, 8],
] as const;
const FIRST_KINDS = [
  ["CALL", 50],
  ["EMAIL", 42],
  ["MEETING", 3],
  ["NOTE", 5],
] as const;
const LATER_KINDS = [
  ["CALL", 30],
  ["EMAIL", 35],
  ["MEETING", 20],
  ["NOTE", 15],
] as const;

export function repTouches(changes: readonly StageChangeDraft[], context: { now: Date; random: SeededRandom; roster: Roster }): TouchDraft[] {
  const { now, random, roster } = context;
  const accepted = changes.findIndex((change) => change.toStage === "SAL");
  const acceptance = changes[accepted];
  if (!acceptance) return [];
  const closing = changes.slice(accepted + 1).find((change) => CLOSING.includes(change.toStage));
  const inTime = (at: Date) => (closing ? at < closing.at : at <= now);

  const touches: TouchDraft[] = [];
  const count = random.weighted(TOUCH_COUNTS);
  // Median about three hours after accepting; roughly one lead in fifteen waits longer than the 48-hour SLA.
  let at = addMs(acceptance.at, clamp(random.logNormal(3 * HOUR, 1.85), 5 * MINUTE, 12 * DAY));
  for (let index = 0; index < count && inTime(at); index += 1) {
    const repId = ownerAt(changes, at);
    // A rep who has left logs nothing; their successor picks the lead up with its next stage change.
    if (repId && roster.isActiveAt(repId, at)) {
      const kind: TouchKind = random.weighted(index === 0 ? FIRST_KINDS : LATER_KINDS);
      touches.push({ leadId: acceptance.leadId, userId: repId, kind, at, note: random.pick(REP_TOUCH_NOTES[kind]) });
    }
    at = addMs(at, clamp(random.logNormal(5 * DAY, 0.9), 2 * HOUR, 40 * DAY));
  }
  return touches;
}

/** The rep working the lead at `at`: whoever made its latest sales move by then. */
function ownerAt(changes: readonly StageChangeDraft[], at: Date): string | null {
  let owner: string | null = null;
  for (const change of changes) {
    if (change.at > at) break;
    if (change.toStage === "SAL" || change.fromStage === "SAL" || change.fromStage === "SQL" || change.fromStage === "OPPORTUNITY") {
      owner = change.actorId;
    }
  }
  return owner;
}
