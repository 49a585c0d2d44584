import { describe, expect, it } from "vitest";
import {
  batchStatus,
  batchSummary,
  canonicalJson,
  emptyFieldsToFill,
  IDEMPOTENCY_TTL_MS,
  isExpired,
  isValidIdempotencyKey,
  replayOf,
  requestFingerprint,
  type ItemResult,
} from "@/lib/intake/rules";

const EMPTY = { title: null, campaignId: null, companySize: null, industry: null, country: null };
const KNOWN = { title: "CFO", campaignId: "c1", companySize: 40, industry: "Retail", country: "DE" };

describe("emptyFieldsToFill", () => {
  it("fills every empty field the submission gives", () => {
    expect(emptyFieldsToFill(EMPTY, { title: "VP Sales", campaignId: "c2", companySize: 300, industry: "Software", country: "GB" })).toEqual({
      title: "VP Sales",
      campaignId: "c2",
      companySize: 300,
      industry: "Software",
      country: "GB",
    });
  });

  it("never overwrites what is known", () => {
    expect(emptyFieldsToFill(KNOWN, { title: "VP Sales", campaignId: "c2", companySize: 300, industry: "Software", country: "GB" })).toEqual({});
  });

  it("ignores what the submission leaves out or leaves blank", () => {
    expect(emptyFieldsToFill(EMPTY, {})).toEqual({});
    expect(emptyFieldsToFill(EMPTY, { title: "", campaignId: undefined, companySize: null, industry: null })).toEqual({});
  });

  it("fills only the empty ones of a partly known lead", () => {
    expect(emptyFieldsToFill({ ...KNOWN, title: null, companySize: null }, { title: "CTO", companySize: 12, country: "FR" })).toEqual({ title: "CTO", companySize: 12 });
  });
});

describe("canonicalJson and requestFingerprint", () => {
  it("ignores key order and undefined values, at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson("x")).toBe('"x"');
    expect(canonicalJson([undefined])).toBe("[null]");
  });

  it("tells requests apart by endpoint and data, not by spelling", () => {
    const one = requestFingerprint("POST /a", { x: 1, y: 2 });
    expect(requestFingerprint("POST /a", { y: 2, x: 1 })).toBe(one);
    expect(requestFingerprint("POST /b", { x: 1, y: 2 })).not.toBe(one);
    expect(requestFingerprint("POST /a", { x: 1, y: 3 })).not.toBe(one);
    expect(one).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("Idempotency-Key header and replay", () => {
  it.each([
    ["a", true],
    ["7c0a6f1e-8d0b-4c63-9f0e-2f1b1e0f1a2b", true],
    ["x".repeat(255), true],
    ["x".repeat(256), false],
    ["", false],
    ["has space", false],
    ["naïve", false],
  ])("accepts %j: %s", (key, valid) => {
    expect(isValidIdempotencyKey(key)).toBe(valid);
  });

  const at = new Date("2026-11-22T10:00:00Z");
  const stored = { requestHash: "h1", status: 201, body: { ok: 1 }, createdAt: at };

  it("replays the stored response for the same request within 24 hours", () => {
    expect(replayOf(stored, "h1", new Date(at.getTime() + IDEMPOTENCY_TTL_MS - 1))).toEqual({ kind: "replay", status: 201, body: { ok: 1 } });
  });

  it("refuses a different request with the same key", () => {
    expect(replayOf(stored, "h2", at)).toEqual({ kind: "mismatch" });
  });

  it("forgets the key after 24 hours", () => {
    expect(isExpired(at, new Date(at.getTime() + IDEMPOTENCY_TTL_MS))).toBe(true);
    expect(isExpired(at, new Date(at.getTime() + IDEMPOTENCY_TTL_MS - 1))).toBe(false);
    expect(replayOf(stored, "h2", new Date(at.getTime() + IDEMPOTENCY_TTL_MS))).toEqual({ kind: "expired" });
  });
});

describe("batch outcome", () => {
  const results: ItemResult[] = [
    { index: 0, status: "created", id: "a", stage: "MQL" },
    { index: 1, status: "merged", id: "b", stage: "INQUIRY" },
    { index: 2, status: "invalid", fieldErrors: { email: ["bad"] } },
    { index: 3, status: "not_written" },
  ];

  it("is 422 when any item is invalid without partial acceptance, else 200", () => {
    expect(batchStatus(results, false)).toBe(422);
    expect(batchStatus(results, true)).toBe(200);
    expect(batchStatus(results.filter((result) => result.status !== "invalid"), false)).toBe(200);
    expect(batchStatus([], false)).toBe(200);
  });

  it("counts each outcome", () => {
    expect(batchSummary(results)).toEqual({ created: 1, merged: 1, invalid: 1, notWritten: 1 });
    expect(batchSummary([])).toEqual({ created: 0, merged: 0, invalid: 0, notWritten: 0 });
  });
});
