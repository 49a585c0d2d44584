// Makes sure the benchmark database holds the current data set: reused when a complete one of this generator version
// is there, generated otherwise (or with --regenerate). Two audit entries mark it: one written before generating,
// so an interrupted run is recognised as ours and redone, and one written when everything, rollup included, is in.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/db/generated/client";
import { applyMigrations } from "../../lib/db/migrate";
import { rebuildFunnelRollup } from "../../lib/metrics/rollup";
import { BENCH_NOW, GENERATOR_VERSION, generationSteps } from "./generate";

const STARTED_ID = "bench_generation_started";
const DONE_ID = "bench_generated";

export interface DatasetInfo {
  generated: boolean;
  generationSeconds: number;
  generatedAt: string;
  leads: number;
}

interface Marker {
  generator: number;
  leads: number;
  seconds: number;
  at: string;
}

export async function ensureDataset(url: string, options: { regenerate: boolean; leads: number; log: (line: string) => void }): Promise<DatasetInfo> {
  const { log } = options;
  // Migrations are applied once per run, after any emptying: the schema engine keeps its advisory lock until its idle
  // connection closes, so a second run of it within seconds would wait for the first.
  const migrate = async () => {
    const applied = await applyMigrations(url);
    if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  };

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const marker = await readMarker(client, DONE_ID);
    if (marker && !options.regenerate && marker.generator === GENERATOR_VERSION && marker.leads === options.leads) {
      await migrate().catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`The migrations do not apply to the existing benchmark data (${reason}); run \`npm run bench -- --regenerate\`.`);
      });
      log(`Reusing the data set generated on ${marker.at} in ${marker.seconds.toFixed(0)} s (--regenerate to make it again).`);
      return { generated: false, generationSeconds: marker.seconds, generatedAt: marker.at, leads: marker.leads };
    }
    await makeEmpty(client, log);
    await migrate();

    const started = Date.now();
    log(`Generating ${options.leads.toLocaleString("en")} leads (generator v${GENERATOR_VERSION}, "now" = ${BENCH_NOW.toISOString()})…`);
    await writeMarker(client, STARTED_ID, "bench.generation_started", { generator: GENERATOR_VERSION, leads: options.leads });
    // Session settings for bulk work only: bigger sorts in memory, no waiting for each commit to reach the disk.
    await client.query("SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'");
    const deferred = await deferIndexes(client, BULK_TABLES);
    for (const step of generationSteps(options.leads)) {
      const stepStart = Date.now();
      const result = await client.query(step.sql, step.params);
      const parts: pg.QueryResult[] = Array.isArray(result) ? result : [result];
      // A script of several statements reports the rows its INSERTs wrote.
      const rows = parts.length === 1 ? (parts[0]!.rowCount ?? 0) : parts.reduce((sum, part) => sum + (part.command === "INSERT" ? (part.rowCount ?? 0) : 0), 0);
      log(`  ${step.name}: ${rows.toLocaleString("en")} rows (${seconds(stepStart)} s)`);
    }

    const indexStart = Date.now();
    for (const statement of deferred) await client.query(statement);
    log(`  ${deferred.length} indexes and foreign keys of ${BULK_TABLES.join(", ")} built and checked (${seconds(indexStart)} s)`);

    const rollupStart = Date.now();
    await rebuildRollup(url);
    const [{ count: rollupRows }] = (await client.query<{ count: string }>(`SELECT count(*) FROM "FunnelRollup"`)).rows as [{ count: string }];
    log(`  funnel rollup from the history (rebuildFunnelRollup): ${Number(rollupRows).toLocaleString("en")} rows (${seconds(rollupStart)} s)`);

    const vacuumStart = Date.now();
    await client.query("VACUUM (ANALYZE)");
    log(`  VACUUM ANALYZE (${seconds(vacuumStart)} s)`);

    const total = (Date.now() - started) / 1000;
    const at = new Date().toISOString();
    await writeMarker(client, DONE_ID, "bench.generated", { generator: GENERATOR_VERSION, leads: options.leads, seconds: total, at });
    log(`Generated in ${total.toFixed(0)} s.`);
    return { generated: true, generationSeconds: total, generatedAt: at, leads: options.leads };
  } finally {
    await client.end();
  }
}

