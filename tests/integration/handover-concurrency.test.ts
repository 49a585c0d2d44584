// Many people answering one handover at the same moment: exactly one of them wins, every time. The services are
// called directly because each concurrent caller needs its own identity (the test session is one module variable);
// handover-actions.test.ts proves the actions put the same services behind the permission table and refuse a rep
// who is not the assigned one.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/actions/result";
import { acceptHandover, reassignHandover } from "@/lib/handovers/service";
import { makeActiveDefinition, makeHandedOverLeads, makeUser } from "./support/factories";

const ROUNDS = 100;
type User = Awaited<ReturnType<typeof makeUser>>;
let reps: User[];
let marketer: User;
let salesHead: User;

beforeAll(async () => {
  await makeActiveDefinition();
  marketer = await makeUser("MARKETER");
  salesHead = await makeUser("SALES_MANAGER");
  reps = [];
  for (let index = 0; index < 10; index++) reps.push(await makeUser("SALES_REP"));
});

/** Starts every call at once and splits the winners from the refusals, which must all be domain errors a user can read. */
async function race(calls: (() => Promise<unknown>)[]) {
  const results = await Promise.allSettled(calls.map((call) => call()));
  const winners = results.flatMap((result, index) => (result.status === "fulfilled" ? [index] : []));
  const errors = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
  const unexpected = errors.filter((error) => !(error instanceof DomainError));
  if (unexpected.length > 0) throw unexpected[0];
  return { winners, messages: errors.map((error) => (error as DomainError).message) };
}

/** The history the rounds left: per lead, its SAL stage changes, its handovers and its stage-change audit entries. */
async function outcome(leadIds: string[]) {
  const leads = await db().lead.findMany({
    where: { id: { in: leadIds } },
    include: { handovers: { orderBy: { createdAt: "asc" } }, stageChanges: { where: { toStage: "SAL" } } },
  });
  const audits = await db().auditEvent.groupBy({ by: ["entityId"], where: { action: "lead.stage_changed", entityId: { in: leadIds } }, _count: { _all: true } });
  const auditCount = new Map(audits.map((group) => [group.entityId, group._count._all]));
  expect(leads).toHaveLength(leadIds.length);
  return leads.map((lead) => ({ ...lead, stageAudits: auditCount.get(lead.id) ?? 0 }));
}

const LOST = /changed a moment ago|already been answered/;

describe("concurrent answers to one handover", () => {
  it(`a concurrent accept by 10 reps yields one winner in ${ROUNDS} out of ${ROUNDS} rounds`, async () => {
    const [assigned, ...others] = reps as [User, ...User[]];
    const refs = await makeHandedOverLeads(ROUNDS, { owner: marketer, rep: assigned, definitionVersion: 1 });
    for (const [round, ref] of refs.entries()) {
      // The assigned rep's click lands at a different place among the nine others' each round.
      const callers = [...others];
      callers.splice(round % 10, 0, assigned);
      const { winners, messages } = await race(callers.map((rep) => () => acceptHandover(rep, { handoverId: ref.handoverId, leadVersion: 1 })));
      expect(winners).toEqual([round % 10]);
      expect(messages).toHaveLength(9);
      for (const message of messages) expect(message).toMatch(/assigned to another rep|already been answered/);
    }
    for (const lead of await outcome(refs.map((ref) => ref.leadId))) {
      expect(lead).toMatchObject({ stage: "SAL", ownerId: assigned.id, version: 2, stageAudits: 1 });
      expect(lead.stageChanges).toEqual([expect.objectContaining({ fromStage: "MQL", actorId: assigned.id })]);
      expect(lead.handovers).toEqual([expect.objectContaining({ status: "ACCEPTED", toUserId: assigned.id })]);
    }
    const handoverIds = refs.map((ref) => ref.handoverId);
    expect(await db().auditEvent.count({ where: { action: "handover.accepted", entityId: { in: handoverIds } } })).toBe(ROUNDS);
  });

  it(`the assigned rep's 10 simultaneous clicks accept once, in ${ROUNDS} out of ${ROUNDS} rounds`, async () => {
    const rep = reps[3]!;
    const refs = await makeHandedOverLeads(ROUNDS, { owner: marketer, rep, definitionVersion: 1 });
    for (const ref of refs) {
      const { winners, messages } = await race(Array.from({ length: 10 }, () => () => acceptHandover(rep, { handoverId: ref.handoverId, leadVersion: 1 })));
      expect(winners).toHaveLength(1);
      expect(messages).toHaveLength(9);
      for (const message of messages) expect(message).toMatch(LOST);
    }
    for (const lead of await outcome(refs.map((ref) => ref.leadId))) {
      expect(lead).toMatchObject({ stage: "SAL", ownerId: rep.id, version: 2, stageAudits: 1 });
      expect(lead.stageChanges).toHaveLength(1);
      expect(lead.handovers.map((handover) => handover.status)).toEqual(["ACCEPTED"]);
    }
  });

  it(`a rep's accept and a manager's reassignment at the same moment: exactly one wins, in ${ROUNDS} out of ${ROUNDS} rounds`, async () => {
    const [rep, other] = [reps[5]!, reps[6]!];
    const refs = await makeHandedOverLeads(ROUNDS, { owner: marketer, rep, definitionVersion: 1 });
    for (const [round, ref] of refs.entries()) {
      const accept = () => acceptHandover(rep, { handoverId: ref.handoverId, leadVersion: 1 });
      const reassign = () => reassignHandover(salesHead, { handoverId: ref.handoverId, leadVersion: 1, toRepId: other.id });
      const { winners, messages } = await race(round % 2 === 0 ? [accept, reassign] : [reassign, accept]);
      expect(winners).toHaveLength(1);
      expect(messages).toEqual([expect.stringMatching(/changed a moment ago|already been answered|Only a waiting handover/)]);
    }
    for (const lead of await outcome(refs.map((ref) => ref.leadId))) {
      if (lead.stage === "SAL") {
        expect(lead).toMatchObject({ ownerId: rep.id, stageAudits: 1 });
        expect(lead.stageChanges).toHaveLength(1);
        expect(lead.handovers.map((handover) => handover.status)).toEqual(["ACCEPTED"]);
      } else {
        expect(lead).toMatchObject({ stage: "MQL", ownerId: marketer.id, stageAudits: 0, stageChanges: [] });
        expect(lead.handovers.map((handover) => [handover.status, handover.toUserId])).toEqual([
          ["REASSIGNED", rep.id],
          ["PENDING", other.id],
        ]);
      }
    }
  });
});
