// Pure rules for API keys: how a key looks, how it is stored and found, and how a request's window is counted. No
// database, no framework. Unit-tested in tests/unit/api-keys-rules.test.ts.
import { createHash } from "node:crypto";

/** Every key starts with this, so a leaked key is recognisable (secret scanners, logs). */
export const KEY_PREFIX = "tdm_";
/** 32 random bytes in base64url: 43 characters. */
const KEY_PATTERN = /^tdm_[A-Za-z0-9_-]{43}$/;
/** How much of a key the list shows: enough to tell keys apart, far too little to guess the rest. */
const SHOWN_LENGTH = KEY_PREFIX.length + 8;

/** The key made from 32 random bytes (the caller supplies them, so this stays pure and testable). */
export function formatApiKey(secret: Uint8Array): string {
  if (secret.length !== 32) throw new Error("An API key needs exactly 32 random bytes.");
  return KEY_PREFIX + Buffer.from(secret).toString("base64url");
}

export function looksLikeApiKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** What is stored and looked up: the SHA-256 of the whole key, in hex. A fast hash is right for 256 random bits. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The part of a key the list shows ("tdm_AbCd1234"). */
export function shownPrefix(key: string): string {
  return key.slice(0, SHOWN_LENGTH);
}

/** The key in an `Authorization: Bearer <key>` header, or null when the header is missing or of another scheme. */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header.trim());
  return match ? match[1]! : null;
}

/** Who the audit log says acted when a key did: a system actor, not a person. */
export function apiKeyActor(name: string): string {
  return `api-key:${name}`;
}

export interface RateWindow {
  /** The first instant of the fixed window `now` falls in. */
  start: Date;
  /** Whole seconds until the next window opens (at least 1): the `Retry-After` of a refused request. */
  retryAfterSeconds: number;
}

/** The fixed window of `windowSeconds` that `now` falls in, aligned to the epoch so every app instance agrees. */
export function rateWindow(now: Date, windowSeconds: number): RateWindow {
  const length = windowSeconds * 1000;
  const start = Math.floor(now.getTime() / length) * length;
  const remaining = start + length - now.getTime();
  return { start: new Date(start), retryAfterSeconds: Math.max(1, Math.ceil(remaining / 1000)) };
}

export type KeyCheck =
  | { ok: true }
  | { ok: false; status: 401; reason: "missing" | "unknown" | "revoked" }
  | { ok: false; status: 429; retryAfterSeconds: number };

/** What a request's key and its count in this window allow. */
export function checkKey(
  found: { revokedAt: Date | null; count: number | null } | null,
  limit: number,
  window: RateWindow,
): KeyCheck {
  if (!found) return { ok: false, status: 401, reason: "unknown" };
  if (found.revokedAt) return { ok: false, status: 401, reason: "revoked" };
  if (found.count !== null && found.count > limit) return { ok: false, status: 429, retryAfterSeconds: window.retryAfterSeconds };
  return { ok: true };
}
