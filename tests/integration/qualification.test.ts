import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/enums";
import { can } from "@/lib/auth/permissions";
import { DEFAULT_RULES } from "@/lib/agreement/defaults";
import { evaluateLead } from "@/lib/agreement/rules";
import type { DefinitionRules } from "@/lib/agreement/schemas";
import { activateDefinitionAction, draftDefinitionAction, proposeDefinitionAction, updateDefinitionAction } from "@/lib/agreement/actions";
import { activateDefinition } from "@/lib/agreement/service";
import { acceptHandover, rejectHandover } from "@/lib/handovers/service";
import { createLeadAction, moveLeadStageAction, updateLeadAction } from "@/lib/leads/actions";
import { leadFacts } from "@/lib/leads/qualification";
import { logTouchAction } from "@/lib/touches/actions";
import { runJobBatch, runPendingJobs } from "@/lib/jobs/service";
import { signInAs } from "./support/session";
import { leadInput, makeActiveDefinition, makeDefinition, makeUser, rowCounts, rulesWith } from "./support/factories";
import { resetDatabase } from "./support/db";
import type { LeadInput } from "@/lib/leads/schemas";

const ROLES = Object.values(Role);
const HOUR = 3_600_000;

type User = Awaited<ReturnType<typeof makeUser>>;

async function evaluationOf(leadId: string, rules: DefinitionRules) {
  return evaluateLead((await leadFacts(db(), leadId))!, rules);
}

async function logLead(user: User, overrides: Partial<LeadInput> = {}) {
  signInAs(user);
  const input = leadInput(overrides);
  const result = await createLeadAction(input);
  if (!result.ok) throw new Error(`createLeadAction failed: ${JSON.stringify(result)}`);
  return { ...input, ...result.data };
}

function leadWithHistory(id: string) {
  return db().lead.findUniqueOrThrow({
    where: { id },
    include: { stageChanges: { orderBy: [{ at: "asc" }, { id: "asc" }] }, handovers: { include: { toUser: true } } },
  });
}

