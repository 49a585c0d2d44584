// Fills an empty workspace with 18 months of believable history (team, accounts, campaigns, leads and every stage
// change), so that a first start of Tandem shows full dashboards and queues. Runs once: a workspace that has any
// user is left alone.
import type { Prisma, PrismaClient } from "../db/generated/client";
import { buildDemoDataset } from "./dataset";

export interface SeedResult {
  created: boolean;
  users: number;
  leads: number;
  stageChanges: number;
}

const CHUNK_SIZE = 1_000;
/** Serialises concurrent first starts (two app servers on one database): the second waits, then sees the data. */
const SEED_LOCK_KEY = 20261122;

export async function seedDemoData(
  prisma: PrismaClient,
  options: { now: Date; passwordHash: string },
): Promise<SeedResult> {
  const untouched: SeedResult = { created: false, users: 0, leads: 0, stageChanges: 0 };
  if ((await prisma.user.count()) > 0) return untouched;

  const dataset = buildDemoDataset(options);
  const counts = {
    users: dataset.users.length,
    leads: dataset.leads.length,
    stageChanges: dataset.stageChanges.length,
  };
  // One transaction: an interrupted seed leaves an empty workspace, which the next start seeds again.
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
      if ((await tx.user.count()) > 0) return untouched;

      await insertInChunks(dataset.users, (data) => tx.user.createMany({ data }));
      await insertInChunks(dataset.companies, (data) => tx.company.createMany({ data }));
      await insertInChunks(dataset.campaigns, (data) => tx.campaign.createMany({ data }));
      await insertInChunks(dataset.leads, (data) => tx.lead.createMany({ data }));
      await insertInChunks(dataset.stageChanges, (data) => tx.stageChange.createMany({ data }));
      await tx.auditEvent.create({ data: auditEvent(options.now, counts) });
      return { created: true, ...counts };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

async function insertInChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    await insert(rows.slice(start, start + CHUNK_SIZE));
  }
}

function auditEvent(now: Date, counts: Omit<SeedResult, "created">): Prisma.AuditEventUncheckedCreateInput {
  return {
    id: "seed_audit_demo_data",
    at: now,
    actorId: null,
    action: "demo_data.seeded",
    entityType: "Workspace",
    entityId: "demo",
    data: counts,
  };
}
