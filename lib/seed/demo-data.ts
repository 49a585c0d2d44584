// Fills an empty workspace with 18 months of believable history (team, the signed lead definition and a proposed
// successor, accounts, campaigns, leads with every stage change, handovers and touches), so that a first start of
// Tandem shows full dashboards and queues. Runs once: a workspace that has any user is left alone.
import type { Prisma, PrismaClient } from "../db/generated/client";
import { rebuildFunnelRollup } from "../metrics/rollup";
import { seedAuditHistory } from "./audit";
import { campaignDemoRows } from "./campaign-feedback";
import { intakeDemoRows } from "./intake";
import { buildDemoDataset } from "./dataset";
import { seedPulseAndStory } from "./pulse-story";
import { seedGoals } from "./goals";
import { seedGoalAndStoryThreads } from "./goal-story-threads";
import { buildDemoMessaging } from "./messaging";

export interface SeedResult {
  created: boolean;
  users: number;
  leads: number;
  stageChanges: number;
  definitions: number;
  handovers: number;
  touches: number;
}

/** Rows per INSERT: one JSON parameter each, so the statement size, not the parameter count, is the limit. */
const CHUNK_SIZE = 10_000;
/** The tables the seed fills and their rows: a closed list, so that the table names in the SQL are never input. */
interface SeedRows {
  User: Prisma.UserCreateManyInput;
  LeadDefinition: Prisma.LeadDefinitionCreateManyInput;
  DefinitionSignature: Prisma.DefinitionSignatureCreateManyInput;
  Company: Prisma.CompanyCreateManyInput;
  Campaign: Prisma.CampaignCreateManyInput;
  Lead: Prisma.LeadCreateManyInput;
  StageChange: Prisma.StageChangeCreateManyInput;
  Handover: Prisma.HandoverCreateManyInput;
  Touch: Prisma.TouchCreateManyInput;
  Feedback: Prisma.FeedbackCreateManyInput;
  Thread: Prisma.ThreadCreateManyInput;
  Message: Prisma.MessageCreateManyInput;
  Mention: Prisma.MentionCreateManyInput;
  Notification: Prisma.NotificationCreateManyInput;
  ApiKey: Prisma.ApiKeyCreateManyInput;
}
/**
 * The rep holding the lead after each change (the metrics' rep dimension), as the app records it: the rep who owns
 * the lead once sales holds it, or the rep who logged it themselves.
 */
function withRepDimension(dataset: ReturnType<typeof buildDemoDataset>): Prisma.StageChangeCreateManyInput[] {
  const reps = new Set(dataset.users.filter((user) => user.role === "SALES_REP").map((user) => user.id));
  const leads = new Map(dataset.leads.map((lead) => [lead.id, lead]));
  const salesStages = new Set(["SAL", "SQL", "OPPORTUNITY", "WON", "LOST"]);
  return dataset.stageChanges.map((change) => {
    const lead = leads.get(change.leadId);
    const owner = lead?.ownerId && reps.has(lead.ownerId) ? lead.ownerId : null;
    const creator = lead?.createdById && reps.has(lead.createdById) ? lead.createdById : null;
    const repId = salesStages.has(change.toStage) ? owner : change.toStage === "INQUIRY" ? creator : null;
    return { ...change, repId };
  });
}

/** Serialises concurrent first starts (two app servers on one database): the second waits, then sees the data. */
const SEED_LOCK_KEY = 20261122;

export async function seedDemoData(
  prisma: PrismaClient,
  options: { now: Date; passwordHash: string },
): Promise<SeedResult> {
  const untouched: SeedResult = { created: false, users: 0, leads: 0, stageChanges: 0, definitions: 0, handovers: 0, touches: 0 };
  if ((await prisma.user.count()) > 0) return untouched;

  const dataset = buildDemoDataset(options);
  const campaignRows = campaignDemoRows(dataset, options.now);
  const messaging = buildDemoMessaging(dataset, options.now);
  const intakeRows = intakeDemoRows(dataset.users, options.now);
  const counts = {
    users: dataset.users.length,
    leads: dataset.leads.length,
    stageChanges: dataset.stageChanges.length,
    definitions: dataset.definitions.length,
    handovers: dataset.handovers.length,
    touches: dataset.touches.length,
  };
  // One transaction: an interrupted seed leaves an empty workspace, which the next start seeds again.
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
      if ((await tx.user.count()) > 0) return untouched;

      await insertRows(tx, "User", dataset.users);
      await insertRows(tx, "LeadDefinition", dataset.definitions);
      await insertRows(tx, "DefinitionSignature", dataset.signatures);
      await insertRows(tx, "Company", dataset.companies);
      await insertRows(tx, "Campaign", campaignRows.campaigns);
      await insertRows(tx, "Lead", dataset.leads);
      await insertRows(tx, "StageChange", withRepDimension(dataset));
      await insertRows(tx, "Handover", dataset.handovers);
      await insertRows(tx, "Touch", dataset.touches);
      await insertRows(tx, "Feedback", campaignRows.feedback);
      await insertRows(tx, "ApiKey", intakeRows.apiKeys);
      // Speed to lead, as the app records it when a rep logs their first touch on an accepted handover.
      await tx.$executeRaw`
        UPDATE "Handover" h SET "firstTouchAt" = t.first
        FROM (SELECT h2.id, min(t2.at) AS first FROM "Handover" h2 JOIN "Touch" t2 ON t2."leadId" = h2."leadId" AND t2."userId" = h2."toUserId" AND t2.at >= h2."createdAt"
              WHERE h2.status = 'ACCEPTED' GROUP BY h2.id) t
        WHERE h.id = t.id`;
      await seedPulseAndStory(tx, dataset.users, options.now);
      await insertRows(tx, "Thread", messaging.threads);
      await insertRows(tx, "Message", messaging.messages);
      await insertRows(tx, "Mention", messaging.mentions);
      await insertRows(tx, "Notification", messaging.notifications);
      await rebuildFunnelRollup(tx);
      await seedGoals(tx, options.now, dataset.users);
      await seedAuditHistory(tx, options.now);
      await seedGoalAndStoryThreads(tx, options.now, dataset.users);
      await tx.auditEvent.create({ data: auditEvent(options.now, counts) });
      return { created: true, ...counts };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/**
 * Inserts createMany-shaped rows with one statement per chunk that expands a JSON array into records of the table's
 * own type: several times faster than createMany for the demo's 20,000-odd rows. Every row of a table gives the same
 * fields (a field left out is left to its column default); dates travel as UTC ISO strings, as Prisma stores them.
 */
async function insertRows<Table extends keyof SeedRows>(
  tx: Pick<Prisma.TransactionClient, "$executeRawUnsafe">,
  table: Table,
  rows: readonly SeedRows[Table][],
): Promise<void> {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((column) => `"${column}"`).join(", ");
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const chunk = JSON.stringify(rows.slice(start, start + CHUNK_SIZE));
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
      chunk,
    );
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