describe("qualification when a lead is logged, edited or touched", () => {
  let marketer: User;
  let reps: User[];
  let inactiveRep: User;
  let definitionVersion: number;

  beforeAll(async () => {
    marketer = await makeUser("MARKETER");
    reps = [await makeUser("SALES_REP"), await makeUser("SALES_REP")];
    inactiveRep = await makeUser("SALES_REP", { active: false });
    definitionVersion = (await makeActiveDefinition(DEFAULT_RULES)).version;
  });

  it("makes a lead that meets every rule an MQL in the same call and hands it to an active rep", async () => {
    const lead = await logLead(marketer);
    expect(lead.stage).toBe("MQL");
    const row = await leadWithHistory(lead.id);
    const evaluation = await evaluationOf(lead.id, DEFAULT_RULES);
    expect(evaluation.qualifies).toBe(true);
    expect(row).toMatchObject({ stage: "MQL", qualifiedVersion: definitionVersion, score: evaluation.score, ownerId: marketer.id });
    expect(row.score).toBe(85);
    expect(row.stageChanges).toEqual([
      expect.objectContaining({ fromStage: null, toStage: "INQUIRY", actorId: marketer.id }),
      expect.objectContaining({ fromStage: "INQUIRY", toStage: "MQL", actorId: null, reason: `Met lead definition v${definitionVersion} with 85 points` }),
    ]);
    expect(row.handovers).toHaveLength(1);
    const handover = row.handovers[0]!;
    expect(handover).toMatchObject({ status: "PENDING", fromUserId: marketer.id, definitionVersion, firstTouchHours: 48 });
    expect(handover.toUser).toMatchObject({ role: "SALES_REP", active: true });
    expect(reps.map((rep) => rep.id)).toContain(handover.toUserId);
    expect(handover.createdAt).toEqual(row.createdAt);
    expect(handover.dueAt.getTime() - row.createdAt.getTime()).toBe(24 * HOUR);
    const audit = await db().auditEvent.findMany({ where: { entityId: { in: [lead.id, handover.id] } }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(audit.map((event) => event.action)).toEqual(["lead.created", "handover.opened", "lead.stage_changed"]);
  });

  it("keeps a lead that lacks a required field at INQUIRY with its score, and qualifies it once the field is added", async () => {
    const lead = await logLead(marketer, { companySize: undefined });
    expect(lead.stage).toBe("INQUIRY");
    const evaluation = await evaluationOf(lead.id, DEFAULT_RULES);
    expect(evaluation).toMatchObject({ qualifies: false, score: 65, missing: ["Company size is required", "Score 65 is below the threshold of 75"] });
    expect(await leadWithHistory(lead.id)).toMatchObject({ stage: "INQUIRY", score: 65, qualifiedVersion: null, handovers: [], stageChanges: [expect.anything()] });

    const updated = await updateLeadAction({ ...lead, id: lead.id, version: 1, companySize: 250 });
    expect(updated).toEqual({ ok: true, data: { version: 2, stage: "MQL" } });
    const row = await leadWithHistory(lead.id);
    expect(row).toMatchObject({ stage: "MQL", score: 85, qualifiedVersion: definitionVersion, version: 3 });
    expect(row.handovers).toEqual([expect.objectContaining({ status: "PENDING", definitionVersion })]);
    expect(row.stageChanges.map((change) => [change.toStage, change.actorId])).toEqual([
      ["INQUIRY", marketer.id],
      ["MQL", null],
    ]);
  });

  it("counts touches towards the score, up to the agreed cap, and qualifies the lead when they tip it over", async () => {
    const lead = await logLead(marketer, { source: "OUTBOUND" });
    expect(lead.stage).toBe("INQUIRY");
    expect((await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).score).toBe(65);

    expect(await logTouchAction({ leadId: lead.id, kind: "CALL", note: "Left a voicemail" })).toEqual({ ok: true, data: { touchId: expect.any(String), qualified: false } });
    expect(await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "INQUIRY", score: 70 });
    expect(await logTouchAction({ leadId: lead.id, kind: "EMAIL" })).toMatchObject({ ok: true, data: { qualified: true } });
    const row = await leadWithHistory(lead.id);
    expect(row).toMatchObject({ stage: "MQL", score: 75, qualifiedVersion: definitionVersion });
    expect(row.handovers).toHaveLength(1);
    expect((await evaluationOf(lead.id, DEFAULT_RULES)).score).toBe(75);
  });

  it("never hands a lead to an inactive rep", async () => {
    const handovers = await db().handover.findMany({ select: { toUserId: true } });
    expect(handovers.length).toBeGreaterThan(0);
    expect(handovers.map((handover) => handover.toUserId)).not.toContain(inactiveRep.id);
  });

  describe.each(ROLES)("moving a lead to MQL by hand as %s", (role) => {
    it("is refused on an inquiry and on a nurtured lead, and changes nothing", async () => {
      const user = await makeUser(role);
      const inquiry = await logLead(marketer, { companySize: undefined });
      const nurtured = await logLead(marketer, { companySize: undefined });
      await db().lead.update({ where: { id: nurtured.id }, data: { stage: "NURTURE" } });
      signInAs(user);
      const before = await rowCounts();
      for (const leadId of [inquiry.id, nurtured.id]) {
        const result = await moveLeadStageAction({ leadId, version: 1, to: "MQL", reason: "Looks good to me" });
        expect(result).toEqual({
          ok: false,
          formError: can(role, "lead:move") ? expect.stringMatching(/only the server makes this change/) : expect.stringMatching(/role does not allow/),
        });
      }
      expect(await rowCounts()).toEqual(before);
      const rows = await db().lead.findMany({ where: { id: { in: [inquiry.id, nurtured.id] } }, orderBy: { stage: "asc" } });
      expect(rows.map((row) => [row.stage, row.version, row.qualifiedVersion])).toEqual([
        ["INQUIRY", 1, null],
        ["NURTURE", 1, null],
      ]);
    });
  });

  it("leaves a qualifying lead at INQUIRY while no rep is active, and qualifies it once one is", async () => {
    await db().user.updateMany({ where: { role: "SALES_REP" }, data: { active: false } });
    try {
      const lead = await logLead(marketer);
      expect(lead.stage).toBe("INQUIRY");
      expect(await leadWithHistory(lead.id)).toMatchObject({ stage: "INQUIRY", score: 85, qualifiedVersion: null, handovers: [] });
      expect(await db().auditEvent.count({ where: { entityId: lead.id, action: "lead.qualification_waiting_for_rep" } })).toBe(1);

      await db().user.update({ where: { id: reps[1]!.id }, data: { active: true } });
      expect(await logTouchAction({ leadId: lead.id, kind: "NOTE", note: "Still keen" })).toMatchObject({ ok: true, data: { qualified: true } });
      expect(await leadWithHistory(lead.id)).toMatchObject({ stage: "MQL", handovers: [expect.objectContaining({ toUserId: reps[1]!.id })] });
    } finally {
      await db().user.updateMany({ where: { id: { in: reps.map((rep) => rep.id) } }, data: { active: true } });
    }
  });
});

describe("activating a new version re-evaluates the leads marketing still holds", () => {
  it("qualifies exactly the inquiries that meet v2, and leaves leads already handed over under v1", async () => {
    await resetDatabase();
    const [marketer, cro] = [await makeUser("MARKETER"), await makeUser("CRO")];
    await makeUser("SALES_REP");
    const v1 = await makeActiveDefinition(DEFAULT_RULES);

    const small = await logLead(marketer, { companySize: 20 }); // fails v1's size range, fits v2's
    const lowScore = await logLead(marketer, { source: "EMAIL" }); // 70 points: below v1's 75, meets v2's 70
    const neither = await logLead(marketer, { companySize: 20, industry: "Education" });
    const noSize = await logLead(marketer, { companySize: undefined });
    const mql = await logLead(marketer);
    const sal = await logLead(marketer);
    const nurtured = await logLead(marketer);
    expect([small, lowScore, neither, noSize].map((lead) => lead.stage)).toEqual(["INQUIRY", "INQUIRY", "INQUIRY", "INQUIRY"]);
    expect([mql, sal, nurtured].map((lead) => lead.stage)).toEqual(["MQL", "MQL", "MQL"]);
    const pending = (leadId: string) => db().handover.findFirstOrThrow({ where: { leadId, status: "PENDING" } });
    const salHandover = await pending(sal.id);
    await acceptHandover({ id: salHandover.toUserId, role: "SALES_REP" }, { handoverId: salHandover.id, leadVersion: 2 });
    const nurtureHandover = await pending(nurtured.id);
    await rejectHandover({ id: nurtureHandover.toUserId, role: "SALES_REP" }, { handoverId: nurtureHandover.id, leadVersion: 2, reasonCode: "no_budget", note: "Next fiscal year" });

    const v2Rules = rulesWith((rules) => {
      rules.fit.companySize = { min: 10, max: 5000 };
      rules.mqlThreshold = 70;
      rules.sla.acceptHours = 12;
    });
    signInAs(cro);
    const draft = await draftDefinitionAction({});
    if (!draft.ok) throw new Error(JSON.stringify(draft));
    expect(await updateDefinitionAction({ id: draft.data.id, revision: 1, rules: v2Rules })).toMatchObject({ ok: true });
    expect(await proposeDefinitionAction({ id: draft.data.id, revision: 2 })).toMatchObject({ ok: true });
    expect(await activateDefinitionAction({ id: draft.data.id, revision: 3 })).toEqual({ ok: true, data: { activated: true } });
    await runPendingJobs();

    const job = await db().job.findFirstOrThrow();
    expect(job).toMatchObject({ status: "DONE", total: 4, processed: 4, payload: { version: 2 } });
    const qualifiedUnderV2 = await db().lead.findMany({ where: { qualifiedVersion: 2 }, select: { id: true } });
    expect(qualifiedUnderV2.map((lead) => lead.id).sort()).toEqual([small.id, lowScore.id].sort());
    for (const lead of [small, lowScore]) {
      const row = await leadWithHistory(lead.id);
      expect(row).toMatchObject({ stage: "MQL", score: (await evaluationOf(lead.id, v2Rules)).score });
      expect(row.stageChanges.filter((change) => change.toStage === "MQL")).toEqual([expect.objectContaining({ actorId: null, reason: expect.stringMatching(/^Met lead definition v2/) })]);
      expect(row.handovers).toEqual([expect.objectContaining({ status: "PENDING", definitionVersion: 2 })]);
      expect(row.handovers[0]!.dueAt.getTime() - row.handovers[0]!.createdAt.getTime()).toBe(12 * HOUR);
    }
    for (const lead of [neither, noSize]) {
      const evaluation = await evaluationOf(lead.id, v2Rules);
      expect(evaluation.qualifies).toBe(false);
      expect(await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ stage: "INQUIRY", score: evaluation.score, qualifiedVersion: null });
    }
    expect(await leadWithHistory(mql.id)).toMatchObject({ stage: "MQL", qualifiedVersion: v1.version, handovers: [expect.objectContaining({ definitionVersion: 1, status: "PENDING" })] });
    expect(await db().lead.findUniqueOrThrow({ where: { id: sal.id } })).toMatchObject({ stage: "SAL", qualifiedVersion: 1 });
    expect(await leadWithHistory(nurtured.id)).toMatchObject({ stage: "NURTURE", qualifiedVersion: 1, handovers: [expect.objectContaining({ status: "REJECTED" })] });
  });
});

