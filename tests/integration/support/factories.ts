// Test data through the real database. Users are inserted directly (a known password hash); leads go through the
// real service, as the app would write them.
import bcrypt from "bcryptjs";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/enums";
import { createLead } from "@/lib/leads/service";
import type { LeadInput } from "@/lib/leads/schemas";

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
  const [users, companies, leads, stageChanges, campaigns, auditEvents] = await Promise.all([
    db().user.count(),
    db().company.count(),
    db().lead.count(),
    db().stageChange.count(),
    db().campaign.count(),
    db().auditEvent.count(),
  ]);
  return { users, companies, leads, stageChanges, campaigns, auditEvents };
}
