// Sign-in throttling, counted in PostgreSQL (the RateLimit table) so that every app instance sees the same counts.
// Each attempt is counted *before* the password is checked, with one atomic upsert per bucket: a burst of parallel
// guesses gets a distinct count each instead of all reading "0 failures". A success then takes its attempt back.
import { createHash } from "node:crypto";
import { recordAudit } from "../audit/service";
import { db } from "../db/client";
import { countInWindow } from "../rate-limit/counter";
import {
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  strictest,
  throttleDecision,
  type ThrottleDecision,
  type ThrottleLimit,
} from "./throttle-rules";

/** The waiting, replaceable so that tests can record a delay instead of sitting through it. */
export const throttleClock = {
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

export interface SignInAttempt {
  accountKey: string;
  addressKey: string;
  decision: ThrottleDecision;
}

/**
 * The account's bucket is named by a hash of the normalised email, so the table never lists the addresses people
 * typed (many of them not accounts at all). Unknown emails are counted exactly like real ones: the answer, and the
 * lock, never tell whether an account exists.
 */
export function accountKey(normalizedEmail: string): string {
  return `sign-in:account:${createHash("sha256").update(normalizedEmail).digest("hex")}`;
}

export function addressKey(address: string): string {
  return `sign-in:address:${address}`;
}

/** Counts one attempt on the account and on the address, and says whether it may go ahead (and after what delay). */
export async function beginSignInAttempt(normalizedEmail: string, address: string): Promise<SignInAttempt> {
  const keys = { accountKey: accountKey(normalizedEmail), addressKey: addressKey(address) };
  const account = await countAttempt(keys.accountKey, ACCOUNT_LIMIT);
  const client = await countAttempt(keys.addressKey, ADDRESS_LIMIT);
  // The first refusal of a window goes into the audit log, so admins see an account or an address under attack.
  if (account.firstRefusal) await recordLock("sign_in.account_locked", "SignInAccount", keys.accountKey, account.decision);
  if (client.firstRefusal) await recordLock("sign_in.address_locked", "SignInAddress", address, client.decision);
  return { ...keys, decision: strictest([account.decision, client.decision]) };
}

/** A correct password: the account's failures are forgiven, and the address's count loses this attempt. */
export async function signInSucceeded(attempt: SignInAttempt): Promise<void> {
  await db().$transaction([
    db().rateLimit.deleteMany({ where: { key: attempt.accountKey } }),
    db().$executeRaw`UPDATE "RateLimit" SET count = GREATEST(count - 1, 0), "updatedAt" = now() WHERE key = ${attempt.addressKey}`,
  ]);
}

/** Waits out a delay, so that a guesser gets a few tries a minute instead of thousands. */
export async function applyDelay(decision: ThrottleDecision): Promise<void> {
  if (decision.kind === "allow" && decision.delayMs > 0) await throttleClock.sleep(decision.delayMs);
}

async function recordLock(action: string, entityType: string, entityId: string, decision: ThrottleDecision) {
  const minutes = decision.kind === "refuse" ? Math.ceil(decision.retryAfterMs / 60_000) : 0;
  // The account is named by its hash only: the log never lists typed emails, most of which are not accounts.
  const id = entityType === "SignInAccount" ? entityId.slice("sign-in:account:".length, "sign-in:account:".length + 16) : entityId;
  await recordAudit(db(), { actorId: null, action, entityType, entityId: id, data: { refusedForMinutes: minutes } });
}

async function countAttempt(key: string, limit: ThrottleLimit): Promise<{ decision: ThrottleDecision; firstRefusal: boolean }> {
  const row = await countInWindow(key, limit.windowMs / 1000);
  // The attempts before this one are the failures that count (successes take theirs back).
  const decision = throttleDecision(limit, row.count - 1, row.windowStart, row.now);
  return { decision, firstRefusal: decision.kind === "refuse" && row.count - 1 === limit.maxFailures };
}
