// Pure rules of the intake API: merging a resubmitted lead, recognising a retried request, and summing up a batch.
// No database, no framework. Unit-tested in tests/unit/intake-rules.test.ts.
import { createHash } from "node:crypto";

/** How long a stored response answers retries with the same Idempotency-Key. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Most leads one batch request may carry. */
export const MAX_BATCH = 1000;

export interface MergeableFacts {
  title: string | null;
  campaignId: string | null;
  companySize: number | null;
  industry: string | null;
  country: string | null;
}

export type FillPatch = Partial<{ title: string; campaignId: string; companySize: number; industry: string; country: string }>;

/**
 * The facts a resubmission adds to an existing lead: only fields that are empty now and given now. What someone
 * already knows is never overwritten by a form on a website.
 */
export function emptyFieldsToFill(current: MergeableFacts, incoming: Partial<Record<keyof MergeableFacts, string | number | null | undefined>>): FillPatch {
  const patch: FillPatch = {};
  for (const field of ["title", "campaignId", "industry", "country"] as const) {
    const value = incoming[field];
    if (current[field] === null && typeof value === "string" && value !== "") patch[field] = value;
  }
  if (current.companySize === null && typeof incoming.companySize === "number") patch.companySize = incoming.companySize;
  return patch;
}

/** JSON with object keys sorted at every level: the same data always gives the same text, however it was spelled. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** "The same request": the endpoint and the body's data (not its whitespace or key order). */
export function requestFingerprint(endpoint: string, body: unknown): string {
  return createHash("sha256").update(endpoint).update("\n").update(canonicalJson(body)).digest("hex");
}

/** A usable Idempotency-Key header: 1 to 255 visible ASCII characters. */
export function isValidIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{1,255}$/.test(key);
}

export function isExpired(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() >= IDEMPOTENCY_TTL_MS;
}

export type StoredReplay =
  | { kind: "replay"; status: number; body: unknown }
  | { kind: "mismatch" }
  | { kind: "expired" };

/** What a request meets when its Idempotency-Key was used before. */
export function replayOf(stored: { requestHash: string; status: number; body: unknown; createdAt: Date }, requestHash: string, now: Date): StoredReplay {
  if (isExpired(stored.createdAt, now)) return { kind: "expired" };
  if (stored.requestHash !== requestHash) return { kind: "mismatch" };
  return { kind: "replay", status: stored.status, body: stored.body };
}

export type ItemResult =
  | { index: number; status: "created" | "merged"; id: string; stage: string }
  | { index: number; status: "invalid"; fieldErrors: Record<string, string[]> }
  | { index: number; status: "not_written" };

/**
 * A batch's answer. With partial acceptance the valid items are written and the answer is 200 (207 would hide the
 * item outcomes from simple clients; each item says what became of it). Without it, any invalid item means nothing
 * is written: 422, the invalid items with their errors and the valid ones marked "not_written".
 */
export function batchStatus(results: readonly ItemResult[], partial: boolean): 200 | 422 {
  const invalid = results.some((result) => result.status === "invalid");
  return invalid && !partial ? 422 : 200;
}

export function batchSummary(results: readonly ItemResult[]) {
  const count = (status: ItemResult["status"]) => results.filter((result) => result.status === status).length;
  return { created: count("created"), merged: count("merged"), invalid: count("invalid"), notWritten: count("not_written") };
}
