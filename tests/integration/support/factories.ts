// Test data through the real database. Users are inserted directly (a known password hash); leads go through the
// real service, as the app would write them.
import bcrypt from "bcryptjs";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/enums";
import { createLead } from "@/lib/leads/service";
import type { LeadInput } from "@/lib/leads/schemas";
import { DEFAULT_RULES } from "@/lib/agreement/defaults";
import type { DefinitionRules } from "@/lib/agreement/schemas";
import { dueAt as slaDueAt } from "@/lib/handovers/rules";

export const TEST_PASSWORD = "correct horse battery staple";
const passwordHash = bcrypt.hashSync(TEST_PASSWORD, 4);
let sequence = 0;

export async function makeUser(role: Role, overrides: { name?: string; email?: string; active?: boolean } = {}) {
  sequence += 1;
  return db().user.create({
    data: {
      name: overrides.name ?? `${role.toLowerCase()} ${sequence}`,
      email: overrides.email ?? `${role.toLowerCase()}.${sequence}@example.test`,
      role,
      active: overrides.active ?? true,
      passwordHash,
    },
    select: { id: true, name: true, email: true, role: true, version: true },
  });
}

export function leadInput(overrides: Partial<LeadInput> = {}): LeadInput {
  sequence += 1;
  return {
    name: `Lead ${sequence}`,
    email: `lead.${sequence}@customer.test`,
    title: "Head of Operations",
    company: `Customer ${sequence} Ltd`,
    companySize: 250,
    industry: "Software",
    country: "GB",
    source: "WEBINAR",
    campaignId: undefined,
    ...overrides,
  };
}

export async function makeLead(creator: { id: string; role: Role }, overrides: Partial<LeadInput> = {}) {
  const input = leadInput(overrides);
  const { id } = await createLead(creator, input);
  return { id, ...input };
}

/** Row counts of every table the app writes, to prove that a refused call changed nothing. */
export async function rowCounts() {
  const [users, companies, leads, stageChanges, campaigns, auditEvents, definitions, signatures, handovers, touches, jobs] = await Promise.all([
    db().user.count(),
    db().company.count(),
    db().lead.count(),
    db().stageChange.count(),
    db().campaign.count(),
    db().auditEvent.count(),
    db().leadDefinition.count(),
    db().definitionSignature.count(),
    db().handover.count(),
    db().touch.count(),
    db().job.count(),
  ]);
  return { users, companies, leads, stageChanges, campaigns, auditEvents, definitions, signatures, handovers, touches, jobs };
}

/** A copy of the standard rules, changed by `patch`: `rulesWith((r) => { r.mqlThreshold = 60; })`. */
export function rulesWith(patch: (rules: DefinitionRules) => void = () => {}): DefinitionRules {
  const rules = structuredClone(DEFAULT_RULES);
  patch(rules);
  return rules;
}

/**
 * Inserts a definition version directly (no signatures, no job), numbered after the latest. An ACTIVE one
 * supersedes the version in force, as activation would; the database allows one ACTIVE and one open version.
 */
export async function makeDefinition(status: "DRAFT" | "PROPOSED" | "ACTIVE" | "WITHDRAWN", rules: DefinitionRules = DEFAULT_RULES) {
  const latest = await db().leadDefinition.aggregate({ _max: { version: true } });
  if (status === "ACTIVE") await db().leadDefinition.updateMany({ where: { status: "ACTIVE" }, data: { status: "SUPERSEDED" } });
  return db().leadDefinition.create({
    data: { version: (latest._max.version ?? 0) + 1, status, rules, ...(status === "ACTIVE" && { activatedAt: new Date(), activatedVia: "CRO" }) },
    select: { id: true, version: true, revision: true, status: true },
  });
}

export function makeActiveDefinition(rules: DefinitionRules = DEFAULT_RULES) {
  return makeDefinition("ACTIVE", rules);
}

