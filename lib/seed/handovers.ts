// Replays every handover of the demo history in time order: each MQL goes to the next rep by the app's fair round
// robin (lib/handovers/rules.ts) among the reps employed at that moment, who accepts or rejects it with one of the
// agreed reasons, in time or late. The most recent ones are still waiting; a few rejections are disputed.
import type { DefinitionRules, RejectionReason } from "../agreement/schemas";
import { dueAt, pickNextRep } from "../handovers/rules";
import type { HandoverStatus } from "../db/enums";
import { addMs, DAY, HOUR, MINUTE } from "./calendar";
import type { Qualification } from "./qualification";
import type { SeededRandom } from "./random";
import { DISPUTE_NOTES, REJECTION_NOTES } from "./notes";
import { isActiveAt, type Roster, type TeamMember } from "./team";

export interface HandoverDraft {
  id: string;
  leadId: string;
  fromUserId: string;
  toUserId: string;
  createdAt: Date;
  dueAt: Date;
  status: HandoverStatus;
  respondedAt: Date | null;
  reason: RejectionReason | null;
  note: string | null;
  disputedAt: Date | null;
  disputedById: string | null;
  disputeNote: string | null;
  resolution: "UPHELD" | null;
  resolvedAt: Date | null;
  resolvedById: string | null;
}

/** What became of a lead's handover, for its funnel history. */
export interface HandoverOutcome {
  /** The rep who holds (or answered) the lead's handover now. */
  repId: string;
  status: "PENDING" | "ACCEPTED" | "REJECTED";
  respondedAt: Date | null;
  reason: RejectionReason | null;
  note: string | null;
  /** When a sales manager moved the waiting handover to another rep: one more write to the lead. */
  reassignedAt: Date | null;
}

interface HandoverContext {
  now: Date;
  random: SeededRandom;
  roster: Roster;
  rules: DefinitionRules;
}

/** Handovers older than this are answered by "now"; younger ones may still be waiting. */
const PENDING_HORIZON = 30 * HOUR;

/** Rejections recycle to nurture more often than they disqualify, and the reasons vary as they do in real queues. */
const REASON_WEIGHTS: Record<string, number> = {
  no_timeline: 35,
  no_budget: 30,
  no_need: 20,
  no_authority: 15,
  not_icp: 12,
  bad_contact_data: 10,
  duplicate: 7,
  spam: 3,
  already_customer: 6,
};

export function replayHandovers(qualifications: readonly Qualification[], context: HandoverContext) {
  const { now, random, roster, rules } = context;
  const reps = roster.members.filter((member) => member.role === "SALES_REP");
  const demoRep = roster.byEmail("rep@tandem.test");
  const salesManager = roster.byEmail("sales.manager@tandem.test");
  const lastAssignedAt = new Map<string, Date>();
  const handovers: HandoverDraft[] = [];
  const outcomes = new Map<string, HandoverOutcome>();
  const reassignments: { at: Date; handover: HandoverDraft }[] = [];

  const open = (leadId: string, fromUserId: string, toUserId: string, at: Date): HandoverDraft => {
    lastAssignedAt.set(toUserId, at);
    const handover = blankHandover(leadId, fromUserId, toUserId, at, rules);
    handovers.push(handover);
    return handover;
  };
  // A sales manager moves a waiting handover to the demo rep, who gets a fresh SLA window (as reassignHandover does).
  const reassign = ({ at, handover }: { at: Date; handover: HandoverDraft }) => {
    update(handover, { status: "REASSIGNED", resolvedAt: at, resolvedById: salesManager.id });
    open(handover.leadId, handover.fromUserId, demoRep.id, at);
    outcomes.set(handover.leadId, { ...pendingOutcome(demoRep.id), reassignedAt: at });
  };

  const qualified = qualifications
    .filter((qualification) => qualification.mqlAt !== null)
    .sort((a, b) => a.mqlAt!.getTime() - b.mqlAt!.getTime() || (a.lead.id < b.lead.id ? -1 : 1));
  for (const { lead, mqlAt, evaluation, pending } of qualified) {
    const at = mqlAt!;
    while (reassignments[0] && reassignments[0].at <= at) reassign(reassignments.shift()!);
    const candidates = reps
      .filter((rep) => isActiveAt(rep, at))
      .map((rep) => ({ id: rep.id, joinedAt: rep.activeFrom, lastAssignedAt: lastAssignedAt.get(rep.id) ?? null }));
    const repId = pickNextRep(candidates);
    if (!repId) throw new Error(`No active sales rep on ${at.toISOString()} in the demo team.`);
    const handover = open(lead.id, lead.createdById, repId, at);

    let answeredAt = answerTime(random, at, reps.find((rep) => rep.id === repId)!);
    // Queues get worked: a handover older than the pending horizon was answered by "now", late, in the last half day.
    if (!pending && answeredAt > now && at < addMs(now, -PENDING_HORIZON)) {
      answeredAt = new Date(random.between(Math.max(at.getTime() + 25 * HOUR, now.getTime() - 12 * HOUR), now.getTime()));
    }
    if (pending || answeredAt > now) {
      outcomes.set(lead.id, pendingOutcome(repId));
      if (pending?.toDemoRep && repId !== demoRep.id) {
        reassignments.push({ at: addMs(at, random.between(45, 80) * MINUTE), handover });
      }
      continue;
    }
    handover.respondedAt = answeredAt;
    if (random.chance(acceptProbability(evaluation.score, lead.campaignId !== null))) {
      handover.status = "ACCEPTED";
      outcomes.set(lead.id, { repId, status: "ACCEPTED", respondedAt: answeredAt, reason: null, note: null, reassignedAt: null });
      continue;
    }
    const reason = random.weighted(rules.rejectionReasons.map((item) => [item, REASON_WEIGHTS[item.code] ?? 5] as const));
    const note = random.pick(REJECTION_NOTES[reason.code] ?? ["Does not meet our bar for a sales conversation yet."]);
    update(handover, { status: "REJECTED", reason, note });
    outcomes.set(lead.id, { repId, status: "REJECTED", respondedAt: answeredAt, reason, note, reassignedAt: null });
  }
  reassignments.forEach(reassign);

  disputeSomeRejections(handovers, context);
  handovers.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.leadId < b.leadId ? -1 : 1));
  handovers.forEach((handover, index) => (handover.id = `seed_handover_${String(index + 1).padStart(5, "0")}`));
  return { handovers, outcomes };
}

