import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/enums";
import { can } from "@/lib/auth/permissions";
import { createLeadAction } from "@/lib/leads/actions";
import { signInAs } from "./support/session";
import { leadInput, makeUser, rowCounts } from "./support/factories";

const ROLES = Object.values(Role);

describe("createLeadAction", () => {
  const users = new Map<Role, { id: string }>();

  beforeAll(async () => {
    for (const role of ROLES) users.set(role, await makeUser(role));
  });

  describe.each(ROLES)("as %s", (role) => {
    const allowed = can(role, "lead:create");

    it(allowed ? "logs the lead at INQUIRY with its first stage change and an audit entry" : "is refused and writes nothing", async () => {
      const user = users.get(role)!;
      signInAs(user);
      const input = leadInput();
      const before = await rowCounts();
      const result = await createLeadAction(input);

      if (!allowed) {
        expect(result).toEqual({ ok: false, formError: expect.stringMatching(/role does not allow/) });
        expect(await rowCounts()).toEqual(before);
        return;
      }
      expect(result.ok).toBe(true);
      const lead = await db().lead.findUniqueOrThrow({
        where: { email: input.email },
        include: { stageChanges: true, company: true },
      });
      expect(lead).toMatchObject({ stage: "INQUIRY", ownerId: user.id, createdById: user.id, score: 0, version: 1 });
      expect(lead.company).toMatchObject({ name: input.company, size: input.companySize, country: input.country });
      expect(lead.stageChanges).toEqual([
        expect.objectContaining({ fromStage: null, toStage: "INQUIRY", actorId: user.id }),
      ]);
      const audit = await db().auditEvent.findMany({ where: { entityId: lead.id } });
      expect(audit).toEqual([expect.objectContaining({ action: "lead.created", actorId: user.id })]);
    });
  });

  it("refuses a caller without a session and writes nothing", async () => {
    signInAs(null);
    const before = await rowCounts();
    const result = await createLeadAction(leadInput());
    expect(result).toEqual({ ok: false, formError: expect.stringMatching(/session has ended/) });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a deactivated user whose session cookie is still valid", async () => {
    const rep = await makeUser("SALES_REP", { active: false });
    signInAs(rep);
    const before = await rowCounts();
    expect((await createLeadAction(leadInput())).ok).toBe(false);
    expect(await rowCounts()).toEqual(before);
  });

  it("returns field errors for invalid input and writes nothing", async () => {
    signInAs(users.get("MARKETER")!);
    const before = await rowCounts();
    const result = await createLeadAction({ ...leadInput(), email: "not-an-email", companySize: -3, industry: "Alchemy", name: "  " });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["companySize", "email", "industry", "name"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("ignores fields a caller may not set, such as stage, score and owner", async () => {
    const marketer = users.get("MARKETER")!;
    signInAs(marketer);
    const input = leadInput();
    const result = await createLeadAction({ ...input, stage: "WON", score: 99, ownerId: users.get("CRO")!.id, version: 7 });
    expect(result.ok).toBe(true);
    const lead = await db().lead.findUniqueOrThrow({ where: { email: input.email } });
    expect(lead).toMatchObject({ stage: "INQUIRY", score: 0, ownerId: marketer.id, version: 1 });
  });

  it("refuses a duplicate email, whatever its case and spacing", async () => {
    signInAs(users.get("SALES_REP")!);
    const input = leadInput();
    expect((await createLeadAction(input)).ok).toBe(true);
    const before = await rowCounts();
    const result = await createLeadAction({ ...leadInput(), email: `  ${input.email.toUpperCase()} ` });
    expect(result).toEqual({
      ok: false,
      formError: "A lead with this email already exists.",
      fieldErrors: { email: ["A lead with this email already exists."] },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("creates exactly one lead when the same email is submitted concurrently", async () => {
    signInAs(users.get("MARKETER")!);
    const email = "race@customer.test";
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => createLeadAction(leadInput({ email, company: `Racing Co ${index % 2}` }))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    for (const result of results.filter((r) => !r.ok)) {
      expect(result).toMatchObject({ fieldErrors: { email: ["A lead with this email already exists."] } });
    }
    expect(await db().lead.count({ where: { email } })).toBe(1);
    const lead = await db().lead.findUniqueOrThrow({ where: { email }, include: { stageChanges: true } });
    expect(lead.stageChanges).toHaveLength(1);
  });

  it("refuses a campaign that does not exist", async () => {
    signInAs(users.get("MARKETER")!);
    const result = await createLeadAction(leadInput({ campaignId: "no-such-campaign" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { campaignId: [expect.any(String)] } });
  });

  it("attributes the lead to an existing campaign and reuses a company however its name is spelled", async () => {
    const marketer = users.get("MARKETER")!;
    signInAs(marketer);
    const campaign = await db().campaign.create({
      data: { name: "Spring webinar", channel: "WEBINAR", startsAt: new Date(), ownerId: marketer.id },
    });
    const first = leadInput({ company: "Globex Corporation", campaignId: campaign.id });
    const second = leadInput({ company: "  globex   CORPORATION " });
    expect((await createLeadAction(first)).ok).toBe(true);
    expect((await createLeadAction(second)).ok).toBe(true);
    const leads = await db().lead.findMany({ where: { email: { in: [first.email, second.email] } } });
    expect(new Set(leads.map((lead) => lead.companyId)).size).toBe(1);
    expect(leads.find((lead) => lead.email === first.email)?.campaignId).toBe(campaign.id);
  });
});
