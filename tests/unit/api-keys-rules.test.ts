import { describe, expect, it } from "vitest";
import { apiKeyActor, bearerToken, checkKey, formatApiKey, hashApiKey, looksLikeApiKey, rateWindow, shownPrefix } from "@/lib/api-keys/rules";

const bytes = (fill: number) => new Uint8Array(32).fill(fill);

describe("API key format", () => {
  it("is tdm_ and 43 base64url characters from 32 bytes", () => {
    const key = formatApiKey(bytes(255));
    expect(key).toBe(`tdm_${"_".repeat(42)}8`);
    expect(key).toHaveLength(47);
    expect(looksLikeApiKey(key)).toBe(true);
    expect(looksLikeApiKey(formatApiKey(bytes(0)))).toBe(true);
  });

  it("refuses anything but 32 bytes", () => {
    expect(() => formatApiKey(new Uint8Array(31))).toThrow(/32/);
    expect(() => formatApiKey(new Uint8Array(33))).toThrow(/32/);
  });

  it.each(["", "tdm_", `tdm_${"a".repeat(42)}`, `tdm_${"a".repeat(44)}`, `xyz_${"a".repeat(43)}`, `tdm_${"a".repeat(42)}=`, `tdm_${"a".repeat(42)}+`])("does not take %j for a key", (candidate) => {
    expect(looksLikeApiKey(candidate)).toBe(false);
  });

  it("stores the SHA-256 in hex, and shows only the first 12 characters", () => {
    expect(hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashApiKey(formatApiKey(bytes(1)))).not.toBe(hashApiKey(formatApiKey(bytes(2))));
    expect(shownPrefix(formatApiKey(bytes(255)))).toBe("tdm_________");
  });

  it("names the audit actor after the key", () => {
    expect(apiKeyActor("Website forms")).toBe("api-key:Website forms");
  });
});

describe("bearerToken", () => {
  it.each([
    ["Bearer abc", "abc"],
    ["bearer abc", "abc"],
    ["  Bearer   abc  ", "abc"],
    ["Bearer", null],
    ["Bearer a b", null],
    ["Basic abc", null],
    ["abc", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("reads %j as %j", (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});

describe("rateWindow", () => {
  it("aligns windows to the epoch, so every instance counts in the same window", () => {
    const window = rateWindow(new Date("2026-11-22T10:00:42.500Z"), 60);
    expect(window.start.toISOString()).toBe("2026-11-22T10:00:00.000Z");
    expect(window.retryAfterSeconds).toBe(18);
  });

  it("waits at least a second, also at a window's very end, and a whole window at its start", () => {
    expect(rateWindow(new Date("2026-11-22T10:00:59.999Z"), 60).retryAfterSeconds).toBe(1);
    expect(rateWindow(new Date("2026-11-22T10:01:00.000Z"), 60).retryAfterSeconds).toBe(60);
    expect(rateWindow(new Date("2026-11-22T10:00:00.400Z"), 1)).toEqual({ start: new Date("2026-11-22T10:00:00.000Z"), retryAfterSeconds: 1 });
  });
});

describe("checkKey", () => {
  const window = rateWindow(new Date("2026-11-22T10:00:30Z"), 60);
  it("refuses an unknown or revoked key with 401", () => {
    expect(checkKey(null, 10, window)).toEqual({ ok: false, status: 401, reason: "unknown" });
    expect(checkKey({ revokedAt: new Date(), count: null }, 10, window)).toEqual({ ok: false, status: 401, reason: "revoked" });
  });

  it("allows up to the limit in a window and refuses beyond it with the seconds to wait", () => {
    expect(checkKey({ revokedAt: null, count: 1 }, 10, window)).toEqual({ ok: true });
    expect(checkKey({ revokedAt: null, count: 10 }, 10, window)).toEqual({ ok: true });
    expect(checkKey({ revokedAt: null, count: 11 }, 10, window)).toEqual({ ok: false, status: 429, retryAfterSeconds: 30 });
  });
});
