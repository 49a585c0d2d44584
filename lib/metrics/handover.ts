// The handover in numbers: how many MQLs sales accepts, why it rejects the others, and how disputes end. Pure; the
// inputs are `GROUP BY status`, `GROUP BY reasonCode` and `GROUP BY resolution` over the period's handovers.
import type { HandoverStatus } from "../db/enums";
import { weeklySeries, type DayCount, type Period, type WeekCount } from "./period";
import { assertCount, ratio, sum } from "./shared";

/**
 * Handovers created in the period, counted by their status now (`GROUP BY status`); a missing status counts as 0.
 * - PENDING: still waiting for the rep's answer;
 * - ACCEPTED: the rep accepted (the lead became SAL);
 * - REJECTED: the rep rejected, including rejections disputed and since resolved (upheld or reassigned);
 * - DISPUTED: the rep rejected and marketing's dispute awaits a sales manager;
 * - REASSIGNED: a sales manager moved the waiting handover to another rep, which opened a new handover.
 */
export type HandoverStatusCounts = Partial<Record<HandoverStatus, number>>;

export interface MqlAcceptance {
  handedOver: number;
  accepted: number;
  /** REJECTED + DISPUTED: every handover the rep turned down, whatever happened to the dispute. */
  rejected: number;
  pending: number;
  /** accepted ÷ handedOver; null when nothing was handed over. */
  acceptanceRate: number | null;
  /** rejected ÷ handedOver. */
  rejectionRate: number | null;
  /** pending ÷ handedOver: the part still undecided, so the three rates add up to 1. */
  pendingShare: number | null;
}

function statusCount(counts: HandoverStatusCounts, status: HandoverStatus): number {
  const value = counts[status] ?? 0;
  assertCount(value, `${status} handovers`);
  return value;
}

/**
 * MQL acceptance rate over the handovers created in the period:
 *
 *   handedOver     = PENDING + ACCEPTED + REJECTED + DISPUTED
 *   acceptanceRate = ACCEPTED ÷ handedOver                     (null when handedOver = 0)
 *
 * Pending handovers stay in the denominator, as handed over but not (yet) accepted, so the rate of a recent period
 * rises as reps answer; pendingShare shows how much is still open. REASSIGNED handovers are left out: each was
 * replaced by a new handover of the same lead, which is counted instead, so one hand-off counts once.
 */
export function mqlAcceptance(counts: HandoverStatusCounts): MqlAcceptance {
  const accepted = statusCount(counts, "ACCEPTED");
  const rejected = statusCount(counts, "REJECTED") + statusCount(counts, "DISPUTED");
  const pending = statusCount(counts, "PENDING");
  statusCount(counts, "REASSIGNED");
  const handedOver = accepted + rejected + pending;
  return {
    handedOver,
    accepted,
    rejected,
    pending,
    acceptanceRate: ratio(accepted, handedOver),
    rejectionRate: ratio(rejected, handedOver),
    pendingShare: ratio(pending, handedOver),
  };
}

/** Rejections with one reason: `GROUP BY reasonCode, reasonLabel` over the period's rejected handovers. */
export interface ReasonCount {
  code: string;
  label: string;
  count: number;
}

export interface ReasonShare extends ReasonCount {
  /** count ÷ all rejections in the list. */
  share: number | null;
}

/**
 * Why sales rejects, most frequent first:
 *
 *   share(reason) = count(reason) ÷ Σ count
 *
 * Rows with the same code are one reason (its label may have been reworded between definition versions); the label
 * shown is the one on most of its rejections. Ties in count are ordered by code, so the order is stable.
 */
export function rejectionReasons(rows: readonly ReasonCount[]): ReasonShare[] {
  const byCode = new Map<string, { count: number; labels: Map<string, number> }>();
  for (const row of rows) {
    assertCount(row.count, `rejections for ${row.code}`);
    const entry = byCode.get(row.code) ?? { count: 0, labels: new Map<string, number>() };
    entry.count += row.count;
    entry.labels.set(row.label, (entry.labels.get(row.label) ?? 0) + row.count);
    byCode.set(row.code, entry);
  }
  const total = sum([...byCode.values()].map((entry) => entry.count));
  return [...byCode]
    .map(([code, entry]) => {
      const label = [...entry.labels].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
      return { code, label, count: entry.count, share: ratio(entry.count, total) };
    })
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Rejections per ISO week (Monday to Sunday), every week of the period present, quiet weeks as 0. The input is
 * rejections per UTC day of the rep's answer (`GROUP BY day of respondedAt` where the rep rejected).
 *
 *   count(week) = Σ rejections(day) over the week's days in the period
 */
export function rejectionTrend(rows: readonly DayCount[], current: Period): WeekCount[] {
  return weeklySeries(rows, current);
}

/**
 * How disputes ended, over the period's disputed handovers (disputedAt set), counted by `resolution`; missing counts 0:
 * - upheld (resolution UPHELD): the sales manager agreed with the rep; the rejection stands;
 * - reassigned (resolution REASSIGNED): the sales manager agreed with marketing; the lead went back to MQL and to
 *   another rep.
 */
export interface DisputeResolutionCounts {
  upheld?: number;
  reassigned?: number;
}

export interface DisputeSummary {
  /** Rejections marketing disputed: open + upheld + reassigned. */
  disputed: number;
  /** Still awaiting a sales manager (status DISPUTED). */
  open: number;
  upheld: number;
  reassigned: number;
  /** disputed ÷ rejected (REJECTED + DISPUTED): how often marketing contests a rejection. */
  disputeRate: number | null;
  /** upheld ÷ (upheld + reassigned): of the decided disputes, the share where the rejection stood. */
  upheldShare: number | null;
  /** reassigned ÷ (upheld + reassigned): of the decided disputes, the share marketing won. */
  reassignedShare: number | null;
}

/**
 * Disputes over the handovers created in the period:
 *
 *   disputed        = DISPUTED (open) + upheld + reassigned
 *   disputeRate     = disputed ÷ (REJECTED + DISPUTED)          (null when nothing was rejected)
 *   upheldShare     = upheld ÷ (upheld + reassigned)            (null while none is decided)
 *   reassignedShare = reassigned ÷ (upheld + reassigned)
 */
export function disputeSummary(statuses: HandoverStatusCounts, resolutions: DisputeResolutionCounts): DisputeSummary {
  const open = statusCount(statuses, "DISPUTED");
  const rejected = statusCount(statuses, "REJECTED") + open;
  const upheld = resolutions.upheld ?? 0;
  const reassigned = resolutions.reassigned ?? 0;
  assertCount(upheld, "upheld disputes");
  assertCount(reassigned, "reassigned disputes");
  const disputed = open + upheld + reassigned;
  // Resolved disputes end as REJECTED, so they are among the rejections; more disputes than rejections is a bad query.
  if (disputed > rejected) throw new RangeError(`More disputes (${disputed}) than rejections (${rejected}).`);
  const decided = upheld + reassigned;
  return {
    disputed,
    open,
    upheld,
    reassigned,
    disputeRate: ratio(disputed, rejected),
    upheldShare: ratio(upheld, decided),
    reassignedShare: ratio(reassigned, decided),
  };
}
