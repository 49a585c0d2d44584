// A named counter per time window in PostgreSQL (the RateLimit table), shared by sign-in throttling and the public web
// forms: one atomic upsert per hit, so parallel requests each get a distinct count and every app instance sees the
// same numbers. The window starts at a bucket's first hit and lasts `windowSeconds`; a hit after it starts again at 1.
import { db } from "../db/client";

export interface WindowCount {
  /** Hits in this window, this one included. */
  count: number;
  windowStart: Date;
  /** The database's clock when counted, so instances with drifting clocks still agree. */
  now: Date;
}

/** Counts one hit on `key` and returns the window's count (this hit included). */
export async function countInWindow(key: string, windowSeconds: number): Promise<WindowCount> {
  // One statement: a window that has ended starts again at 1; otherwise the count goes up. The database's clock is
  // used throughout.
  const [row] = await db().$queryRaw<WindowCount[]>`
    INSERT INTO "RateLimit" (key, count, "windowStart", "updatedAt") VALUES (${key}, 1, now(), now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds}::float8) THEN 1
                   ELSE "RateLimit".count + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds}::float8) THEN now()
                   ELSE "RateLimit"."windowStart" END,
      "updatedAt" = now()
    RETURNING count, "windowStart", now() AS now`;
  if (row!.count === 1) await sweepOldBuckets();
  return row!;
}

/** Buckets untouched for a day are past every window: dropping them keeps the table small. */
async function sweepOldBuckets(): Promise<void> {
  await db().$executeRaw`DELETE FROM "RateLimit" WHERE "updatedAt" < now() - interval '1 day'`;
}
