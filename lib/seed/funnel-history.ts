// Walks each demo lead through the shared funnel and records every move as a stage change, the way the app would
// have: inquiry, qualification by the system, the handover to a rep, acceptance or rejection with a reason, then the
// sales stages. Rates and delays follow a typical B2B demand waterfall; nothing is ever dated after "now", so recent
// leads are still early in the funnel and some deals are still open.
import type { Stage } from "../db/enums";
import { addDays, addMs, DAY, MINUTE, startOfUtcDay } from "./calendar";
import type { HandoverOutcome } from "./handovers";
import type { LeadDraft } from "./leads";
import type { Qualification } from "./qualification";
import type { SeededRandom } from "./random";
import type { Roster } from "./team";

/** Ids are given when the whole history is assembled, in one sequence across leads. */
export interface StageChangeDraft {
  leadId: string;
  fromStage: Stage | null;
  toStage: Stage;
  at: Date;
  actorId: string | null;
  reason: string | null;
}

export interface LeadJourney {
  changes: StageChangeDraft[];
  stage: Stage;
  stageChangedAt: Date;
  ownerId: string;
  amount: number | null;
  expectedCloseDate: Date | null;
}

interface FunnelContext {
  now: Date;
  random: SeededRandom;
  roster: Roster;
}

const RECYCLE_REASONS = [
  ["No timeline", 35],
  ["No budget", 30],
  ["No need", 20],
  ["No authority", 15],
] as const;
const OPEN_WITH_SALES: readonly Stage[] = ["SAL", "SQL", "OPPORTUNITY"];
const LOST_REASONS = [
  ["Lost to competitor", 40],
  ["No decision", 30],
  ["Price", 20],
  ["Timing", 10],
] as const;

/** The record of one lead's moves; refuses any move that would be in the future. */
class Journey {
  readonly changes: StageChangeDraft[] = [];
  stage: Stage | null = null;
  at: Date;
  ownerId: string;
  amount: number | null = null;
  expectedCloseDate: Date | null = null;

  constructor(
    private readonly lead: LeadDraft,
    private readonly now: Date,
  ) {
    this.at = lead.createdAt;
    this.ownerId = lead.createdById;
  }

  move(toStage: Stage, at: Date, actorId: string | null, reason: string | null = null): boolean {
    if (at > this.now) return false;
    this.changes.push({ leadId: this.lead.id, fromStage: this.stage, toStage, at, actorId, reason });
    this.stage = toStage;
    this.at = at;
    return true;
  }
}

export function walkFunnel(
  qualification: Qualification,
  outcome: HandoverOutcome | undefined,
  context: FunnelContext,
): LeadJourney {
  const { lead } = qualification;
  const journey = new Journey(lead, context.now);
  journey.move("INQUIRY", lead.createdAt, lead.createdById);
  if (lead.salesSourced) {
    // The rep who found the lead works it; logging it is as good as accepting it, which they did before "now".
    const delay = Math.min(context.random.between(5 * MINUTE, 2 * DAY), 0.9 * (context.now.getTime() - lead.createdAt.getTime()));
    const acceptedAt = addMs(lead.createdAt, delay);
    if (journey.move("SAL", acceptedAt, repFor(journey, acceptedAt, context))) workSalesStages(journey, lead, context);
  } else if (qualification.mqlAt) {
    runHandover(journey, qualification, outcome, context);
  }
  // A rep's open work does not stay with them after they leave: it was reassigned to a colleague.
  if (journey.stage !== null && OPEN_WITH_SALES.includes(journey.stage)) repFor(journey, context.now, context);
  return finish(journey);
}

