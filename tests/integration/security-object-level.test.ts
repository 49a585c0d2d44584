// Object-level checks: rep B, holding the same role and permissions as rep A, calls every action that changes a lead,
// a handover, a message or a request directly with rep A's ids. Each is refused and nothing changes. What the
// permission table does let rep B do with rep A's lead (read it and its thread, and comment there, as every revenue
// role may) is checked to work, and an admin, who may not read leads, is refused even that.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createLeadAction, moveLeadStageAction, updateLeadAction } from "@/lib/leads/actions";
import { acceptHandoverAction, rejectHandoverAction } from "@/lib/handovers/actions";
import { logTouchAction } from "@/lib/touches/actions";
import { deleteMessageAction, editMessageAction, postMessageAction } from "@/lib/messaging/actions";
import { cancelRequestAction, createRequestAction } from "@/lib/requests/actions";
import * as threadRoute from "@/app/api/threads/[subjectType]/[subjectId]/messages/route";
import { ACTION_CATALOG } from "./support/action-catalog";
import { databaseFingerprint } from "./support/fingerprint";
import { leadInput, makeActiveDefinition, makeHandedOverLead, makeUser } from "./support/factories";
import { signInAs } from "./support/session";

type Result = { ok: boolean; data?: Record<string, unknown>; formError?: string };
const as = async (user: { id: string }, run: () => Promise<unknown>) => {
  signInAs(user);
  return (await run()) as Result;
};

describe("rep B with rep A's ids", () => {
  let repA: { id: string }, repB: { id: string }, admin: { id: string };
  let lead: { id: string; version: number }, handover: { id: string; leadVersion: number }, message: { id: string; version: number }, request: { id: string; version: number };

  beforeAll(async () => {
    const definition = await makeActiveDefinition();
    const marketer = await makeUser("MARKETER");
    [repA, repB, admin] = [await makeUser("SALES_REP"), await makeUser("SALES_REP"), await makeUser("ADMIN")];
    // Rep A's own lead (logged by the rep: straight to SAL, the rep's), a handover waiting for rep A, a message by
    // rep A on the lead's thread, and rep A's request to marketing.
    const created = await as(repA, () => createLeadAction(leadInput()));
    const logged = await db().lead.findUniqueOrThrow({ where: { id: created.data!.id as string }, select: { id: true, version: true } });
    expect(await as(repA, () => moveLeadStageAction({ leadId: logged.id, version: logged.version, to: "SAL" }))).toMatchObject({ ok: true });
    lead = await db().lead.findUniqueOrThrow({ where: { id: logged.id, stage: "SAL", ownerId: repA.id }, select: { id: true, version: true } });
    const handed = await makeHandedOverLead({ owner: marketer, rep: repA, definitionVersion: definition.version });
    handover = { id: handed.handoverId, leadVersion: handed.leadVersion };
    const posted = await as(repA, () => postMessageAction({ subjectType: "LEAD", subjectId: lead.id, body: "My lead", clientKey: "rep-a-message" }));
    message = { id: posted.data!.id as string, version: 1 };
    await as(repA, () => createRequestAction(ACTION_CATALOG["lib/requests/actions.ts#createRequestAction"]!.example));
    request = await db().helpRequest.findFirstOrThrow({ where: { requesterId: repA.id }, select: { id: true, version: true } });
  });

  it("cannot edit, move, touch, accept, reject, or change rep A's message or request: each refused, nothing changes", async () => {
    const before = await databaseFingerprint();
    const attempts: [string, () => Promise<unknown>][] = [
      ["edit the lead", () => updateLeadAction({ ...leadInput(), id: lead.id, version: lead.version })],
      ["move the lead", () => moveLeadStageAction({ leadId: lead.id, version: lead.version, to: "SQL", reason: "Qualified by someone else" })],
      ["disqualify the lead", () => moveLeadStageAction({ leadId: lead.id, version: lead.version, to: "DISQUALIFIED", reason: "Taking it away" })],
      ["log a touch", () => logTouchAction({ leadId: lead.id, kind: "CALL", note: "Not my lead" })],
      ["accept the handover", () => acceptHandoverAction({ handoverId: handover.id, leadVersion: handover.leadVersion })],
      ["reject the handover", () => rejectHandoverAction({ handoverId: handover.id, leadVersion: handover.leadVersion, reasonCode: "no_budget", note: "Not mine to reject" })],
      ["edit the message", () => editMessageAction({ messageId: message.id, version: message.version, body: "Rewritten" })],
      ["delete the message", () => deleteMessageAction({ messageId: message.id, version: message.version })],
      ["cancel the request", () => cancelRequestAction({ id: request.id, version: request.version })],
    ];
    const refused: string[] = [];
    for (const [what, run] of attempts) {
      const result = await as(repB, run);
      expect(result.ok, `${what}: ${JSON.stringify(result)}`).toBe(false);
      // Refused because the record is rep A's, not for any other reason.
      expect(result.formError, what).toMatch(/not yours|owning rep|another rep|your own messages|rep who asked/);
      refused.push(`${what}: ${result.formError}`);
    }
    expect(refused).toHaveLength(attempts.length);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("may read rep A's lead thread and comment on it, as the permission table lets every revenue role; an admin may not", async () => {
    const read = (user: { id: string }) => {
      signInAs(user);
      return threadRoute.GET(new NextRequest(`http://localhost/api/threads/LEAD/${lead.id}/messages`), { params: Promise.resolve({ subjectType: "LEAD", subjectId: lead.id }) });
    };
    const seen = await read(repB);
    expect(seen.status).toBe(200);
    expect(((await seen.json()) as { messages: { body: string }[] }).messages.map((m) => m.body)).toContain("My lead");
    expect(await as(repB, () => postMessageAction({ subjectType: "LEAD", subjectId: lead.id, body: "Happy to help", clientKey: "rep-b-comment" }))).toMatchObject({ ok: true });

    const before = await databaseFingerprint();
    expect((await read(admin)).status).toBe(404);
    expect(await as(admin, () => postMessageAction({ subjectType: "LEAD", subjectId: lead.id, body: "Admin here", clientKey: "admin-comment" }))).toMatchObject({ ok: false });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