/** The tables that take millions of rows. */
const BULK_TABLES = ["Lead", "StageChange", "Handover"];

/**
 * Drops the secondary indexes and the foreign keys of the bulk-loaded tables and returns the statements that put them
 * back exactly as the migrations made them (definitions read from the catalog). Building an index once over sorted
 * rows and checking a foreign key with one join take seconds; maintaining them row by row took minutes. Nothing is
 * skipped: the unique indexes and the foreign keys are checked over every row when they are put back, and the
 * primary keys (ids inserted in ascending order) stay in place throughout.
 */
async function deferIndexes(client: pg.Client, tables: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ drop: string; create: string; kind: string }>(
    `SELECT format('DROP INDEX %I', i.relname) AS drop, pg_get_indexdef(x.indexrelid) AS create, 'index' AS kind
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace s ON s.oid = t.relnamespace
     WHERE s.nspname = 'public' AND t.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     UNION ALL
     SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', t.relname, c.conname), format('ALTER TABLE %I ADD CONSTRAINT %I %s', t.relname, c.conname, pg_get_constraintdef(c.oid)), 'foreign key'
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace s ON s.oid = t.relnamespace
     WHERE s.nspname = 'public' AND c.contype = 'f' AND t.relname = ANY($1)
     ORDER BY 3 DESC, 1`,
    [tables],
  );
  for (const row of rows) await client.query(row.drop);
  // Indexes first, then the foreign keys, which may use them.
  return rows.map((row) => row.create);
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

async function readMarker(client: pg.Client, id: string): Promise<Marker | null> {
  if (!(await hasTable(client, "AuditEvent"))) return null;
  const result = await client.query<{ data: Marker }>(`SELECT data FROM "AuditEvent" WHERE id = $1`, [id]);
  return result.rows[0]?.data ?? null;
}

async function writeMarker(client: pg.Client, id: string, action: string, data: object): Promise<void> {
  await client.query(
    `INSERT INTO "AuditEvent" (id, at, action, "entityType", "entityId", data) VALUES ($1, now(), $2, 'Benchmark', 'bench', $3::jsonb)`,
    [id, action, JSON.stringify(data)],
  );
}

/**
 * An empty, migrated database to generate into. A database the benchmark filled before (even partly) is emptied by
 * dropping and recreating its schema; one holding anything else is refused, so BENCH_DATABASE_URL pointing at a real
 * workspace by mistake can never wipe it.
 */
async function makeEmpty(client: pg.Client, log: (line: string) => void): Promise<void> {
  const tables = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' LIMIT 1`);
  if (tables.rowCount === 0) return;
  if (!(await hasTable(client, "User")) || !(await hasTable(client, "AuditEvent"))) {
    throw new Error("The benchmark database holds tables that are not Tandem's; give it an empty database of its own.");
  }
  const [{ users, ours }] = (
    await client.query<{ users: number; ours: boolean }>(
      `SELECT (SELECT count(*)::int FROM "User") AS users, EXISTS (SELECT 1 FROM "AuditEvent" WHERE id = $1) AS ours`,
      [STARTED_ID],
    )
  ).rows as [{ users: number; ours: boolean }];
  if (users === 0 && !ours) return;
  if (!ours) {
    throw new Error("The benchmark database holds data the benchmark did not generate; give it an empty database of its own.");
  }
  log("Emptying the previous benchmark data…");
  await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
}

async function hasTable(client: pg.Client, table: string): Promise<boolean> {
  const result = await client.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [`public."${table}"`]);
  return result.rows[0]?.found ?? false;
}

/** The rollup as the app defines it, recomputed from the whole history in one transaction. */
async function rebuildRollup(url: string): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL work_mem = '256MB'");
        await rebuildFunnelRollup(tx);
      },
      { timeout: 3_600_000, maxWait: 60_000 },
    );
  } finally {
    await prisma.$disconnect();
  }
}