describe("a re-evaluation job interrupted by a crash", () => {
  it("resumes where its last committed batch ended: no lead is skipped or processed twice", async () => {
    await resetDatabase();
    const [marketer, cro] = [await makeUser("MARKETER"), await makeUser("CRO")];
    const reps = [await makeUser("SALES_REP"), await makeUser("SALES_REP")];
    await makeActiveDefinition(DEFAULT_RULES);
    // 450 inquiries at 20-employee companies (below v1's 50): a third in a target industry, which v2 lets in.
    const [fits, misfits] = await Promise.all(
      [
        { name: "Small Fit Co", industry: "Software" },
        { name: "Small School Co", industry: "Education" },
      ].map((company) => db().company.create({ data: { ...company, normalizedName: company.name.toLowerCase(), size: 20, country: "GB" } })),
    );
    const now = new Date();
    const leads = Array.from({ length: 450 }, (_, index) => ({
      id: `bulk-${String(index).padStart(4, "0")}`,
      name: `Bulk ${index}`,
      email: `bulk.${index}@customer.test`,
      title: "Director of Finance",
      companyId: index % 3 === 0 ? fits!.id : misfits!.id,
      source: "WEBINAR" as const,
      ownerId: marketer.id,
      createdById: marketer.id,
      createdAt: now,
      stageChangedAt: now,
    }));
    await db().lead.createMany({ data: leads });
    await db().stageChange.createMany({ data: leads.map((lead) => ({ leadId: lead.id, toStage: "INQUIRY" as const, at: now, actorId: marketer.id })) });
    const qualifying = leads.filter((_, index) => index % 3 === 0).map((lead) => lead.id);

    const v2Rules = rulesWith((rules) => void (rules.fit.companySize = { min: 10, max: 5000 }));
    const proposed = await makeDefinition("PROPOSED", v2Rules);
    await activateDefinition(cro, proposed);
    const { id: jobId } = await db().job.findFirstOrThrow({ where: { status: "QUEUED" } });

    // One batch commits, then the process dies.
    expect(await runJobBatch(jobId)).toBe(true);
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "RUNNING", processed: 200, total: 450, cursor: "bulk-0199" });
    expect(await db().lead.count({ where: { stage: "MQL" } })).toBe(qualifying.filter((id) => id <= "bulk-0199").length);

    // After the restart, the runner resumes; a second instance picking the job up at the same moment must not
    // repeat a batch either.
    await Promise.all([runPendingJobs(), runJobBatch(jobId)]);
    const job = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "DONE", processed: 450, total: 450, cursor: "bulk-0449" });

    const mqlChanges = await db().stageChange.groupBy({ by: ["leadId"], where: { toStage: "MQL" }, _count: { _all: true } });
    expect(mqlChanges.map((group) => group.leadId).sort()).toEqual(qualifying);
    expect(mqlChanges.every((group) => group._count._all === 1)).toBe(true);
    const handovers = await db().handover.groupBy({ by: ["leadId"], _count: { _all: true } });
    expect(handovers.map((group) => group.leadId).sort()).toEqual(qualifying);
    expect(handovers.every((group) => group._count._all === 1)).toBe(true);
    const perRep = await db().handover.groupBy({ by: ["toUserId"], _count: { _all: true } });
    expect(perRep.map((group) => group._count._all)).toEqual([75, 75]);
    expect(perRep.map((group) => group.toUserId).sort()).toEqual(reps.map((rep) => rep.id).sort());

    const stages = await db().lead.groupBy({ by: ["stage", "score", "qualifiedVersion"], _count: { _all: true }, orderBy: { stage: "asc" } });
    expect(stages.map((group) => [group.stage, group.score, group.qualifiedVersion, group._count._all])).toEqual([
      ["INQUIRY", 70, null, 300],
      ["MQL", 85, 2, 150],
    ]);
    expect(await db().auditEvent.count({ where: { action: "lead.stage_changed" } })).toBe(150);
  });
});
