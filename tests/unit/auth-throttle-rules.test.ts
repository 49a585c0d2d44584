import { describe, expect, it } from "vitest";
import {
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  appendForwardedFor,
  clientAddress,
  minutesToWait,
  signInErrorMessage,
  strictest,
  throttleDecision,
  TOO_MANY_ATTEMPTS,
  type ThrottleLimit,
} from "@/lib/auth/throttle-rules";

const LIMIT: ThrottleLimit = { windowMs: 60_000, freeFailures: 2, maxFailures: 5, baseDelayMs: 100, maxDelayMs: 300 };
const start = new Date("2026-11-22T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

describe("throttleDecision", () => {
  it("lets the first failures through at full speed", () => {
    expect(throttleDecision(LIMIT, 0, start, at(1))).toEqual({ kind: "allow", delayMs: 0 });
    expect(throttleDecision(LIMIT, 1, start, at(1))).toEqual({ kind: "allow", delayMs: 0 });
  });

  it("slows the attempts after them, doubling up to the cap", () => {
    expect(throttleDecision(LIMIT, 2, start, at(1))).toEqual({ kind: "allow", delayMs: 100 });
    expect(throttleDecision(LIMIT, 3, start, at(1))).toEqual({ kind: "allow", delayMs: 200 });
    expect(throttleDecision(LIMIT, 4, start, at(1))).toEqual({ kind: "allow", delayMs: 300 });
  });

  it("refuses from the limit on, until the window ends", () => {
    expect(throttleDecision(LIMIT, 5, start, at(10_000))).toEqual({ kind: "refuse", retryAfterMs: 50_000 });
    expect(throttleDecision(LIMIT, 500, start, at(59_999))).toEqual({ kind: "refuse", retryAfterMs: 1 });
  });

  it("forgets everything once the window has ended", () => {
    expect(throttleDecision(LIMIT, 5, start, at(60_000))).toEqual({ kind: "allow", delayMs: 0 });
    expect(throttleDecision(LIMIT, 3, start, at(120_000))).toEqual({ kind: "allow", delayMs: 0 });
  });

  it("never overflows the delay, however many failures", () => {
    const huge = { ...LIMIT, maxFailures: Number.MAX_SAFE_INTEGER };
    expect(throttleDecision(huge, 10_000, start, at(1))).toEqual({ kind: "allow", delayMs: 300 });
  });

  it("gives an account fewer tries than an address, and both a ceiling", () => {
    expect(ACCOUNT_LIMIT.maxFailures).toBeLessThan(ADDRESS_LIMIT.maxFailures);
    for (const limit of [ACCOUNT_LIMIT, ADDRESS_LIMIT]) {
      expect(limit.freeFailures).toBeLessThan(limit.maxFailures);
      expect(limit.maxDelayMs).toBeLessThanOrEqual(5000);
    }
  });
});

describe("strictest", () => {
  it("takes any refusal, the longest wait", () => {
    expect(
      strictest([
        { kind: "allow", delayMs: 500 },
        { kind: "refuse", retryAfterMs: 10 },
        { kind: "refuse", retryAfterMs: 30 },
      ]),
    ).toEqual({ kind: "refuse", retryAfterMs: 30 });
  });

  it("else the longest delay", () => {
    expect(strictest([{ kind: "allow", delayMs: 0 }, { kind: "allow", delayMs: 250 }])).toEqual({ kind: "allow", delayMs: 250 });
    expect(strictest([])).toEqual({ kind: "allow", delayMs: 0 });
  });
});

describe("clientAddress", () => {
  it("takes the entry the nearest proxy wrote, not what the client claimed", () => {
    expect(clientAddress("1.2.3.4, 10.0.0.9")).toBe("10.0.0.9");
    expect(clientAddress("1.2.3.4, 198.51.100.7, 10.0.0.9", 1)).toBe("198.51.100.7");
  });

  it("stops at the first entry when there are more trusted hops than entries", () => {
    expect(clientAddress("198.51.100.7", 3)).toBe("198.51.100.7");
  });

  it("writes one client one way", () => {
    expect(clientAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(clientAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(clientAddress(" 203.0.113.5 ")).toBe("203.0.113.5");
  });

  it("calls a missing or absurd address 'unknown'", () => {
    expect(clientAddress(undefined)).toBe("unknown");
    expect(clientAddress("")).toBe("unknown");
    expect(clientAddress(" , ")).toBe("unknown");
    expect(clientAddress("x".repeat(101))).toBe("unknown");
  });
});

describe("appendForwardedFor", () => {
  it("puts the peer last, after whatever the client sent", () => {
    expect(appendForwardedFor(undefined, "127.0.0.1")).toBe("127.0.0.1");
    expect(appendForwardedFor("6.6.6.6", "127.0.0.1")).toBe("6.6.6.6, 127.0.0.1");
    expect(appendForwardedFor(["6.6.6.6", "7.7.7.7"], "::1")).toBe("6.6.6.6, 7.7.7.7, ::1");
    expect(appendForwardedFor("", undefined)).toBe("unknown");
  });

  it("cannot be fooled: the client's claim never becomes the counted address", () => {
    expect(clientAddress(appendForwardedFor("203.0.113.99", "198.51.100.1"))).toBe("198.51.100.1");
  });
});

describe("signInErrorMessage", () => {
  it("gives one answer for every failed sign-in", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("Email or password is incorrect.");
    expect(signInErrorMessage("")).toBe("Email or password is incorrect.");
  });

  it("says how long to wait when refused", () => {
    expect(signInErrorMessage(`${TOO_MANY_ATTEMPTS}:12`)).toBe("Too many sign-in attempts. Wait 12 minutes and try again.");
    expect(signInErrorMessage(`${TOO_MANY_ATTEMPTS}:1`)).toBe("Too many sign-in attempts. Wait 1 minute and try again.");
    expect(signInErrorMessage(`${TOO_MANY_ATTEMPTS}:soon`)).toBe("Too many sign-in attempts. Wait a few minutes and try again.");
  });
});

describe("minutesToWait", () => {
  it("rounds up and never says zero", () => {
    expect(minutesToWait(0)).toBe(1);
    expect(minutesToWait(60_000)).toBe(1);
    expect(minutesToWait(60_001)).toBe(2);
  });
});