/**
 * A lead at MQL with a PENDING handover to `rep`, inserted directly (fast, and the rep is chosen, not the round
 * robin's), with the history the services would have written: INQUIRY and MQL stage changes.
 */
export async function makeHandedOverLead(options: {
  owner: { id: string };
  rep: { id: string };
  definitionVersion: number;
  createdAt?: Date;
  dueAt?: Date;
  acceptHours?: number;
}) {
  sequence += 1;
  const createdAt = options.createdAt ?? new Date();
  const company = await db().company.create({
    data: { name: `Handed ${sequence} Inc`, normalizedName: `handed ${sequence} inc`, size: 250, industry: "Software", country: "GB" },
    select: { id: true },
  });
  const lead = await db().lead.create({
    data: {
      name: `Handed ${sequence}`,
      email: `handed.${sequence}@customer.test`,
      title: "Head of Operations",
      companyId: company.id,
      source: "WEBINAR",
      stage: "MQL",
      stageChangedAt: createdAt,
      score: 85,
      qualifiedVersion: options.definitionVersion,
      ownerId: options.owner.id,
      createdById: options.owner.id,
      createdAt,
      stageChanges: {
        create: [
          { fromStage: null, toStage: "INQUIRY", at: createdAt, actorId: options.owner.id, reason: "Logged" },
          { fromStage: "INQUIRY", toStage: "MQL", at: createdAt, actorId: null, reason: "Met the definition" },
        ],
      },
    },
    select: { id: true, version: true },
  });
  const handover = await db().handover.create({
    data: {
      leadId: lead.id,
      fromUserId: options.owner.id,
      toUserId: options.rep.id,
      definitionVersion: options.definitionVersion,
      createdAt,
      dueAt: options.dueAt ?? slaDueAt(createdAt, options.acceptHours ?? 24),
      firstTouchHours: 48,
    },
    select: { id: true },
  });
  return { leadId: lead.id, leadVersion: lead.version, handoverId: handover.id };
}

/** `count` leads handed to `rep` at once, in four statements, for tests that need many (concurrency rounds). */
export async function makeHandedOverLeads(count: number, options: { owner: { id: string }; rep: { id: string }; definitionVersion: number }) {
  sequence += 1;
  const batch = `batch-${sequence}`;
  const now = new Date();
  const company = await db().company.create({
    data: { name: `${batch} Inc`, normalizedName: `${batch} inc`, size: 250, industry: "Software", country: "GB" },
    select: { id: true },
  });
  const leads = Array.from({ length: count }, (_, index) => ({ id: `${batch}-lead-${String(index).padStart(4, "0")}`, handoverId: `${batch}-handover-${index}` }));
  await db().lead.createMany({
    data: leads.map((lead, index) => ({
      id: lead.id,
      name: `${batch} ${index}`,
      email: `${batch}.${index}@customer.test`,
      title: "Head of Operations",
      companyId: company.id,
      source: "WEBINAR" as const,
      stage: "MQL" as const,
      stageChangedAt: now,
      score: 85,
      qualifiedVersion: options.definitionVersion,
      ownerId: options.owner.id,
      createdById: options.owner.id,
      createdAt: now,
    })),
  });
  await db().stageChange.createMany({
    data: leads.flatMap((lead) => [
      { leadId: lead.id, fromStage: null, toStage: "INQUIRY" as const, at: now, actorId: options.owner.id },
      { leadId: lead.id, fromStage: "INQUIRY" as const, toStage: "MQL" as const, at: now, actorId: null },
    ]),
  });
  await db().handover.createMany({
    data: leads.map((lead) => ({
      id: lead.handoverId,
      leadId: lead.id,
      fromUserId: options.owner.id,
      toUserId: options.rep.id,
      definitionVersion: options.definitionVersion,
      createdAt: now,
      dueAt: slaDueAt(now, 24),
      firstTouchHours: 48,
    })),
  });
  return leads.map((lead) => ({ leadId: lead.id, leadVersion: 1, handoverId: lead.handoverId }));
}
