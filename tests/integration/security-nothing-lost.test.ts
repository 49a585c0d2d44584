// Nothing lost, nothing half-written. (1) A signature and an edit of the same goal or definition version at the same
// moment: exactly one wins, the other caller is told, and the record is consistent with the winner. (2) A
// transaction forced to fail halfway (a test trigger in PostgreSQL raising in the middle of the write; no mock) leaves
// no row behind: a lead's creation failing at its audit entry, a handover's acceptance failing at its stage change,
// and an intake batch failing at its 30th lead; the batch then succeeds on a retry with the same Idempotency-Key.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createGoalAction, proposeGoalAction, signGoalAction, updateGoalAction } from "@/lib/goals/actions";
import { signDefinitionAction, updateDefinitionAction } from "@/lib/agreement/actions";
import { createLeadAction } from "@/lib/leads/actions";
import { acceptHandoverAction } from "@/lib/handovers/actions";
import { ACTION_CATALOG } from "./support/action-catalog";
import { databaseFingerprint } from "./support/fingerprint";
import { leadInput, makeActiveDefinition, makeDefinition, makeHandedOverLead, makeUser, rulesWith } from "./support/factories";
import { api, makeApiKey } from "./support/intake";
import { as } from "./support/pulse-story";

const ROUNDS = 8;
type Result = { ok: boolean; formError?: string; data?: Record<string, unknown> };

let salesHead: { id: string }, marketingHead: { id: string }, marketer: { id: string; role: "MARKETER" }, rep: { id: string };
let definitionVersion: number;

beforeAll(async () => {
  definitionVersion = (await makeActiveDefinition()).version;
  [salesHead, marketingHead, rep] = [await makeUser("SALES_MANAGER"), await makeUser("MARKETING_MANAGER"), await makeUser("SALES_REP")];
  marketer = { ...(await makeUser("MARKETER")), role: "MARKETER" };
});

describe("a signature and an edit of the same version at the same moment", () => {
  it(`on a goal: exactly one wins and the other is told, in ${ROUNDS} of ${ROUNDS} rounds`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const example = ACTION_CATALOG["lib/goals/actions.ts#createGoalAction"]!.example;
      const created = (await as(salesHead, () => createGoalAction({ ...example, requestKey: randomUUID() }))) as Result;
      const id = created.data!.id as string;
      // Proposed by the head of sales, who signs for sales in doing so; the head of marketing's signature would agree it.
      expect(await as(salesHead, () => proposeGoalAction({ id, version: 1 }))).toMatchObject({ ok: true });
      const [sign, edit] = (await Promise.all([
        as(marketingHead, () => signGoalAction({ id, version: 2 })),
        as(salesHead, () => updateGoalAction({ ...example, target: "55", id, version: 2 })),
      ])) as Result[];
      expect([sign!.ok, edit!.ok].filter(Boolean), JSON.stringify({ sign, edit })).toHaveLength(1);
      expect((sign!.ok ? edit : sign)!.formError).toMatch(/changed this goal a moment ago/);
      const goal = await db().goal.findUniqueOrThrow({ where: { id }, include: { signatures: true } });
      expect(goal.version).toBe(3);
      if (sign!.ok) {
        // Agreed, on the target both heads read; the edit was not applied.
        expect({ status: goal.status, target: Number(goal.target), signatures: goal.signatures.length }).toEqual({ status: "AGREED", target: 40, signatures: 2 });
        outcomes.push("signed");
      } else {
        // Edited: the signatures given on the old target are gone; nobody has agreed to 55.
        expect({ status: goal.status, target: Number(goal.target), signatures: goal.signatures.length }).toEqual({ status: "PROPOSED", target: 55, signatures: 0 });
        outcomes.push("edited");
      }
    }
    console.info(`[goal sign/edit race] ${outcomes.join(", ")}`);
  });

  it(`on a lead definition: exactly one wins and the other is told, in ${ROUNDS} of ${ROUNDS} rounds`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await db().leadDefinition.updateMany({ where: { status: { in: ["DRAFT", "PROPOSED"] } }, data: { status: "WITHDRAWN" } });
      const proposed = await makeDefinition("PROPOSED");
      const edited = rulesWith((rules) => {
        rules.mqlThreshold = 55;
      });
      const [sign, edit] = (await Promise.all([
        as(salesHead, () => signDefinitionAction({ id: proposed.id, revision: proposed.revision })),
        as(marketingHead, () => updateDefinitionAction({ id: proposed.id, revision: proposed.revision, rules: edited })),
      ])) as Result[];
      expect([sign!.ok, edit!.ok].filter(Boolean), JSON.stringify({ sign, edit })).toHaveLength(1);
      expect((sign!.ok ? edit : sign)!.formError).toBeTruthy();
      const definition = await db().leadDefinition.findUniqueOrThrow({ where: { id: proposed.id }, include: { signatures: true } });
      expect(definition.revision).toBe(proposed.revision + 1);
      const threshold = (definition.rules as { mqlThreshold: number }).mqlThreshold;
      if (sign!.ok) {
        expect({ threshold, signatures: definition.signatures.map((s) => s.side) }).toEqual({ threshold: rulesWith().mqlThreshold, signatures: ["SALES"] });
        outcomes.push("signed");
      } else {
        expect({ threshold, signatures: definition.signatures.length }).toEqual({ threshold: 55, signatures: 0 });
        outcomes.push("edited");
      }
    }
    console.info(`[definition sign/edit race] ${outcomes.join(", ")}`);
  });
});

