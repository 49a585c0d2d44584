// Scores every demo lead against lead definition v1 and decides when each marketing lead became an MQL, exactly as
// the server does (lib/leads/qualification.ts): when it was logged, or at the marketing touch that lifted its score
// to the threshold, and never otherwise. Leads that do not meet the definition stay inquiries, with what they lack.
import { evaluateLead, type Evaluation, type LeadFacts } from "../agreement/rules";
import type { DefinitionRules } from "../agreement/schemas";
import type { TouchKind } from "../db/enums";
import { addDays, addMs, DAY, HOUR, MINUTE } from "./calendar";
import type { LeadDraft } from "./leads";
import { NURTURE_EMAIL_NOTES } from "./notes";
import type { SeededRandom } from "./random";

/** Ids are given once every touch is known, in time order. */
export interface TouchDraft {
  leadId: string;
  userId: string;
  kind: TouchKind;
  at: Date;
  note: string | null;
}

export interface Qualification {
  lead: LeadDraft;
  /** When the server made it an MQL; null while it has not met the definition (and always for sales' own leads). */
  mqlAt: Date | null;
  /** The score the lead keeps: the one it qualified with, or today's for a lead marketing still holds. */
  evaluation: Evaluation;
  /** Marketing's emails while it was an inquiry; the last one is the qualifying touch when there is one. */
  touches: TouchDraft[];
  /** Set for the handovers staged to be waiting for a rep "now"; the flag asks for the demo rep to hold it. */
  pending: { toDemoRep: boolean } | null;
}

/** How many nurture emails an inquiry gets while marketing holds it. */
const NURTURE_EMAILS = [
  [0, 78],
  [1, 12],
  [2, 6],
  [3, 4],
] as const;
/** Pending handovers come from inquiries of the last months when there are enough of them. */
const RECENT_DAYS = 180;


/**
 * Handovers still waiting for a rep when the demo opens, in hours before "now": the first three are past the 24-hour
 * SLA (breached). Leads one touch short of the threshold qualify at these moments through a marketing email.
 */
const PENDING_SLOTS = [
  { hoursAgo: 29.5, toDemoRep: true },
  { hoursAgo: 27.2, toDemoRep: false },
  { hoursAgo: 25.6, toDemoRep: false },
  { hoursAgo: 21, toDemoRep: true },
  { hoursAgo: 17.5, toDemoRep: false },
  { hoursAgo: 12.5, toDemoRep: false },
  { hoursAgo: 9.5, toDemoRep: true },
  { hoursAgo: 3, toDemoRep: false },
] as const;

export function factsOf(lead: LeadDraft, touches: number): LeadFacts {
  return {
    title: lead.title,
    companySize: lead.company.size,
    industry: lead.company.industry,
    country: lead.company.country,
    source: lead.source,
    hasCampaign: lead.campaignId !== null,
    touches,
  };
}

export function qualifyLeads(
  leads: readonly LeadDraft[],
  rules: DefinitionRules,
  context: { now: Date; random: SeededRandom },
): Qualification[] {
  const qualifications = leads.map((lead) => qualifyLead(lead, rules, context));
  stagePendingHandovers(qualifications, rules, context);
  return qualifications;
}

function qualifyLead(lead: LeadDraft, rules: DefinitionRules, context: { now: Date; random: SeededRandom }): Qualification {
  const { random, now } = context;
  const logged = evaluateLead(factsOf(lead, 0), rules);
  // Sales' own leads skip the marketing half; they keep the score they were logged with.
  if (lead.salesSourced) return { lead, mqlAt: null, evaluation: logged, touches: [], pending: null };
  // Scored in the same transaction that logged it: it is an MQL from its first moment.
  if (logged.qualifies) return { lead, mqlAt: lead.createdAt, evaluation: logged, touches: [], pending: null };

  const touches: TouchDraft[] = [];
  let evaluation = logged;
  let at = lead.createdAt;
  const emails = random.weighted(NURTURE_EMAILS);
  for (let index = 0; index < emails; index += 1) {
    at = addMs(at, (index === 0 ? random.between(1, 10) : random.between(3, 21)) * DAY);
    if (at > now) break;
    touches.push(marketingEmail(random, lead, at));
    evaluation = evaluateLead(factsOf(lead, touches.length), rules);
    // The email that lifts it over the threshold qualifies it; after that, sales holds it and marketing stops.
    if (evaluation.qualifies) return { lead, mqlAt: at, evaluation, touches, pending: null };
  }
  return { lead, mqlAt: null, evaluation, touches, pending: null };
}

function marketingEmail(random: SeededRandom, lead: LeadDraft, at: Date): TouchDraft {
  return { leadId: lead.id, userId: lead.createdById, kind: "EMAIL", at, note: random.pick(NURTURE_EMAIL_NOTES) };
}

/**
 * A real queue always has a few handovers waiting, some already late. Inquiries one email short of the threshold get
 * that email at the slot's moment, which makes them MQLs then; the handover phase keeps them unanswered.
 */
function stagePendingHandovers(qualifications: Qualification[], rules: DefinitionRules, context: { now: Date; random: SeededRandom }): void {
  const { now, random } = context;
  for (const slot of PENDING_SLOTS) {
    const at = addMs(now, -slot.hoursAgo * HOUR + random.between(-20, 20) * MINUTE);
    const candidates = qualifications.filter(
      (candidate) =>
        !candidate.lead.salesSourced &&
        candidate.mqlAt === null &&
        candidate.lead.createdAt < addDays(at, -1) &&
        candidate.touches.every((touch) => touch.at < at) &&
        evaluateLead(factsOf(candidate.lead, candidate.touches.length + 1), rules).qualifies,
    );
    if (candidates.length === 0) continue;
    const recent = candidates.filter((candidate) => candidate.lead.createdAt >= addDays(now, -RECENT_DAYS));
    const chosen = random.pick(recent.length >= 3 ? recent : candidates);
    chosen.touches.push(marketingEmail(random, chosen.lead, at));
    chosen.evaluation = evaluateLead(factsOf(chosen.lead, chosen.touches.length), rules);
    chosen.mqlAt = at;
    chosen.pending = { toDemoRep: slot.toDemoRep };
  }
}
