// Idempotency-Key records: claimed in the transaction that does the request's writes, and given the request's answer
// in that same transaction, so an answer is stored exactly when its writes are. A second request with the key waits
// on the key's row (the primary key's unique check) until the first commits, then replays its answer.
import type { Tx } from "../db/client";
import { IDEMPOTENCY_TTL_MS, replayOf } from "./rules";
import { apiError, type ApiReply } from "./replies";

export interface KeyClaim {
  apiKeyId: string;
  key: string;
  /** The request's fingerprint (requestFingerprint): the same key with another body is refused. */
  fingerprint: string;
}

/** Now and then, clear keys past their 24 hours (lazily, instead of a scheduled job). */
async function maybeClearExpired(tx: Tx, now: Date) {
  if (Math.random() < 0.01) await tx.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } });
}

/** Claims the key for this request, or returns what an earlier request with it already answered. */
export async function claimKey(tx: Tx, claim: KeyClaim, now = new Date()): Promise<ApiReply | null> {
  await maybeClearExpired(tx, now);
  return claimTaken(tx, claim, now);
}

async function claimTaken(tx: Tx, { apiKeyId, key, fingerprint }: KeyClaim, now: Date): Promise<ApiReply | null> {
  for (;;) {
    const claimed = await tx.$executeRaw`
      INSERT INTO "IdempotencyKey" ("apiKeyId", key, "requestHash", status, "responseBody", "createdAt")
      VALUES (${apiKeyId}, ${key}, ${fingerprint}, 0, 'null'::jsonb, ${now})
      ON CONFLICT ("apiKeyId", key) DO NOTHING`;
    if (claimed === 1) return null;
    const stored = await tx.idempotencyKey.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
    if (!stored) continue; // The request that held it rolled back between our two statements: claim it again.
    const replay = replayOf({ requestHash: stored.requestHash, status: stored.status, body: stored.responseBody, createdAt: stored.createdAt }, fingerprint, now);
    if (replay.kind === "replay") return { status: replay.status, body: replay.body, headers: { "Idempotent-Replayed": "true" } };
    if (replay.kind === "mismatch") return apiError(409, "idempotency_conflict", "This Idempotency-Key was used with a different request body. Use a new key for a new request.");
    await tx.idempotencyKey.delete({ where: { apiKeyId_key: { apiKeyId, key } } });
  }
}

/**
 * Many requests' keys (distinct), claimed with one statement in one order (so two groups claiming the same keys wait
 * rather than deadlock); a key already taken goes through claimKey's replay rules. Returns, per claim, null (claimed:
 * write, then store the answer) or the answer to give instead.
 */
export async function claimKeys(tx: Tx, claims: readonly KeyClaim[], now = new Date()): Promise<(ApiReply | null)[]> {
  if (claims.length === 0) return [];
  await maybeClearExpired(tx, now);
  const sorted = [...claims].sort((a, b) => (a.apiKeyId === b.apiKeyId ? compare(a.key, b.key) : compare(a.apiKeyId, b.apiKeyId)));
  const rows = JSON.stringify(sorted.map((claim) => ({ a: claim.apiKeyId, k: claim.key, h: claim.fingerprint })));
  const inserted = await tx.$queryRaw<{ apiKeyId: string; key: string }[]>`
    INSERT INTO "IdempotencyKey" ("apiKeyId", key, "requestHash", status, "responseBody", "createdAt")
    SELECT t.a, t.k, t.h, 0, 'null'::jsonb, ${now} FROM json_to_recordset(${rows}::json) AS t(a text, k text, h text) ORDER BY t.a, t.k
    ON CONFLICT ("apiKeyId", key) DO NOTHING
    RETURNING "apiKeyId", key`;
  const claimed = new Set(inserted.map((row) => `${row.apiKeyId}\n${row.key}`));
  const answers: (ApiReply | null)[] = [];
  for (const claim of claims) answers.push(claimed.has(`${claim.apiKeyId}\n${claim.key}`) ? null : await claimTaken(tx, claim, now));
  return answers;
}

/** Stores each claimed key's answer (status and body), in the transaction that claimed it. */
export async function storeAnswers(tx: Tx, answers: readonly { claim: KeyClaim; reply: ApiReply }[]): Promise<void> {
  if (answers.length === 0) return;
  const rows = JSON.stringify(answers.map(({ claim, reply }) => ({ a: claim.apiKeyId, k: claim.key, s: reply.status, b: reply.body ?? null })));
  await tx.$executeRaw`
    UPDATE "IdempotencyKey" i SET status = t.s, "responseBody" = t.b
    FROM json_to_recordset(${rows}::json) AS t(a text, k text, s int, b jsonb)
    WHERE i."apiKeyId" = t.a AND i.key = t.k`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

