// Pure rules for sign-in throttling: what a number of recent failures means (go ahead, wait, or stop), and how a
// client is named. No I/O; lib/auth/throttle.ts keeps the counts in PostgreSQL. Unit-tested in
// tests/unit/auth-throttle-rules.test.ts.

export interface ThrottleLimit {
  /** How long a window of counted failures lasts; the count starts again after it. */
  windowMs: number;
  /** Failures allowed at full speed. */
  freeFailures: number;
  /** Failures after which every attempt is refused until the window ends. */
  maxFailures: number;
  /** Delay added to an attempt for each failure past `freeFailures`, doubling, capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** One account (whatever the address): a person who forgot their password gets a few tries, a guesser does not. */
export const ACCOUNT_LIMIT: ThrottleLimit = {
  windowMs: FIFTEEN_MINUTES,
  freeFailures: 3,
  maxFailures: 10,
  baseDelayMs: 250,
  maxDelayMs: 2000,
};

/**
 * One client address (whatever the account): spraying one password over many accounts. Higher, because an office
 * behind one address holds many people who each mistype now and then.
 */
export const ADDRESS_LIMIT: ThrottleLimit = {
  windowMs: FIFTEEN_MINUTES,
  freeFailures: 10,
  maxFailures: 30,
  baseDelayMs: 250,
  maxDelayMs: 2000,
};

export type ThrottleDecision = { kind: "allow"; delayMs: number } | { kind: "refuse"; retryAfterMs: number };

/**
 * What to do with an attempt, given how many failures its bucket held before it (`failures`) and when the bucket's
 * window started. Refused once `maxFailures` is reached, until the window ends; slowed in between.
 */
export function throttleDecision(limit: ThrottleLimit, failures: number, windowStart: Date, now: Date): ThrottleDecision {
  const windowEnds = windowStart.getTime() + limit.windowMs;
  if (windowEnds <= now.getTime()) return { kind: "allow", delayMs: 0 };
  if (failures >= limit.maxFailures) return { kind: "refuse", retryAfterMs: windowEnds - now.getTime() };
  if (failures < limit.freeFailures) return { kind: "allow", delayMs: 0 };
  const doublings = failures - limit.freeFailures;
  return { kind: "allow", delayMs: Math.min(limit.maxDelayMs, limit.baseDelayMs * 2 ** Math.min(doublings, 20)) };
}

/** The stricter of several decisions: any refusal wins (the longest wait), else the longest delay. */
export function strictest(decisions: ThrottleDecision[]): ThrottleDecision {
  const refusals = decisions.filter((decision) => decision.kind === "refuse");
  if (refusals.length > 0) return { kind: "refuse", retryAfterMs: Math.max(...refusals.map((refusal) => refusal.retryAfterMs)) };
  const delays = decisions.map((decision) => (decision.kind === "allow" ? decision.delayMs : 0));
  return { kind: "allow", delayMs: Math.max(0, ...delays) };
}

/**
 * The client's address from the `x-forwarded-for` chain. The last entry is the one written by the nearest proxy (Next's
 * own server appends the socket's address); earlier entries are whatever the client claimed, so trusting the first
 * would let an attacker pick a fresh address for every attempt. `trustedHops` counts the proxies in front of Tandem
 * that append their peer (a load balancer: 1).
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedHops = 0): string {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const address = chain[Math.max(0, chain.length - 1 - trustedHops)];
  if (!address || address.length > 100) return "unknown";
  // One client, however the address is written: IPv4-mapped IPv6 and the IPv6 brackets.
  return address.replace(/^\[|\]$/g, "").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").toLowerCase();
}

/** The error a refused sign-in reports, followed by ":<minutes to wait>"; the sign-in form turns it into words. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

/** The sign-in form's message for next-auth's error code: one generic answer, or how long to wait when refused. */
export function signInErrorMessage(error: string): string {
  const [code, minutes] = error.split(":");
  if (code === TOO_MANY_ATTEMPTS) {
    const wait = Number(minutes);
    const when = Number.isInteger(wait) && wait > 0 ? `${wait} minute${wait === 1 ? "" : "s"}` : "a few minutes";
    return `Too many sign-in attempts. Wait ${when} and try again.`;
  }
  return "Email or password is incorrect.";
}

/** X-Forwarded-For with the connection's peer appended, as a proxy would; a repeated header is one list. */
export function appendForwardedFor(existing: string | string[] | undefined, peer: string | undefined): string {
  const chain = [existing ?? []].flat().join(", ");
  return [chain, peer ?? "unknown"].filter((entry) => entry.length > 0).join(", ");
}

/** Minutes to tell a refused person to wait, rounded up (never "0 minutes"). */
export function minutesToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}