/** The server qualifies the lead; marketing keeps it until the rep answers the handover. */
function runHandover(journey: Journey, qualification: Qualification, outcome: HandoverOutcome | undefined, context: FunnelContext): void {
  const { lead, mqlAt, evaluation } = qualification;
  if (!mqlAt || !outcome) throw new Error(`Demo lead ${lead.id} qualified without a handover.`);
  journey.move("MQL", mqlAt, null, `Met lead definition v1 with ${evaluation.score} points`);
  if (!outcome.respondedAt) return;
  if (outcome.status === "ACCEPTED") {
    journey.ownerId = outcome.repId;
    if (journey.move("SAL", outcome.respondedAt, outcome.repId, "Accepted the handover")) workSalesStages(journey, lead, context);
    return;
  }
  const reason = outcome.reason!;
  journey.move(reason.outcome, outcome.respondedAt, outcome.repId, `Rejected: ${reason.label}. ${outcome.note}`);
}

function workSalesStages(journey: Journey, lead: LeadDraft, context: FunnelContext): void {
  const { random } = context;
  if (!random.chance(isGoodFitCompany(lead) ? 0.55 : 0.4)) return recycleStalled(journey, context);
  const qualifiedAt = addDays(journey.at, random.between(2, 21));
  if (!journey.move("SQL", qualifiedAt, repFor(journey, qualifiedAt, context))) return;

  if (!random.chance(0.7)) return recycleStalled(journey, context);
  const openedAt = addDays(journey.at, random.between(3, 30));
  const expectedCloseDate = startOfUtcDay(addDays(openedAt, random.integer(30, 120)));
  if (!journey.move("OPPORTUNITY", openedAt, repFor(journey, openedAt, context))) return;
  journey.amount = dealAmount(random, lead.company.employees);
  journey.expectedCloseDate = expectedCloseDate;

  // Deals slip: most close within a few weeks either side of the date the rep expected.
  const closedAt = addDays(expectedCloseDate, random.between(-15, 30) + random.between(9, 17) / 24);
  const closeAt = closedAt > addDays(openedAt, 7) ? closedAt : addDays(openedAt, 7);
  const won = random.chance(isGoodFitCompany(lead) ? 0.3 : 0.2);
  const actor = repFor(journey, closeAt, context);
  if (won) journey.move("WON", closeAt, actor);
  else journey.move("LOST", closeAt, actor, random.weighted(LOST_REASONS));
}

/** Accepted leads that go nowhere are handed back to marketing's nurture after a few weeks of silence. */
function recycleStalled(journey: Journey, context: FunnelContext): void {
  const { random } = context;
  if (!random.chance(0.7)) return;
  const at = addDays(journey.at, random.between(14, 60));
  journey.move("NURTURE", at, repFor(journey, at, context), random.weighted(RECYCLE_REASONS));
}

/**
 * The rep who acts at `at`: the owner, unless they have left by then, in which case a sales manager would have
 * reassigned the lead to a colleague, who becomes the owner.
 */
function repFor(journey: Journey, at: Date, context: FunnelContext): string {
  if (context.roster.isActiveAt(journey.ownerId, at)) return journey.ownerId;
  journey.ownerId = context.roster.pickActive(context.random, "SALES_REP", at).id;
  return journey.ownerId;
}

function finish(journey: Journey): LeadJourney {
  if (journey.stage === null) throw new Error("Every demo lead starts as an inquiry.");
  return {
    changes: journey.changes,
    stage: journey.stage,
    stageChangedAt: journey.at,
    ownerId: journey.ownerId,
    amount: journey.amount,
    expectedCloseDate: journey.expectedCloseDate,
  };
}

/** The accounts the product suits best buy more often, whether or not the workspace knows their size yet. */
function isGoodFitCompany(lead: LeadDraft): boolean {
  return lead.company.employees >= 50 && lead.company.employees <= 5_000;
}

/** Larger companies buy larger deals: median from about 11,000 (50 people) to 60,000 (50,000 people). */
function dealAmount(random: SeededRandom, companySize: number): number {
  const median = 20_000 * Math.pow(companySize / 500, 0.25);
  return Math.round(random.logNormalWithin(median, 0.8, 5_000, 250_000) / 100) * 100;
}
