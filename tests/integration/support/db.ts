import { db } from "@/lib/db/client";

/** Empties every table (keeping the migration history), so each test file starts from nothing. */
export async function resetDatabase(): Promise<void> {
  const tables = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map(({ tablename }) => `"public"."${tablename}"`).join(", ");
  await db().$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
  // As migrated (lead_count_rows): a count row, at 0, for every stage and source.
  await db().$executeRawUnsafe(`INSERT INTO "LeadCount" (stage, source, leads)
    SELECT stage, source, 0 FROM unnest(enum_range(NULL::"Stage")) AS stage, unnest(enum_range(NULL::"LeadSource")) AS source`);
}
