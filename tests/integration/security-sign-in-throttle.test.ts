import bcrypt from "bcryptjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { accountKey, addressKey, throttleClock } from "@/lib/auth/throttle";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, TOO_MANY_ATTEMPTS } from "@/lib/auth/throttle-rules";
import { db } from "@/lib/db/client";
import { makeUser, TEST_PASSWORD } from "./support/factories";

type Authorize = (
  credentials: Record<string, string> | undefined,
  request: { headers: Record<string, string> },
) => Promise<{ id: string } | null>;

const authorize: Authorize = (credentials, request) =>
  (authOptions().providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize(credentials, request);

let address = 0;
/** A request from its own address, so that tests do not share the address's count unless they mean to. */
function from(ip = `198.51.100.${++address}`) {
  return { headers: { "x-forwarded-for": ip } };
}

/** Resolves to what authorize answered, or the message it threw (next-auth turns a throw into `?error=<message>`). */
async function attempt(email: string, password: string, request = from()): Promise<string> {
  try {
    const user = await authorize({ email, password }, request);
    return user ? "signed in" : "refused";
  } catch (error) {
    return (error as Error).message;
  }
}

const delays: number[] = [];
const realSleep = throttleClock.sleep;
beforeEach(async () => {
  delays.length = 0;
  throttleClock.sleep = async (ms) => void delays.push(ms);
  await db().rateLimit.deleteMany();
});
afterEach(() => {
  throttleClock.sleep = realSleep;
});

describe("sign-in throttling per account", () => {
  it("slows, then refuses, repeated wrong passwords on one account, from any address", async () => {
    const user = await makeUser("SALES_REP");
    const answers: string[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT.maxFailures; i++) answers.push(await attempt(user.email, `wrong ${i}`));
    expect(answers).toEqual(Array(ACCOUNT_LIMIT.maxFailures).fill("refused"));
    // The first failures go at full speed; after them each attempt waits, longer each time.
    expect(delays.length).toBe(ACCOUNT_LIMIT.maxFailures - ACCOUNT_LIMIT.freeFailures);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays[0]).toBe(ACCOUNT_LIMIT.baseDelayMs);

    // Locked: even the right password is refused now, from a fresh address, with how long to wait.
    expect(await attempt(user.email, TEST_PASSWORD)).toBe(`${TOO_MANY_ATTEMPTS}:15`);
    expect(await attempt(`  ${user.email.toUpperCase()} `, TEST_PASSWORD)).toMatch(new RegExp(`^${TOO_MANY_ATTEMPTS}:`));

    // The lock is in the audit log once (not once per refused attempt), naming the account by hash, never by email.
    const locks = await db().auditEvent.findMany({ where: { action: "sign_in.account_locked" } });
    expect(locks).toEqual([expect.objectContaining({ actorId: null, entityType: "SignInAccount", data: { refusedForMinutes: 15 } })]);
    expect(accountKey(user.email)).toContain(locks[0]!.entityId);
    expect(JSON.stringify(locks)).not.toContain(user.email);
  });

  it("counts in PostgreSQL, under a hash of the email rather than the email itself", async () => {
    const user = await makeUser("MARKETER");
    await attempt(user.email, "wrong", from("203.0.113.7"));
    const rows = await db().rateLimit.findMany({ select: { key: true, count: true } });
    expect(rows).toEqual(
      expect.arrayContaining([
        { key: accountKey(user.email), count: 1 },
        { key: addressKey("203.0.113.7"), count: 1 },
      ]),
    );
    expect(JSON.stringify(rows)).not.toContain(user.email);
  });

  it("starts again once the window has passed", async () => {
    const user = await makeUser("SALES_REP");
    for (let i = 0; i < ACCOUNT_LIMIT.maxFailures; i++) await attempt(user.email, "wrong");
    expect(await attempt(user.email, TEST_PASSWORD)).toMatch(TOO_MANY_ATTEMPTS);
    await db().$executeRaw`UPDATE "RateLimit" SET "windowStart" = now() - interval '16 minutes'`;
    expect(await attempt(user.email, TEST_PASSWORD)).toBe("signed in");
  });

  it("forgives an account's earlier failures when the right password comes before the limit", async () => {
    const user = await makeUser("SALES_REP");
    for (let i = 0; i < ACCOUNT_LIMIT.maxFailures - 1; i++) await attempt(user.email, "wrong");
    expect(await attempt(user.email, TEST_PASSWORD)).toBe("signed in");
    expect(await db().rateLimit.count({ where: { key: accountKey(user.email) } })).toBe(0);
    expect(await attempt(user.email, "wrong again")).toBe("refused");
  });

  it("holds under a burst of parallel guesses: no more than the limit get their password checked", async () => {
    const user = await makeUser("SALES_REP");
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => attempt(user.email, i === 24 ? TEST_PASSWORD : `guess ${i}`)));
    const checked = answers.filter((answer) => answer === "refused" || answer === "signed in").length;
    expect(checked).toBeLessThanOrEqual(ACCOUNT_LIMIT.maxFailures);
    expect(answers.filter((answer) => answer.startsWith(TOO_MANY_ATTEMPTS)).length).toBeGreaterThanOrEqual(25 - ACCOUNT_LIMIT.maxFailures);
  });
});