describe("a transaction that fails halfway", () => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});

  /** A trigger that makes PostgreSQL raise when a row matching `when` is inserted into `table`. */
  async function failWhen(table: string, when: string) {
    await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_fail_halfway() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF ${when} THEN RAISE EXCEPTION 'forced failure halfway (test)'; END IF; RETURN NEW; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER test_fail_halfway BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION test_fail_halfway()`);
    return table;
  }
  let armed: string | null = null;

  afterEach(async () => {
    if (armed) await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_halfway ON "${armed}"`);
    armed = null;
  });

  it("a new lead failing at its audit entry (after the lead, its company and its first stage change) leaves nothing", async () => {
    const before = await databaseFingerprint();
    armed = await failWhen("AuditEvent", `NEW.action = 'lead.created'`);
    const result = (await as(marketer, () => createLeadAction(leadInput({ email: "halfway@example.test", company: "Halfway Ltd" })))) as Result;
    expect(result).toEqual({ ok: false, formError: "Something went wrong and nothing was saved. Please try again." });
    expect(errors).toHaveBeenCalled();
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("accepting a handover failing at its stage change leaves the handover waiting and the lead as it was", async () => {
    const handed = await makeHandedOverLead({ owner: marketer, rep, definitionVersion });
    const before = await databaseFingerprint();
    armed = await failWhen("StageChange", `NEW."toStage" = 'SAL'`);
    const result = (await as(rep, () => acceptHandoverAction({ handoverId: handed.handoverId, leadVersion: handed.leadVersion }))) as Result;
    expect(result.ok).toBe(false);
    expect(await databaseFingerprint()).toEqual(before);
    expect(await db().handover.findUniqueOrThrow({ where: { id: handed.handoverId } })).toMatchObject({ status: "PENDING" });
  });

  it("an intake batch of 50 failing at its 30th lead writes none of them, and a retry with the same key writes all 50 once", async () => {
    const { key } = await makeApiKey();
    const leads = Array.from({ length: 50 }, (_, index) => ({ name: `Batch ${index}`, email: `batch.${index}@halfway.test`, company: `Halfway ${index % 5}`, source: "WEBSITE" }));
    const idempotencyKey = randomUUID();
    const before = await databaseFingerprint(["ApiKey", "ApiRateWindow"]);
    armed = await failWhen("Lead", `NEW.email = 'batch.29@halfway.test'`);
    const failed = await api.postBatch({ key, body: { leads }, idempotencyKey });
    expect(failed.status).toBe(500);
    expect(await databaseFingerprint(["ApiKey", "ApiRateWindow"])).toEqual(before);
    await db().$executeRawUnsafe(`DROP TRIGGER test_fail_halfway ON "Lead"`);
    armed = null;

    const retried = await api.postBatch({ key, body: { leads }, idempotencyKey });
    expect(retried.status).toBe(200);
    expect(retried.body.summary).toMatchObject({ created: 50 });
    const replayed = await api.postBatch({ key, body: { leads }, idempotencyKey });
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(await db().lead.count({ where: { email: { endsWith: "@halfway.test" } } })).toBe(50);
  });
});
