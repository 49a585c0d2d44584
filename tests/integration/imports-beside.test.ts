// A CSV import's job writes the next batch beside the current one when the two share no email and no company
// (lib/imports/job.ts): the leads, companies, handovers and counts must be exactly those of a run that writes one
// batch after the other, and a batch that fails must take nothing of the batch beside it along.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { finishImport, resumeImport } from "@/lib/imports/service";
import { runJobBatch, runPendingJobs } from "@/lib/jobs/service";
import { makeLead, type makeUser } from "./support/factories";
import { csv, HEADER, importWorld, leadRow, uploadCsv } from "./support/imports";

type User = Awaited<ReturnType<typeof makeUser>>;
let marketer: User;
const asUser = (user: User) => ({ id: user.id, email: user.email, name: user.name, role: user.role });

const BATCH = 100;
const EXISTING = "side.905@import.test";

beforeEach(async () => {
  await world();
});

async function world() {
  marketer = await importWorld();
  // A lead the file repeats in its last batch: merged there, after the batch before it has committed.
  await makeLead(marketer, { email: EXISTING, name: "Existing Lead", company: "Existing Co" });
  // A lead at a company of batch 4 whose facts nobody knows yet: batch 3 merges line 212 into it and fills them in, and
  // line 306 (batch 4) is scored with them.
  await makeLead(marketer, { email: "side.212@import.test", name: "Known Lead", company: "Side Co 6", companySize: undefined, industry: undefined, country: undefined });
}

/**
 * 1,000 rows, 10 batches of 100, written in pairs (1 and 2, 3 and 4, …). Each 50 lines share a company whose facts
 * change along the file, every third lead qualifies (handed over by the round robin), a line repeats an email of its
 * own batch, and every seventh line gives no company facts: it is scored with its company's facts as the lines before
 * left them. Within pairs: batch 4 names a company of batch 3 (spelled differently; line 301 relies on the facts batch 3
 * gave it), batch 6 repeats an email of batch 5 (line 530 repeats 490 with other facts than 529's, which line 531
 * would inherit were 530 taken for a new lead), and batch 10 repeats a lead that existed before the import.
 */
function sideFile() {
  const rows = Array.from({ length: 1_000 }, (_, index) => {
    const n = index + 1;
    const fits = n % 3 === 0 || n === 530;
    const company = n >= 301 && n <= 305 ? "  side CO 5 " : `Side Co ${Math.floor(index / 50)}`;
    const email = n === 250 ? "side.230@import.test" : n === 530 ? "side.490@import.test" : `side.${n}@import.test`;
    const inherits = n % 7 === 0 || n === 301 || n === 306 || n === 531;
    const facts = inherits ? { size: "", industry: "", country: "" } : { size: fits ? String(200 + n) : String(5 + (n % 30)), country: fits ? "US" : "BR" };
    return leadRow(n, { email, company, title: fits || inherits ? "VP Sales" : "Analyst", ...facts });
  });
  return csv([HEADER, ...rows]);
}

async function startImport(payload: { alone?: boolean } = {}) {
  const { body } = await uploadCsv(sideFile());
  await finishImport(asUser(marketer), { importId: body.id!, choice: "valid" });
  const { jobId } = await db().leadImport.findUniqueOrThrow({ where: { id: body.id! }, select: { jobId: true } });
  await db().job.update({ where: { id: jobId! }, data: { payload: { importId: body.id!, batchSize: BATCH, ...payload } } });
  return { importId: body.id!, jobId: jobId! };
}

/** Everything the import wrote that does not depend on the time it ran. */
async function written() {
  const leads = await db().lead.findMany({
    orderBy: { email: "asc" },
    select: {
      email: true,
      name: true,
      title: true,
      stage: true,
      score: true,
      qualifiedVersion: true,
      source: true,
      company: { select: { name: true, size: true, industry: true, country: true } },
      stageChanges: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { fromStage: true, toStage: true, reason: true } },
      handovers: { select: { status: true, toUser: { select: { email: true } } } },
    },
  });
  const companies = await db().company.findMany({ orderBy: { normalizedName: "asc" }, select: { normalizedName: true, name: true, size: true, industry: true, country: true } });
  const leadCounts = await db().leadCount.findMany({ where: { leads: { not: 0 } }, orderBy: [{ stage: "asc" }, { source: "asc" }] });
  const funnel = await db().funnelRollup.groupBy({ by: ["stage", "source", "repId"], _sum: { entered: true, advanced: true }, orderBy: [{ stage: "asc" }, { source: "asc" }, { repId: "asc" }] });
  const handoverCounts = await db().handoverRollup.groupBy({ by: ["source", "status"], _sum: { handovers: true }, orderBy: [{ source: "asc" }, { status: "asc" }] });
  const audit = await db().auditEvent.groupBy({ by: ["action"], _count: { _all: true }, orderBy: { action: "asc" } });
  const notifications = await db().notification.groupBy({ by: ["kind"], _count: { _all: true }, orderBy: { kind: "asc" } });
  const imported = await db().leadImport.findFirstOrThrow({ select: { status: true, processed: true, created: true, merged: true } });
  return { leads, companies, leadCounts, funnel, handoverCounts, audit, notifications, imported };
}

