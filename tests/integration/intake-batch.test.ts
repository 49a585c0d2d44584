import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase } from "./support/db";
import { leadInput, makeActiveDefinition, makeUser } from "./support/factories";
import { api, intakeCounts, makeApiKey } from "./support/intake";

let key: string;

beforeEach(async () => {
  await resetDatabase();
  await makeActiveDefinition();
  await makeUser("SALES_REP");
  key = (await makeApiKey("Events team")).key;
});

const invalid = { name: "", email: "nope", company: "X", source: "WEBSITE" };

describe("batch intake", () => {
  it("writes every lead of a valid batch, merging duplicates (within the batch and with existing leads)", async () => {
    await api.postLead({ key, body: leadInput({ email: "known@customer.test" }) });
    const leads = [leadInput(), leadInput({ email: "known@customer.test", source: "EVENT" }), leadInput({ email: "twice@customer.test" }), leadInput({ email: "TWICE@customer.test" })];
    const response = await api.postBatch({ key, body: { leads } });
    expect(response.status).toBe(200);
    expect(response.body.summary).toEqual({ created: 2, merged: 2, invalid: 0, notWritten: 0 });
    expect(response.body.results.map((result: { status: string }) => result.status)).toEqual(["created", "merged", "created", "merged"]);
    expect(await db().lead.count()).toBe(3);
    expect(await db().sourceTouch.count()).toBe(5);
    const qualified = await db().lead.count({ where: { stage: "MQL" } });
    expect(qualified).toBe(await db().handover.count());
    const created = await db().auditEvent.findMany({ where: { action: "lead.created" }, select: { actorId: true, data: true } });
    expect(created).toHaveLength(3);
    for (const entry of created) expect(entry).toEqual({ actorId: null, data: expect.objectContaining({ actor: "api-key:Events team", source: expect.any(String) }) });
  });

  it("writes none when any lead is invalid and partial acceptance was not asked for (422, a result per item)", async () => {
    const before = await intakeCounts();
    const response = await api.postBatch({ key, body: { leads: [leadInput(), invalid, leadInput({ campaignId: "missing" })] } });
    expect(response.status).toBe(422);
    expect(response.body.summary).toEqual({ created: 0, merged: 0, invalid: 2, notWritten: 1 });
    expect(response.body.results[0]).toEqual({ index: 0, status: "not_written" });
    expect(Object.keys(response.body.results[1].fieldErrors).sort()).toEqual(["email", "name"]);
    expect(response.body.results[2].fieldErrors).toEqual({ campaignId: [expect.any(String)] });
    expect(await intakeCounts()).toEqual(before);
  });

  it("writes the valid leads and reports the invalid ones with partial acceptance", async () => {
    const response = await api.postBatch({ key, body: { leads: [leadInput({ email: "ok1@customer.test" }), invalid, leadInput({ email: "ok2@customer.test" })], partial: true } });
    expect(response.status).toBe(200);
    expect(response.body.summary).toEqual({ created: 2, merged: 0, invalid: 1, notWritten: 0 });
    expect(response.body.results[1]).toMatchObject({ index: 1, status: "invalid" });
    expect(await db().lead.findMany({ select: { email: true }, orderBy: { email: "asc" } })).toEqual([{ email: "ok1@customer.test" }, { email: "ok2@customer.test" }]);
  });

  it("refuses an empty batch, more than 1,000 leads, or a malformed envelope, writing nothing", async () => {
    const before = await intakeCounts();
    const tooMany = Array.from({ length: 1001 }, () => leadInput());
    for (const body of [{ leads: [] }, { leads: tooMany }, { leads: "x" }, { leads: [leadInput()], partial: "yes" }, [leadInput()]]) {
      const response = await api.postBatch({ key, body });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe("invalid");
    }
    expect(await intakeCounts()).toEqual(before);
  });

  it("replays a retried batch with the same Idempotency-Key and refuses a different body", async () => {
    const body = { leads: [leadInput(), leadInput()] };
    const first = await api.postBatch({ key, body, idempotencyKey: "batch-1" });
    const retried = await Promise.all(Array.from({ length: 5 }, () => api.postBatch({ key, body, idempotencyKey: "batch-1" })));
    for (const response of retried) expect([response.status, response.body]).toEqual([first.status, first.body]);
    expect(await db().lead.count()).toBe(2);
    expect((await api.postBatch({ key, body: { leads: [leadInput()] }, idempotencyKey: "batch-1" })).status).toBe(409);
    expect(await db().lead.count()).toBe(2);
  });

  it("takes 1,000 leads in one request", async () => {
    const leads = Array.from({ length: 1000 }, (_, index) => leadInput({ email: `bulk.${index}@customer.test` }));
    const response = await api.postBatch({ key, body: { leads } });
    expect(response.status).toBe(200);
    expect(response.body.summary.created).toBe(1000);
    expect(await db().lead.count()).toBe(1000);
  });
});
