// Pure rules for campaigns and sales' ratings of them: no database, no framework. Unit-tested in
// tests/unit/campaigns-rules.test.ts.
import type { CampaignChannel, Role } from "../db/enums";
import { addDays, ratio, resolvePeriod, startOfUtcDay, type Period } from "../metrics/rules";
import { formatCount, formatMoney, formatPercent } from "../ui/format";

export const CHANNEL_LABELS: Record<CampaignChannel, string> = {
  WEBINAR: "Webinar",
  EVENT: "Event",
  CONTENT: "Content",
  PAID_SEARCH: "Paid search",
  PAID_SOCIAL: "Paid social",
  EMAIL: "Email",
  PARTNER: "Partner",
};

/** Larger than any marketing budget, small enough for the Decimal(12, 2) column. */
export const MAX_BUDGET = 9_999_999_999;
export const MAX_TARGET_MQLS = 1_000_000;

/** Campaigns are planned in whole days: the last day comes after the first (a one-day event ends the next day). */
export function endsAfterStart(startsAt: Date, endsAt: Date): boolean {
  return endsAt.getTime() > startsAt.getTime();
}

/** Who may run a campaign: an active marketer or marketing manager. */
export function canOwnCampaigns(user: { role: Role; active: boolean }): boolean {
  return user.active && (user.role === "MARKETER" || user.role === "MARKETING_MANAGER");
}

/**
 * Why this person may not edit this campaign, or null when they may: a marketer edits the campaigns they run, the
 * marketing manager (head of marketing) edits any. Other roles never edit campaigns.
 */
export function refuseCampaignEdit(actor: { id: string; role: Role }, campaign: { ownerId: string }): string | null {
  if (actor.role === "MARKETING_MANAGER") return null;
  if (actor.role !== "MARKETER") return "Only marketing edits campaigns.";
  return campaign.ownerId === actor.id ? null : "Only the marketer who runs this campaign, or the marketing manager, can edit it.";
}

/**
 * The campaign's whole life as a reporting period, so its page agrees with the dashboards over the same days:
 *
 *   from = the earlier of its start and its first lead's creation (a lead attributed later may be older)
 *   to   = the end of today (results keep coming in after the campaign ends: pipeline, wins)
 *
 * A campaign that has not started yet (and has no leads) covers today only.
 */
export function campaignLifePeriod(startsAt: Date, firstLeadAt: Date | null, now: Date): Period {
  const first = firstLeadAt && firstLeadAt < startsAt ? firstLeadAt : startsAt;
  const end = addDays(startOfUtcDay(now), 1);
  const from = first < end ? first : startOfUtcDay(now);
  return resolvePeriod({ from, to: end }, now);
}

export interface RatingSummary {
  count: number;
  /** Mean of the ratings, to one decimal; null when nobody rated. */
  average: number | null;
  /** How many gave each rating, index 0 for 1 star … index 4 for 5. */
  distribution: [number, number, number, number, number];
}

/** A mean rating as people read it: one decimal, halves up (3.45 → 3.5). */
export function roundRating(mean: number): number {
  return Math.round(mean * 10 + 1e-9) / 10;
}

/** average = Σ rating ÷ count, rounded to one decimal (3.45 → 3.5); ratings outside 1-5 are a bug upstream. */
export function summarizeRatings(ratings: readonly number[]): RatingSummary {
  const distribution: RatingSummary["distribution"] = [0, 0, 0, 0, 0];
  let total = 0;
  for (const rating of ratings) {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw new RangeError(`A rating is 1 to 5, not ${rating}.`);
    distribution[rating - 1] = (distribution[rating - 1] ?? 0) + 1;
    total += rating;
  }
  const average = ratings.length === 0 ? null : roundRating(total / ratings.length);
  return { count: ratings.length, average, distribution };
}

export interface StoredFeedback {
  rating: number;
  comment: string | null;
  version: number;
}

export interface FeedbackRequest {
  rating: number;
  comment?: string | undefined;
  /** The version the rep saw; absent for a first rating. */
  version?: number | undefined;
}

/**
 * What a rating request does to the rep's stored rating of a campaign:
 * - "create": no rating yet;
 * - "unchanged": the stored rating already says exactly this: a double-submit or a retry, answered without writing;
 * - "update": an edit of the version the rep saw;
 * - "conflict": the rating changed since the rep saw it (another tab), or a first rating arrives when one exists with
 *   different words: nothing is overwritten, the rep reloads and sees the current one.
 */
export function feedbackDecision(existing: StoredFeedback | null, request: FeedbackRequest): "create" | "unchanged" | "update" | "conflict" {
  if (!existing) return "create";
  if (existing.rating === request.rating && (existing.comment ?? null) === (request.comment ?? null)) return "unchanged";
  return request.version === existing.version ? "update" : "conflict";
}