/** The reference: the same file on the same starting point, written one batch after the other. */
async function oneAfterTheOther() {
  await world();
  await startImport({ alone: true });
  await runPendingJobs();
  return written();
}

describe("an import's batches written side by side", () => {
  it("write two batches in each step of the job", async () => {
    const { jobId } = await startImport();
    const steps: number[] = [];
    while (await runJobBatch(jobId)) steps.push((await db().job.findUniqueOrThrow({ where: { id: jobId }, select: { processed: true } })).processed);
    expect(steps).toEqual([200, 400, 600, 800, 1_000]);
    expect((await db().job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } })).status).toBe("DONE");
  });

  it("leave exactly what one batch after the other leaves: leads, scores, companies, handovers, counts, audit", { timeout: 60_000 }, async () => {
    await startImport();
    const warnings = vi.spyOn(console, "warn");
    await runPendingJobs();
    // No batch had to be written again (two batches locking each other's rows would have).
    expect(warnings).not.toHaveBeenCalled();
    warnings.mockRestore();
    const beside = await written();
    // Merged: line 250 into 230, 530 into 490, and 212 and 905 into the leads that were there before.
    expect(beside.imported).toEqual({ status: "DONE", processed: 1_000, created: 996, merged: 4 });

    expect(beside).toEqual(await oneAfterTheOther());
  });

  it("take nothing of a failed batch along, and resumed, leave what an uninterrupted run leaves", { timeout: 60_000 }, async () => {
    // Line 550 (batch 6) is refused by the database, wherever its batch is written.
    await db().$executeRawUnsafe(`
      CREATE FUNCTION refuse_line_550() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.email = 'side.550@import.test' THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NEW;
      END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER refuse_line_550 BEFORE INSERT ON "Lead" FOR EACH ROW EXECUTE FUNCTION refuse_line_550()`);
    try {
      const { importId, jobId } = await startImport();
      await runPendingJobs();
      // Batch 6 failed beside batch 5 (which committed), then first, with batch 7 beside it: neither left a trace.
      const job = await db().job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true, cursor: true, processed: true } });
      expect(job).toEqual({ status: "FAILED", cursor: "501", processed: 500 });
      expect(await db().leadImport.findUniqueOrThrow({ where: { id: importId }, select: { processed: true, created: true, merged: true } })).toEqual({ processed: 500, created: 498, merged: 2 });
      const lines = (await db().lead.findMany({ where: { email: { startsWith: "side." } }, select: { email: true } })).map((lead) => Number(lead.email.match(/^side\.(\d+)@/)![1]));
      expect(Math.max(...lines.filter((line) => line !== 905))).toBe(500);
      expect(await db().auditEvent.count({ where: { action: "lead.created", data: { path: ["importId"], equals: importId } } })).toBe(498);

      await db().$executeRawUnsafe(`DROP TRIGGER refuse_line_550 ON "Lead"`);
      expect(await resumeImport(asUser(marketer), importId)).toEqual({ resumed: true });
      await runPendingJobs();
      const resumed = await written();
      const reference = await oneAfterTheOther();
      // The resumption's own audit entry is the one difference.
      expect(resumed.audit.filter((entry) => entry.action !== "import.resumed")).toEqual(reference.audit);
      expect({ ...resumed, audit: [] }).toEqual({ ...reference, audit: [] });
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_line_550 ON "Lead"`);
      await db().$executeRawUnsafe(`DROP FUNCTION IF EXISTS refuse_line_550()`);
    }
  });

  it("meet a deadlock and write the batch again instead of failing the import", { timeout: 60_000 }, async () => {
    // The first lead insert of the import is refused as a deadlock victim would be (a sequence is not rolled back).
    await db().$executeRawUnsafe(`CREATE SEQUENCE deadlock_once`);
    await db().$executeRawUnsafe(`
      CREATE FUNCTION deadlock_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.email LIKE 'side.%' AND nextval('deadlock_once') = 1 THEN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END IF;
        RETURN NEW;
      END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER deadlock_once BEFORE INSERT ON "Lead" FOR EACH ROW EXECUTE FUNCTION deadlock_once()`);
    try {
      const { jobId } = await startImport();
      await runPendingJobs();
      expect(await db().job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true, processed: true } })).toEqual({ status: "DONE", processed: 1_000 });
      expect(Number((await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT last_value AS n FROM deadlock_once`))[0]!.n)).toBeGreaterThan(1);
      await db().$executeRawUnsafe(`DROP TRIGGER deadlock_once ON "Lead"`);
      const retried = await written();
      expect(retried).toEqual(await oneAfterTheOther());
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS deadlock_once ON "Lead"`);
      await db().$executeRawUnsafe(`DROP FUNCTION IF EXISTS deadlock_once()`);
      await db().$executeRawUnsafe(`DROP SEQUENCE IF EXISTS deadlock_once`);
    }
  });
});