describe("sign-in throttling per address", () => {
  it("slows, then refuses, one address trying one password on many accounts", async () => {
    const ip = "192.0.2.50";
    const answers: string[] = [];
    for (let i = 0; i < ADDRESS_LIMIT.maxFailures; i++) answers.push(await attempt(`sprayed.${i}@example.test`, "Winter2026!", from(ip)));
    expect(answers.every((answer) => answer === "refused")).toBe(true);
    expect(delays.length).toBe(ADDRESS_LIMIT.maxFailures - ADDRESS_LIMIT.freeFailures);

    const user = await makeUser("CRO");
    expect(await attempt(user.email, TEST_PASSWORD, from(ip))).toMatch(new RegExp(`^${TOO_MANY_ATTEMPTS}:`));
    expect(await db().auditEvent.count({ where: { action: "sign_in.address_locked", entityId: ip } })).toBe(1);
    // The same person from another address is not punished for the sprayer.
    expect(await attempt(user.email, TEST_PASSWORD, from("192.0.2.51"))).toBe("signed in");
  });

  it("counts the address the nearest proxy saw, not the one the client claims", async () => {
    for (let i = 0; i < ADDRESS_LIMIT.maxFailures; i++) {
      await attempt(`rotating.${i}@example.test`, "guess", from(`10.${i}.0.1, 192.0.2.77`));
    }
    expect(await attempt("one.more@example.test", "guess", from("10.200.0.1, 192.0.2.77"))).toMatch(TOO_MANY_ATTEMPTS);
  });

  it("does not count successful sign-ins against the address (an office signing in every morning)", async () => {
    const ip = "192.0.2.90";
    for (let i = 0; i < ADDRESS_LIMIT.maxFailures + 5; i++) {
      const user = await makeUser("SALES_REP");
      expect(await attempt(user.email, TEST_PASSWORD, from(ip))).toBe("signed in");
    }
    expect(delays).toEqual([]);
  });
});

describe("the answer never tells whether an email exists", () => {
  it("answers an unknown email exactly as a wrong password, and locks it the same way", async () => {
    const user = await makeUser("MARKETING_MANAGER");
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i <= ACCOUNT_LIMIT.maxFailures; i++) {
      known.push(await attempt(user.email, "wrong"));
      unknown.push(await attempt("no.such.person@example.test", "wrong"));
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatch(TOO_MANY_ATTEMPTS);
  });

  it("spends the same work on an unknown email as on a wrong password: one real hash comparison each", async () => {
    const user = await makeUser("SALES_MANAGER");
    const compare = vi.spyOn(bcrypt, "compare");
    try {
      await attempt(user.email, "wrong");
      expect(compare).toHaveBeenCalledTimes(1);
      await attempt("ghost@example.test", "wrong");
      expect(compare).toHaveBeenCalledTimes(2);
      // The unknown email was compared against a real bcrypt hash of the same cost, not skipped.
      const [, dummyHash] = compare.mock.calls[1]!;
      expect(dummyHash).toMatch(/^\$2[aby]\$04\$/);
    } finally {
      compare.mockRestore();
    }
  });
});
