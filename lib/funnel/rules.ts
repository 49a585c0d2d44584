// The shared funnel as one state machine: which stage changes exist, how each is made, who may make it and what it
// needs. Every stage change in Tandem is checked here on the server. Unit-tested for every pair and every role.
import type { Role, Stage } from "../db/enums";
import { STAGE_LABELS } from "../leads/catalog";

/**
 * How a change is made:
 * - "qualification": the server, because the lead meets the active definition (never by hand);
 * - "handover": the assigned rep answering a handover (accept or reject);
 * - "dispute": a sales manager sending a disputed rejection back to MQL for another rep;
 * - "manual": a person moving the lead on its page.
 */
export type Via = "qualification" | "handover" | "dispute" | "manual";

export const MARKETING_STAGES: readonly Stage[] = ["INQUIRY", "MQL", "NURTURE", "DISQUALIFIED"];
export const SALES_STAGES: readonly Stage[] = ["SAL", "SQL", "OPPORTUNITY", "WON", "LOST"];

/** Who may act: the lead's owner when they are a sales rep, any sales manager, or marketing. */
type Actor = "system" | "assigned rep" | "sales owner" | "marketing" | "sales manager";
type Need = "reason" | "amount" | "closeDate";

interface Transition {
  from: Stage;
  to: Stage;
  via: Via;
  by: readonly Actor[];
  needs?: readonly Need[];
  /** Only for leads sales already holds: marketing's leads reach sales through qualification and a handover. */
  salesHeldOnly?: boolean;
}

const SALES_HANDS: readonly Actor[] = ["sales owner", "sales manager"];

export const TRANSITIONS: readonly Transition[] = [
  { from: "INQUIRY", to: "MQL", via: "qualification", by: ["system"] },
  // A nurtured lead comes back only if it qualifies again, when marketing re-submits it.
  { from: "NURTURE", to: "MQL", via: "qualification", by: ["marketing"] },
  { from: "MQL", to: "SAL", via: "handover", by: ["assigned rep"] },
  { from: "MQL", to: "NURTURE", via: "handover", by: ["assigned rep"], needs: ["reason"] },
  { from: "MQL", to: "DISQUALIFIED", via: "handover", by: ["assigned rep"], needs: ["reason"] },
  { from: "NURTURE", to: "MQL", via: "dispute", by: ["sales manager"] },
  { from: "DISQUALIFIED", to: "MQL", via: "dispute", by: ["sales manager"] },
  // A lead a rep found and logged themselves is theirs to accept: it never needed marketing's handover.
  { from: "INQUIRY", to: "SAL", via: "manual", by: SALES_HANDS, salesHeldOnly: true },
  { from: "SAL", to: "SQL", via: "manual", by: SALES_HANDS },
  { from: "SQL", to: "OPPORTUNITY", via: "manual", by: SALES_HANDS, needs: ["amount", "closeDate"] },
  { from: "OPPORTUNITY", to: "WON", via: "manual", by: SALES_HANDS },
  { from: "OPPORTUNITY", to: "LOST", via: "manual", by: SALES_HANDS, needs: ["reason"] },
  { from: "SAL", to: "NURTURE", via: "manual", by: SALES_HANDS, needs: ["reason"] },
  { from: "SQL", to: "NURTURE", via: "manual", by: SALES_HANDS, needs: ["reason"] },
  { from: "SAL", to: "DISQUALIFIED", via: "manual", by: SALES_HANDS, needs: ["reason"] },
  { from: "SQL", to: "DISQUALIFIED", via: "manual", by: SALES_HANDS, needs: ["reason"] },
  { from: "INQUIRY", to: "DISQUALIFIED", via: "manual", by: ["marketing"], needs: ["reason"] },
  { from: "NURTURE", to: "DISQUALIFIED", via: "manual", by: ["marketing"], needs: ["reason"] },
];

export interface TransitionRequest {
  from: Stage;
  to: Stage;
  via: Via;
  /** null for the server itself (qualification). */
  actor: { id: string; role: Role } | null;
  lead: { ownerId: string | null; ownerRole: Role | null; assignedRepId?: string | null };
  reason?: string | null;
  amount?: number | null;
  expectedCloseDate?: Date | null;
  now?: Date;
}

export type TransitionCheck = { ok: true } | { ok: false; message: string; field?: "reason" | "amount" | "expectedCloseDate" };

const STAGE_NAMES: Record<Stage, string> = STAGE_LABELS;

function plays(actor: Actor, request: TransitionRequest): boolean {
  const person = request.actor;
  switch (actor) {
    case "system":
      return person === null;
    case "assigned rep":
      return person?.role === "SALES_REP" && person.id === request.lead.assignedRepId;
    case "sales owner":
      return person?.role === "SALES_REP" && person.id === request.lead.ownerId;
    case "sales manager":
      return person?.role === "SALES_MANAGER";
    case "marketing":
      return person?.role === "MARKETER" || person?.role === "MARKETING_MANAGER";
  }
}

