// The audit log: every change that matters leaves an entry (stage changes, handovers, signatures, role changes),
// the admin's browser lists and filters them, and nobody can change or delete one.
import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/queries";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { db } from "@/lib/db/client";
import { acceptHandoverAction } from "@/lib/handovers/actions";
import { moveLeadStageAction } from "@/lib/leads/actions";
import { signDefinitionAction } from "@/lib/agreement/actions";
import { changeRoleAction } from "@/lib/users/actions";
import { makeActiveDefinition, makeDefinition, makeHandedOverLead, makeUser } from "./support/factories";
import { signInAs } from "./support/session";

const query = (filters: Record<string, string> = {}) => listAuditEvents(auditQuerySchema.parse(filters));

describe("the audit log", () => {
  let admin: Awaited<ReturnType<typeof makeUser>>;
  let rep: Awaited<ReturnType<typeof makeUser>>;
  let handed: Awaited<ReturnType<typeof makeHandedOverLead>>;
  let proposed: { id: string };

  beforeAll(async () => {
    admin = await makeUser("ADMIN", { name: "Ada Admin" });
    rep = await makeUser("SALES_REP", { name: "Remy Rep" });
    await makeUser("CRO", { name: "Never Acted" });
    const marketer = await makeUser("MARKETER");
    const definition = await makeActiveDefinition();
    handed = await makeHandedOverLead({ owner: marketer, rep, definitionVersion: definition.version });
    proposed = await makeDefinition("PROPOSED");
  });

  it("records a handover's acceptance and a stage change, with who did it", async () => {
    signInAs(rep);
    expect(await acceptHandoverAction({ handoverId: handed.handoverId, leadVersion: handed.leadVersion })).toMatchObject({ ok: true });
    const lead = await db().lead.findUniqueOrThrow({ where: { id: handed.leadId }, select: { version: true } });
    expect(await moveLeadStageAction({ leadId: handed.leadId, version: lead.version, to: "SQL", reason: "Budget confirmed" })).toMatchObject({ ok: true });

    const accepted = await query({ action: "handover.accepted" });
    expect(accepted.rows).toEqual([expect.objectContaining({ entityId: handed.handoverId, actorName: "Remy Rep", entityHref: `/leads/${handed.leadId}` })]);
    const moved = await query({ action: "lead.stage_changed", actor: rep.id });
    expect(moved.rows[0]).toMatchObject({ entityType: "Lead", entityId: handed.leadId, entityHref: `/leads/${handed.leadId}` });
    expect(JSON.parse(moved.rows[0]!.details)).toMatchObject({ to: "SQL" });
  });

  it("records a signature of the agreement, linked to its version", async () => {
    const head = await makeUser("SALES_MANAGER", { name: "Sam Head" });
    signInAs(head);
    const definition = await db().leadDefinition.findUniqueOrThrow({ where: { id: proposed.id }, select: { revision: true, version: true } });
    expect(await signDefinitionAction({ id: proposed.id, revision: definition.revision })).toMatchObject({ ok: true });
    const signed = await query({ action: "definition.signed" });
    expect(signed.rows[0]).toMatchObject({ actorName: "Sam Head", entityHref: `/agreement/versions/${definition.version}` });
  });

  it("records a role change, and lists it first (newest first)", async () => {
    signInAs(admin);
    const target = await makeUser("MARKETER", { name: "Mo Marketer" });
    expect(await changeRoleAction({ userId: target.id, version: target.version, role: "MARKETING_MANAGER" })).toMatchObject({ ok: true });
    const all = await query();
    expect(all.rows[0]).toMatchObject({ action: "user.role_changed", actorName: "Ada Admin", entityId: target.id, entityHref: "/admin/users" });
    expect(JSON.parse(all.rows[0]!.details)).toMatchObject({ from: { role: "MARKETER" }, to: { role: "MARKETING_MANAGER" } });
    const times = all.rows.map((row) => row.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("filters by record type, actor, the system, and date range", async () => {
    expect((await query({ entityType: "User" })).rows.every((row) => row.entityType === "User")).toBe(true);
    expect((await query({ actor: admin.id })).rows.every((row) => row.actorName === "Ada Admin")).toBe(true);
    await db().auditEvent.create({ data: { at: new Date("2026-01-15T12:00:00Z"), actorId: null, action: "job.finished", entityType: "Job", entityId: "j1" } });
    expect((await query({ actor: "system", action: "job.finished" })).rows).toEqual([expect.objectContaining({ actorName: null, entityHref: null })]);
    expect((await query({ from: "2026-01-15", to: "2026-01-15" })).rows.map((row) => row.action)).toEqual(["job.finished"]);
    expect((await query({ from: "2026-01-16", to: "2026-01-16" })).total).toBe(0);
    expect((await query({ from: "2026-02-01", to: "2026-01-01" })).total).toBe(0);
  });

  it("pages through long logs without skipping or repeating an entry", async () => {
    const at = new Date("2025-06-01T00:00:00Z");
    await db().auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ at, actorId: null, action: "bulk.test", entityType: "Test", entityId: `t${i}` })),
    });
    const pages = await Promise.all([1, 2, 3].map((page) => query({ action: "bulk.test", page: String(page) })));
    expect(pages.map((page) => page.rows.length)).toEqual([50, 50, 20]);
    expect(new Set(pages.flatMap((page) => page.rows.map((row) => row.entityId))).size).toBe(120);
    expect((await query({ action: "bulk.test", page: "99" })).page).toBe(3);
  });

  it("cannot be edited or deleted, by anyone, even with SQL", async () => {
    const entry = await db().auditEvent.findFirstOrThrow();
    await expect(db().auditEvent.update({ where: { id: entry.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(db().auditEvent.delete({ where: { id: entry.id } })).rejects.toThrow();
    await expect(db().$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow();
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ action: entry.action });
  });
});

describe("the audit log's filter choices", () => {
  it("lists each action, record type and actor once, sorted", async () => {
    const { auditFilterOptions } = await import("@/lib/audit/queries");
    const options = await auditFilterOptions();
    const actions = (await db().auditEvent.findMany({ select: { action: true } })).map((row) => row.action);
    expect(options.actions).toEqual([...new Set(actions)].sort());
    const types = (await db().auditEvent.findMany({ select: { entityType: true } })).map((row) => row.entityType);
    expect(options.entityTypes).toEqual([...new Set(types)].sort());
    expect(options.actors[0]).toEqual({ value: "system", label: "The system" });
    expect(options.actors.map((actor) => actor.label)).toContain("Ada Admin");
    expect(options.actors.map((actor) => actor.label)).not.toContain("Never Acted");
  });
});
