// API keys: made by an admin (or `npm run api-key`), revoked by an admin, checked on every intake request.
import { randomBytes } from "node:crypto";
import { db, Prisma } from "../db/client";
import { readEnv } from "../env";
import { DomainError } from "../actions/result";
import { recordAudit } from "../audit/service";
import { createGatherer } from "../db/gather";
import { apiKeyActor, checkKey, formatApiKey, hashApiKey, looksLikeApiKey, rateWindow, shownPrefix, type KeyCheck } from "./rules";

const NAME_TAKEN = "A key that still works already has this name.";

/**
 * Makes a key and returns it: the only time the whole key exists outside the caller's hands. `actor` is the admin
 * (null from the command line). Audited in the same transaction.
 */
export async function createApiKey(actor: { id: string } | null, name: string): Promise<{ id: string; name: string; prefix: string; key: string }> {
  const key = formatApiKey(randomBytes(32));
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.apiKey.create({
        data: { name, prefix: shownPrefix(key), hash: hashApiKey(key), createdById: actor?.id ?? null },
        select: { id: true, name: true, prefix: true },
      });
      await recordAudit(tx, {
        actorId: actor?.id ?? null,
        action: "api_key.created",
        entityType: "ApiKey",
        entityId: created.id,
        data: { name, prefix: created.prefix, via: actor ? "admin" : "command line" },
      });
      return { ...created, key };
    });
  } catch (error) {
    // The partial unique index on live names decides, also when two admins pick the same name at once.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(NAME_TAKEN, { name: [NAME_TAKEN] }, "conflict");
    }
    throw error;
  }
}

/**
 * Revokes a key at once: its next request gets 401. Revoking a revoked key changes nothing and says so. `actor` is
 * the admin (null from the command line).
 */
export async function revokeApiKey(actor: { id: string } | null, id: string): Promise<{ id: string; revokedAt: Date }> {
  return db().$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedById: actor?.id ?? null } });
    if (updated.count !== 1) {
      const existing = await tx.apiKey.findUnique({ where: { id }, select: { revokedAt: true } });
      if (!existing) throw new DomainError("That API key does not exist.", undefined, "not_found");
      throw new DomainError("That key was already revoked.", undefined, "conflict");
    }
    const key = await tx.apiKey.findUniqueOrThrow({ where: { id }, select: { name: true, prefix: true } });
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "api_key.revoked",
      entityType: "ApiKey",
      entityId: id,
      data: { name: key.name, prefix: key.prefix, via: actor ? "admin" : "command line" },
    });
    return { id, revokedAt: now };
  });
}

export interface ApiCaller {
  id: string;
  name: string;
  /** "api-key:<name>", for audit entries. */
  actor: string;
}

export type Authentication = { ok: true; caller: ApiCaller } | Exclude<KeyCheck, { ok: true }>;

interface FoundKey {
  id: string;
  name: string;
  revokedAt: Date | null;
  count: number | null;
}

/**
 * Finds the key of a request and counts the request against its limit. The window's counter is an atomic upsert in
 * PostgreSQL, so the limit holds however many app instances share the database. Requests with the same key that
 * arrive together are counted in one statement (lib/db/gather.ts): the counter goes up by their number and each gets
 * its own place in it, so under load the key's counter row takes one update per group instead of a queue of single
 * updates. `lastUsedAt` is written at most once a minute. A revoked or unknown key is not counted.
 */
export async function authenticateApiKey(key: string | null, now = new Date()): Promise<Authentication> {
  if (!key) return { ok: false, status: 401, reason: "missing" };
  if (!looksLikeApiKey(key)) return { ok: false, status: 401, reason: "unknown" };
  const env = readEnv();
  const window = rateWindow(now, env.INTAKE_RATE_WINDOW_SECONDS);
  const hash = hashApiKey(key);
  const found = await keyCounter(`${hash}:${window.start.getTime()}`).submit({ hash, windowStart: window.start, now });
  const check = checkKey(found, env.INTAKE_RATE_LIMIT, window);
  if (!check.ok) return check;
  return { ok: true, caller: { id: found!.id, name: found!.name, actor: apiKeyActor(found!.name) } };
}

interface KeyHit {
  hash: string;
  windowStart: Date;
  now: Date;
}

type Counter = ReturnType<typeof createGatherer<KeyHit, FoundKey | null>>;
const counters = new Map<string, Counter>();

/** One gatherer per key and window; dropped when its window has passed. */
function keyCounter(id: string): Counter {
  let counter = counters.get(id);
  if (!counter) {
    if (counters.size > 1000) counters.clear();
    counter = createGatherer<KeyHit, FoundKey | null>(countHits, { maxBatch: 500, maxConcurrent: 1 });
    counters.set(id, counter);
  }
  return counter;
}

/** Counts `hits` (same key, same window) in one statement; the n-th hit is told the count as it stood after it. */
async function countHits(hits: KeyHit[]): Promise<PromiseSettledResult<FoundKey | null>[]> {
  const { hash, windowStart } = hits[0]!;
  const now = hits[hits.length - 1]!.now;
  const [found] = await db().$queryRaw<FoundKey[]>`
    WITH k AS (SELECT id, name, "revokedAt" FROM "ApiKey" WHERE hash = ${hash}),
    used AS (
      UPDATE "ApiKey" SET "lastUsedAt" = ${now}
      WHERE id = (SELECT id FROM k WHERE "revokedAt" IS NULL)
        AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${new Date(now.getTime() - 60_000)})
      RETURNING id
    ),
    counted AS (
      INSERT INTO "ApiRateWindow" ("apiKeyId", "windowStart", count)
      SELECT id, ${windowStart}, ${hits.length}::int FROM k WHERE "revokedAt" IS NULL
      ON CONFLICT ("apiKeyId", "windowStart") DO UPDATE SET count = "ApiRateWindow".count + EXCLUDED.count
      RETURNING count
    )
    SELECT k.id, k.name, k."revokedAt", (SELECT count FROM counted) AS count, (SELECT count(*) FROM used) AS touched FROM k`;
  // Now and then, a group clears windows that ended long ago (an hour is far longer than any window), and the
  // gatherers of windows that have passed.
  if (Math.random() < 0.01) {
    await db().apiRateWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 3_600_000) } } });
    for (const id of counters.keys()) if (Number(id.split(":")[1]) < windowStart.getTime()) counters.delete(id);
  }
  const first = found && found.count !== null ? found.count - hits.length : null;
  return hits.map((_, index) => ({ status: "fulfilled", value: found ? { ...found, count: first === null ? null : first + index + 1 } : null }));
}
