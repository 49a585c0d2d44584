// A cheap fingerprint of the whole database: every table's row count and a hash of its rows, in one query. Two equal
// fingerprints mean nothing was inserted, changed or deleted anywhere (tables added later included).
import { db } from "@/lib/db/client";

export async function databaseFingerprint(except: string[] = []): Promise<Record<string, string>> {
  const tables = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const parts = tables
    .filter(({ tablename }) => !except.includes(tablename))
    .map(({ tablename }) => `SELECT '${tablename}' AS t, count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS f FROM "public"."${tablename}" x`);
  const rows = await db().$queryRawUnsafe<{ t: string; f: string }[]>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((row) => [row.t, row.f]));
}