function update(handover: HandoverDraft, changes: Partial<HandoverDraft>): void {
  Object.assign(handover, changes);
}

function pendingOutcome(repId: string): HandoverOutcome {
  return { repId, status: "PENDING", respondedAt: null, reason: null, note: null, reassignedAt: null };
}

function blankHandover(leadId: string, fromUserId: string, toUserId: string, at: Date, rules: DefinitionRules): HandoverDraft {
  return {
    id: "",
    leadId,
    fromUserId,
    toUserId,
    createdAt: at,
    dueAt: dueAt(at, rules.sla.acceptHours),
    status: "PENDING",
    respondedAt: null,
    reason: null,
    note: null,
    disputedAt: null,
    disputedById: null,
    disputeNote: null,
    resolution: null,
    resolvedAt: null,
    resolvedById: null,
  };
}

/** Higher-scoring leads and campaign leads are accepted more often; about half of all MQLs are. */
function acceptProbability(score: number, fromCampaign: boolean): number {
  return Math.min(0.75, 0.4 + 0.008 * (score - 75) + (fromCampaign ? 0.06 : 0));
}

/** Minutes for most handovers, hours for many; about one in ten is answered after the 24-hour SLA. */
function answerTime(random: SeededRandom, handedAt: Date, rep: TeamMember): Date {
  const bucket = random.weighted([
    ["minutes", 48],
    ["hours", 42],
    ["late", 10],
  ] as const);
  const delay =
    bucket === "minutes"
      ? random.between(3 * MINUTE, 90 * MINUTE)
      : bucket === "hours"
        ? random.between(90 * MINUTE, 23.5 * HOUR)
        : random.between(25 * HOUR, 4 * DAY);
  const answeredAt = addMs(handedAt, delay);
  // A rep on their way out answers their queue before their last day.
  if (rep.activeUntil && answeredAt >= rep.activeUntil) {
    return addMs(handedAt, random.between(0.2, 0.9) * (rep.activeUntil.getTime() - handedAt.getTime()));
  }
  return answeredAt;
}

const DISPUTABLE = new Set(["not_icp", "no_need", "no_authority", "no_budget", "no_timeline", "bad_contact_data", "already_customer"]);

/**
 * Marketing contests a few rejections: about six recent ones wait for a sales manager's ruling, and a few older
 * ones were heard and upheld. At least one of each belongs to the demo marketer, so their view shows both.
 */
function disputeSomeRejections(handovers: readonly HandoverDraft[], context: HandoverContext): void {
  const { now, random, roster } = context;
  const demoMarketer = roster.byEmail("marketer@tandem.test");
  const rejected = handovers.filter((handover) => handover.status === "REJECTED" && DISPUTABLE.has(handover.reason!.code));
  const within = (fromDays: number, toDays: number) =>
    rejected.filter((h) => h.respondedAt! >= addMs(now, -toDays * DAY) && h.respondedAt! <= addMs(now, -fromDays * DAY));

  const open = chooseWithOwner(random, within(0.25, 21), 6, demoMarketer.id, within(0.25, 90));
  for (const handover of open) {
    const room = now.getTime() - handover.respondedAt!.getTime() - 10 * MINUTE;
    const disputedAt = addMs(handover.respondedAt!, Math.min(room, random.between(1 * HOUR, 36 * HOUR)));
    update(handover, { status: "DISPUTED", disputedAt, disputedById: handover.fromUserId, disputeNote: random.pick(DISPUTE_NOTES) });
  }
  const settled = chooseWithOwner(random, within(25, 150).filter((h) => !open.includes(h)), 4, demoMarketer.id, []);
  for (const handover of settled) {
    const disputedAt = addMs(handover.respondedAt!, random.between(2 * HOUR, 40 * HOUR));
    const resolvedAt = addMs(disputedAt, random.between(3 * HOUR, 72 * HOUR));
    update(handover, {
      disputedAt,
      disputedById: handover.fromUserId,
      disputeNote: random.pick(DISPUTE_NOTES),
      resolution: "UPHELD",
      resolvedAt,
      resolvedById: roster.pickActive(random, "SALES_MANAGER", resolvedAt).id,
    });
  }
}

/** `count` handovers drawn from `pool`, swapping one for a handover of `ownerId`'s (from `fallback`) if none is theirs. */
function chooseWithOwner(random: SeededRandom, pool: HandoverDraft[], count: number, ownerId: string, fallback: HandoverDraft[]): HandoverDraft[] {
  const remaining = [...pool];
  const chosen: HandoverDraft[] = [];
  while (chosen.length < count && remaining.length > 0) {
    chosen.push(...remaining.splice(Math.floor(random.next() * remaining.length), 1));
  }
  if (!chosen.some((h) => h.fromUserId === ownerId)) {
    const theirs = [...pool, ...fallback].filter((h) => h.fromUserId === ownerId);
    if (theirs.length > 0) chosen[Math.max(0, chosen.length - 1)] = theirs.at(-1)!;
  }
  return chosen;
}