/** Whether this change may happen, and if not, a message that says why in the user's terms. */
export function checkTransition(request: TransitionRequest): TransitionCheck {
  const { from, to } = request;
  const move = `${STAGE_NAMES[from]} → ${STAGE_NAMES[to]}`;
  const candidates = TRANSITIONS.filter((transition) => transition.from === from && transition.to === to);
  if (candidates.length === 0) return { ok: false, message: `A lead cannot move from ${STAGE_NAMES[from]} to ${STAGE_NAMES[to]}.` };

  const transition = candidates.find((candidate) => candidate.via === request.via);
  if (!transition) {
    const how = candidates[0]!.via;
    const explanation = {
      qualification: "only the server makes this change, when the lead meets the lead definition",
      handover: "it happens by accepting or rejecting the handover",
      dispute: "it happens when a sales manager resolves a dispute",
      manual: "it is made on the lead's page",
    }[how];
    return { ok: false, message: `${move}: ${explanation}.` };
  }

  if (transition.salesHeldOnly && !isSales(request.lead.ownerRole)) {
    return { ok: false, message: `${move}: this inquiry is marketing's; it reaches sales when it meets the lead definition and is handed over.` };
  }
  // The sales half belongs to the lead's owning rep (when a rep owns it) and to sales managers; the CRO watches.
  if (request.via === "manual" && transition.by.includes("sales owner") && request.lead.ownerRole !== "SALES_REP" && request.actor?.role === "SALES_REP") {
    return { ok: false, message: `${move}: this lead is not yours. A sales manager can reassign it.` };
  }
  if (!transition.by.some((actor) => plays(actor, request))) {
    return { ok: false, message: `${move}: ${whoMay(transition)} may make this change.` };
  }

  for (const need of transition.needs ?? []) {
    if (need === "reason" && !request.reason?.trim()) return { ok: false, message: `${move} needs a reason.`, field: "reason" };
    if (need === "amount" && !(typeof request.amount === "number" && request.amount > 0)) {
      return { ok: false, message: "An opportunity needs an amount greater than zero.", field: "amount" };
    }
    if (need === "closeDate") {
      const date = request.expectedCloseDate;
      if (!date || Number.isNaN(date.getTime())) return { ok: false, message: "An opportunity needs an expected close date.", field: "expectedCloseDate" };
      const today = startOfDay(request.now ?? new Date());
      if (date < today) return { ok: false, message: "The expected close date cannot be in the past.", field: "expectedCloseDate" };
    }
  }
  return { ok: true };
}

function isSales(role: Role | null): boolean {
  return role === "SALES_REP" || role === "SALES_MANAGER";
}

function whoMay(transition: Transition): string {
  const names: Record<Actor, string> = {
    system: "only the server",
    "assigned rep": "only the rep the lead was handed to",
    "sales owner": "the owning rep",
    "sales manager": "a sales manager",
    marketing: "marketing",
  };
  const parts = transition.by.map((actor) => names[actor]);
  const sentence = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} or ${parts.at(-1)}` : parts[0]!;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function startOfDay(date: Date): Date {
  const day = new Date(date);
  day.setUTCHours(0, 0, 0, 0);
  return day;
}

/** The manual moves this person may make on this lead now, for the lead page's buttons (the server re-checks). */
export function manualMoves(
  from: Stage,
  actor: { id: string; role: Role },
  lead: TransitionRequest["lead"],
): { to: Stage; needs: readonly Need[] }[] {
  return TRANSITIONS.filter((transition) => transition.from === from && transition.via === "manual")
    .filter((transition) => !transition.salesHeldOnly || isSales(lead.ownerRole))
    .filter((transition) => transition.by.some((who) => plays(who, { from, to: transition.to, via: "manual", actor, lead })))
    .map((transition) => ({ to: transition.to, needs: transition.needs ?? [] }));
}

export function ownerTeam(stage: Stage): "marketing" | "sales" {
  return SALES_STAGES.includes(stage) ? "sales" : "marketing";
}

/**
 * Which team works a lead now: the sales half belongs to sales, and so does an inquiry a rep logged themselves;
 * everything else (inquiries, MQLs waiting for an answer, nurture, disqualified) is marketing's.
 */
export function holder(stage: Stage, ownerRole: Role | null): "marketing" | "sales" {
  if (ownerTeam(stage) === "sales") return "sales";
  return stage === "INQUIRY" && isSales(ownerRole) ? "sales" : "marketing";
}

/** The funnel's main path, which cohort conversion follows stage by stage. */
export const MAIN_PATH: readonly Stage[] = ["INQUIRY", "MQL", "SAL", "SQL", "OPPORTUNITY", "WON"];

/** The stage before this one on the main path (whose cohort this entry converts), or null. */
export function previousOnPath(stage: Stage): Stage | null {
  const index = MAIN_PATH.indexOf(stage);
  return index > 0 ? MAIN_PATH[index - 1]! : null;
}