/** The campaigns list's URL: search, "campaigns I worked", page; defaults left out; a new filter goes to page 1. */
export function campaignListHref(query: CampaignListState, patch: Partial<CampaignListState> = {}): string {
  const refilters = "q" in patch || "worked" in patch;
  const next = { ...query, ...patch, page: patch.page ?? (refilters ? 1 : query.page) };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.worked) params.set("worked", next.worked);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/campaigns?${search}` : "/campaigns";
}

interface CampaignListState {
  q: string;
  page: number;
  worked?: "1" | undefined;
}

/** A campaign's results over its whole life, from the metrics module (so they agree with the dashboards). */
export interface CampaignResults {
  name: string;
  channel: CampaignChannel;
  budget: number | null;
  targetMqls: number | null;
  /** Leads that entered the funnel (INQUIRY). */
  leads: number;
  mqls: number;
  handedOver: number;
  accepted: number;
  rejected: number;
  pending: number;
  /** Rejections per reason, most frequent first. */
  reasons: { label: string; count: number }[];
  sqls: number;
  opportunities: number;
  /** Opportunity amount opened. */
  pipeline: number;
  won: number;
  wonAmount: number;
  rating: { count: number; average: number | null };
}

/** A rate at which sales accepts MQLs that counts as a success (and below which it is a failure worth saying). */
export const GOOD_ACCEPTANCE = 0.5;

/** Characters that would change the meaning of Markdown when they appear in a name or a reason. */
function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/([\\`*_[\]<>#|~])/g, "\\$1");
}

const plural = (count: number, one: string, many = `${one}s`) => `${formatCount(count)} ${count === 1 ? one : many}`;

/** What went well and what did not, in plain words, judged on the campaign's own numbers. */
export function campaignVerdicts(results: CampaignResults): { worked: string[]; fellShort: string[] } {
  const worked: string[] = [];
  const fellShort: string[] = [];
  if (results.targetMqls !== null && results.targetMqls > 0) {
    if (results.mqls >= results.targetMqls) worked.push(`Met its target of ${plural(results.targetMqls, "MQL")}`);
    else fellShort.push(`${formatCount(results.targetMqls - results.mqls)} MQLs short of its target of ${formatCount(results.targetMqls)}`);
  }
  const acceptance = ratio(results.accepted, results.accepted + results.rejected);
  if (acceptance !== null) {
    if (acceptance >= GOOD_ACCEPTANCE) worked.push(`Sales accepted ${formatPercent(acceptance, 0)} of the MQLs it answered`);
    else fellShort.push(`Sales rejected ${formatPercent(1 - acceptance, 0)} of the MQLs it answered`);
  }
  if (results.won > 0) worked.push(`${plural(results.won, "deal")} won, ${formatMoney(results.wonAmount)}`);
  else if (results.leads > 0) fellShort.push("No deal won yet");
  if (results.budget !== null && results.budget > 0 && results.wonAmount > 0) {
    const multiple = results.wonAmount / results.budget;
    (multiple >= 1 ? worked : fellShort).push(`Won ${multiple.toFixed(1)}× its budget of ${formatMoney(results.budget)}`);
  }
  if (results.leads === 0) fellShort.push("No leads yet");
  return { worked, fellShort };
}

/**
 * The results card shared to the team channel: a short Markdown text that says successes and failures alike, e.g.
 *
 *   **Q3 2026 Data Platform Webinar** (Webinar): results so far
 *   - 120 leads, 24 MQLs (target 30), cost per MQL $250
 *   - 24 handed over: 12 accepted (50.0%), 10 rejected, 2 waiting; top rejection reason: No budget (4)
 *   - 6 SQLs, $120,000 pipeline, 2 won ($40,000)
 *   - Sales rate its leads 3.5/5 (4 ratings)
 *
 *   What worked: … / What fell short: …
 */
export function resultsCard(results: CampaignResults): string {
  const lines = [`**${escapeMarkdown(results.name)}** (${CHANNEL_LABELS[results.channel]}): results so far`, ""];
  const costPerMql = results.budget !== null && results.mqls > 0 ? `, cost per MQL ${formatMoney(results.budget / results.mqls)}` : "";
  const target = results.targetMqls !== null ? ` (target ${formatCount(results.targetMqls)})` : "";
  lines.push(`- ${plural(results.leads, "lead")}, ${plural(results.mqls, "MQL")}${target}${costPerMql}`);
  const top = results.reasons[0];
  const reason = top ? `; top rejection reason: ${escapeMarkdown(top.label)} (${formatCount(top.count)})` : "";
  lines.push(
    `- ${formatCount(results.handedOver)} handed over: ${formatCount(results.accepted)} accepted (${formatPercent(ratio(results.accepted, results.handedOver))}), ` +
      `${formatCount(results.rejected)} rejected, ${formatCount(results.pending)} waiting${reason}`,
  );
  lines.push(`- ${plural(results.sqls, "SQL")}, ${formatMoney(results.pipeline)} pipeline, ${formatCount(results.won)} won (${formatMoney(results.wonAmount)})`);
  lines.push(
    results.rating.average === null
      ? "- Sales has not rated its leads yet"
      : `- Sales rate its leads ${results.rating.average.toFixed(1)}/5 (${plural(results.rating.count, "rating")})`,
  );
  const { worked, fellShort } = campaignVerdicts(results);
  // Each verdict its own paragraph: Markdown joins consecutive lines into one.
  if (worked.length > 0) lines.push("", `What worked: ${worked.join("; ")}.`);
  if (fellShort.length > 0) lines.push("", `What fell short: ${fellShort.join("; ")}.`);
  return lines.join("\n");
}
