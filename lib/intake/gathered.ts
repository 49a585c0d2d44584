// Single leads sent to the API at the same time, written together (lib/db/gather.ts): each group in one transaction
// through the batch path (lib/leads/bulk.ts), which leaves exactly the rows one lead at a time would, with the same
// scoring, qualification, round robin, merges of known emails and of repeats within the group. Each request still
// gets its own answer: 201 with the lead it created, 200 with the lead it merged into, 422 for an unknown campaign,
// and a request with an Idempotency-Key the answer stored under it (lib/intake/idempotency.ts).
//
// A lone request (an idle server) goes alone through the one-lead path, which is quicker for one. If a group's
// transaction fails for a reason that is not a lock conflict, each of its leads is tried alone, so one lead cannot
// fail the others.
import { db, type Tx } from "../db/client";
import { createGatherer } from "../db/gather";
import { createOrMergeLeads } from "../leads/bulk";
import type { LeadInput } from "../leads/schemas";
import type { LeadWrite } from "../leads/service";
import type { ApiCaller } from "../api-keys/service";
import { arrivedLeadView, leadViewsByIds } from "./queries";
import { apiError, type ApiReply } from "./replies";
import { claimKey, claimKeys, storeAnswers, type KeyClaim } from "./idempotency";

export interface Arrival {
  caller: ApiCaller;
  input: LeadInput;
  /** The request's Idempotency-Key, if it sent one. */
  claim: KeyClaim | null;
}

export const UNKNOWN_CAMPAIGN = { message: "That campaign does not exist.", fieldErrors: { campaignId: ["Choose a campaign from the list"] } };

/**
 * `alone` answers one lead on its own, with its Idempotency-Key if any (a lone request, or each of a failed group's).
 * `isRetryable` tells a lock conflict (deadlock, a concurrent insert of the same email or company) that a second try
 * of the group will get past.
 */
export function gatherArrivals(alone: (arrival: Arrival) => Promise<ApiReply>, isRetryable: (error: unknown) => boolean) {
  async function flush(arrivals: Arrival[]): Promise<PromiseSettledResult<ApiReply>[]> {
    if (arrivals.length === 1) return Promise.allSettled([alone(arrivals[0]!)]);
    const unknown = await missingCampaigns(arrivals.flatMap((arrival) => (arrival.input.campaignId ? [arrival.input.campaignId] : [])));
    const replies: (ApiReply | null)[] = arrivals.map((arrival) =>
      arrival.input.campaignId && unknown.has(arrival.input.campaignId) ? apiError(422, "invalid", UNKNOWN_CAMPAIGN.message, UNKNOWN_CAMPAIGN.fieldErrors) : null,
    );
    const writable = arrivals.flatMap((arrival, index) => (replies[index] ? [] : [{ index, arrival }]));
    for (let attempt = 1; ; attempt++) {
      try {
        const written = await db().$transaction((tx) => writeTogether(tx, writable.map((item) => item.arrival)));
        writable.forEach((item, position) => (replies[item.index] = written[position]!));
        return replies.map((reply) => ({ status: "fulfilled", value: reply! }));
      } catch (error) {
        if (isRetryable(error) && attempt < 3) continue;
        // Each on its own: the lead that failed the group fails alone; the others are written.
        const alones = await Promise.allSettled(writable.map((item) => alone(item.arrival)));
        return replies.map((reply, index) => (reply ? { status: "fulfilled", value: reply } : alones[writable.findIndex((item) => item.index === index)]!));
      }
    }
  }
  // One group at a time per process: the next gathers while this one is written. Two at once measured no faster
  // (the server's CPU is the limit) and their writes, with the one-lead path's, can deadlock on the shared counter rows.
  return createGatherer(flush, { maxBatch: 500, maxConcurrent: 1 });
}

/**
 * The group's Idempotency-Keys first: each distinct key claimed (a retry of a stored request gets its stored answer
 * and writes nothing), then the other leads written together, then each claimed key given its answer. A key sent
 * twice within the group is claimed by its first request; the repeat is answered afterwards from what the first
 * stored, as a retry arriving a moment later would be.
 */
async function writeTogether(tx: Tx, arrivals: readonly Arrival[]): Promise<ApiReply[]> {
  const replies: (ApiReply | null)[] = arrivals.map(() => null);
  const claimants = new Map<string, number>();
  const repeats = new Set<number>();
  arrivals.forEach((arrival, index) => {
    if (!arrival.claim) return;
    const id = `${arrival.claim.apiKeyId}\n${arrival.claim.key}`;
    if (claimants.has(id)) repeats.add(index);
    else claimants.set(id, index);
  });
  const claiming = [...claimants.values()];
  const answered = await claimKeys(tx, claiming.map((index) => arrivals[index]!.claim!));
  claiming.forEach((index, position) => (replies[index] = answered[position]!));
  const toWrite = arrivals.flatMap((_, index) => (replies[index] || repeats.has(index) ? [] : [index]));
  const written = await writeLeads(tx, toWrite.map((index) => arrivals[index]!));
  toWrite.forEach((index, position) => (replies[index] = written[position]!));
  await storeAnswers(tx, claiming.flatMap((index, position) => (answered[position] ? [] : [{ claim: arrivals[index]!.claim!, reply: replies[index]! }])));
  for (const index of repeats) {
    const answer = await claimKey(tx, arrivals[index]!.claim!);
    // The first request holds the key in this transaction, so a repeat always finds an answer to give.
    if (!answer) throw new Error("A repeated Idempotency-Key found its key unclaimed.");
    replies[index] = answer;
  }
  return replies.map((reply) => reply!);
}

/** Leads of the group, one call of the batch path per API key (each key is its own author), and their views. */
async function writeLeads(tx: Tx, arrivals: readonly Arrival[]): Promise<ApiReply[]> {
  if (arrivals.length === 0) return [];
  const now = new Date();
  const byKey = new Map<string, number[]>();
  arrivals.forEach((arrival, index) => byKey.set(arrival.caller.id, [...(byKey.get(arrival.caller.id) ?? []), index]));
  const written: LeadWrite[] = new Array(arrivals.length);
  for (const indexes of byKey.values()) {
    const caller = arrivals[indexes[0]!]!.caller;
    const leads = await createOrMergeLeads(tx, { kind: "api", apiKeyId: caller.id, actor: caller.actor }, indexes.map((index) => arrivals[index]!.input), now);
    indexes.forEach((index, position) => (written[index] = leads[position]!));
  }
  // A new lead's view is what was written; a merged one is read (once, after every write of the group).
  const views = await leadViewsByIds(written.filter((lead) => !lead.arrived).map((lead) => lead.id), tx);
  return written.map((lead, index) => ({
    status: lead.outcome === "created" ? 201 : 200,
    body: { outcome: lead.outcome, filled: lead.filled, lead: lead.arrived ? arrivedLeadView(lead.arrived, arrivals[index]!.input) : views.get(lead.id)! },
  }));
}

export async function missingCampaigns(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const unique = [...new Set(ids)];
  const found = await db().campaign.findMany({ where: { id: { in: unique } }, select: { id: true } });
  const known = new Set(found.map((campaign) => campaign.id));
  return new Set(unique.filter((id) => !known.has(id)));
}
